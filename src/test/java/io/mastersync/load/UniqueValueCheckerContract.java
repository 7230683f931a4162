package io.mastersync.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import io.mastersync.canonical.EntityType;
import io.mastersync.cleanse.Violation;
import io.mastersync.cleanse.rules.UniqueCheck;

/**
 * The rules files' unique checks on staged rows, written once and run against each database: a warning
 * flags every row sharing a value, with the message and value as the check renders them; an error rejects
 * those rows and removes them from staging; every check sees staging as it was loaded.
 */
abstract class UniqueValueCheckerContract {

    static final RunFeed FEED = new RunFeed(7, "acme-customers", "ACME", EntityType.CUSTOMER);

    abstract JdbcTemplate jdbc();

    abstract Connection connection() throws SQLException;

    abstract SqlDialect dialect();

    static void applyStaging(JdbcTemplate jdbc) throws IOException {
        String sql = Files.readString(Path.of("sql/V2__staging.sql"));
        for (String statement : sql.replaceAll("(?m)^--.*$", "").split(";")) {
            if (!statement.isBlank()) {
                jdbc.execute(statement);
            }
        }
    }

    private void stage(long recordNo, String key, String customerNumber, String email, String creditLimit) {
        jdbc().update("INSERT INTO stg_customer (source_system, source_key, customer_number, email, credit_limit, run_id,"
                + " feed, source_file, source_line, record_no, loaded_at, key_hash, content_hash) VALUES (?, ?, ?, ?, "
                + (creditLimit == null ? "NULL" : "CAST('" + creditLimit + "' AS NUMERIC(18,4))")
                + ", ?, ?, 'customers.csv', ?, ?, CURRENT_TIMESTAMP, ?, 0)", FEED.sourceSystem(), key, customerNumber,
                email, FEED.runId(), FEED.feed(), recordNo + 1, recordNo, recordNo);
    }

    @Test
    void warningsFlagEverySharingRowAndErrorsRejectThemAfterAllChecksRan() throws SQLException {
        stage(1, "C1", "N1", "a@x.de", "100.5");
        stage(2, "C2", "N2", "a@x.de", "100.5");
        stage(3, "C3", "N1", "b@x.de", null);
        stage(4, "C4", "N4", null, null);
        stage(5, "C5", "N5", null, "7");
        stage(6, "C6", "N6", "{value}@x.de", null);
        stage(7, "C7", "N7", "{value}@x.de", null);
        // another run and feed share values too, but are not this feed's business
        jdbc().update("INSERT INTO stg_customer (source_system, source_key, email, run_id, feed, source_file, source_line,"
                + " record_no, loaded_at, key_hash, content_hash) VALUES ('OTHER', 'C1', 'a@x.de', 8, 'other', 'o.csv', 2, 1,"
                + " CURRENT_TIMESTAMP, 1, 0)");
        List<UniqueCheck> checks = List.of(
                new UniqueCheck("customer-number-unique", "customer-number", Violation.Severity.ERROR, null),
                new UniqueCheck("email-unique", "email", Violation.Severity.WARNING, null),
                new UniqueCheck("credit-limit-unique", "credit-limit", Violation.Severity.WARNING,
                        "{field} {value} twice ({value})"));
        String limitText = jdbc().queryForObject("SELECT credit_limit FROM stg_customer WHERE source_key = 'C1' AND feed = 'acme-customers'",
                String.class);

        try (Connection c = connection()) {
            new UniqueValueChecker(FEED, dialect()).check(c, checks);
        }

        assertThat(reasons("email-unique")).containsExactly(
                "1|C1|email|warning|a@x.de|email 'a@x.de' occurs more than once in the feed",
                "2|C2|email|warning|a@x.de|email 'a@x.de' occurs more than once in the feed",
                "6|C6|email|warning|{value}@x.de|email '{value}@x.de' occurs more than once in the feed",
                "7|C7|email|warning|{value}@x.de|email '{value}@x.de' occurs more than once in the feed");
        assertThat(reasons("credit-limit-unique")).containsExactly(
                "1|C1|credit-limit|warning|" + limitText + "|credit-limit " + limitText + " twice (" + limitText + ")",
                "2|C2|credit-limit|warning|" + limitText + "|credit-limit " + limitText + " twice (" + limitText + ")");
        assertThat(reasons("customer-number-unique")).containsExactly(
                "1|C1|customer-number|error|N1|customer-number 'N1' occurs more than once in the feed",
                "3|C3|customer-number|error|N1|customer-number 'N1' occurs more than once in the feed");
        assertThat(jdbc().queryForList("SELECT source_key || ' ' || disposition || ' ' || source_line FROM rej_record"
                + " ORDER BY record_no", String.class)).containsExactly("C1 rejected 2", "C3 rejected 4");
        assertThat(jdbc().queryForList("SELECT source_key FROM stg_customer WHERE feed = ? ORDER BY record_no",
                String.class, FEED.feed())).containsExactly("C2", "C4", "C5", "C6", "C7");
        assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM rej_reason WHERE run_id = ? AND feed = ? AND"
                + " source_system = ?", Long.class, FEED.runId(), FEED.feed(), FEED.sourceSystem())).isEqualTo(8L);
    }

    @Test
    void noSharedValuesNoReasons() throws SQLException {
        stage(1, "C1", "N1", "a@x.de", null);
        stage(2, "C2", "N2", "b@x.de", null);

        try (Connection c = connection()) {
            new UniqueValueChecker(FEED, dialect()).check(c, List.of(
                    new UniqueCheck("email-unique", "email", Violation.Severity.WARNING, null),
                    new UniqueCheck("customer-number-unique", "customer-number", Violation.Severity.ERROR, null)));
        }

        assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM rej_reason", Long.class)).isZero();
        assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM rej_record", Long.class)).isZero();
    }

    private List<String> reasons(String rule) {
        return jdbc().queryForList("SELECT record_no || '|' || source_key || '|' || field || '|' || severity || '|'"
                + " || bad_value || '|' || message FROM rej_reason WHERE rule_id = ? ORDER BY record_no", String.class,
                rule);
    }
}
