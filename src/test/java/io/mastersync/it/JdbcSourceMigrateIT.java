package io.mastersync.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A legacy item table in MariaDB migrated into PostgreSQL staging through a JDBC job file. */
class JdbcSourceMigrateIT {

    private static final String MARIADB = System.getProperty("mastersync.test.mariadb.url",
            "jdbc:mariadb://127.0.0.1:3306/test");
    private static TestDatabase db;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() throws Exception {
        db = TestDatabase.create("jdbcsource");
        try (Connection c = DriverManager.getConnection(MARIADB, "root", ""); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS legacy_article_it");
            s.execute("CREATE TABLE legacy_article_it (artnr VARCHAR(20) PRIMARY KEY, bez VARCHAR(100),"
                    + " ean VARCHAR(14), preis DECIMAL(10,2), geaendert DATETIME) CHARACTER SET utf8mb4");
            s.execute("INSERT INTO legacy_article_it VALUES"
                    + " ('A-1', 'Schraube M6 Edelstahl', '4006381333931', 0.12, '2024-05-01 10:00:00'),"
                    + " ('A-2', 'Mutter M6 – verzinkt', NULL, 0.05, '2024-05-02 11:30:00'),"
                    + " ('A-3', 'Unterlegscheibe', '4006381333932', 0.02, NULL),"
                    + " ('A-4', NULL, NULL, NULL, NULL)");
        }
    }

    @AfterAll
    static void tearDown() throws Exception {
        db.close();
        try (Connection c = DriverManager.getConnection(MARIADB, "root", ""); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS legacy_article_it");
        }
    }

    @Test
    void migratesAQueryResultWithTypesAndRejects() throws Exception {
        Path job = Files.writeString(dir.resolve("articles.yml"), """
                feed: legacy-articles
                source-system: MARIA
                entity: item
                source:
                  kind: jdbc
                  url: %s
                  username: root
                  password: ""
                  query: SELECT artnr, bez, ean, preis, geaendert FROM legacy_article_it ORDER BY artnr
                mapping:
                  source-key: artnr
                  sku: artnr
                  name: bez
                  gtin: ean
                  list-price: preis
                  currency: { value: EUR }
                  last-changed: geaendert
                """.formatted(MARIADB));

        CliRun run = CliRun.migrate(db, job);

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Object> feed = db.jdbc().queryForMap("SELECT * FROM run_feed");
        assertThat(feed).containsEntry("read_count", 4L).containsEntry("loaded_count", 2L)
                .containsEntry("rejected_count", 2L);
        assertThat((String) feed.get("source")).startsWith("jdbc jdbc:mariadb://127.0.0.1:3306/test");
        Map<String, Object> nut = db.jdbc().queryForMap("SELECT * FROM stg_item WHERE source_key = 'A-2'");
        assertThat(nut.get("name")).isEqualTo("Mutter M6 – verzinkt");
        assertThat(nut.get("list_price").toString()).isEqualTo("0.0500");
        assertThat(nut.get("last_changed").toString()).startsWith("2024-05-02 11:30");
        assertThat(db.jdbc().queryForList("SELECT rule_id FROM rej_reason ORDER BY source_key", String.class))
                .containsExactly("Gtin", "NotBlank");
    }
}
