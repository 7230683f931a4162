package io.mastersync.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import io.mastersync.cli.MastersyncCommand;

/**
 * Bad input through the real command line against PostgreSQL: broken rows are rejected with their
 * reasons and counted; broken definitions and missing sources stop the run before anything is loaded.
 */
class BadInputMigrateIT {

    private static TestDatabase db;
    private static JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @BeforeAll
    static void createDatabase() throws Exception {
        db = TestDatabase.create("badinput");
        jdbc = db.jdbc();
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        db.close();
    }

    private Path job(String name, String sourceBlock) throws IOException {
        return Files.writeString(dir.resolve(name + ".yml"), """
                feed: %s
                source-system: BAD
                entity: customer
                source:
                %s
                mapping:
                  source-key: NR
                  name: NAME
                  country: LAND
                """.formatted(name, sourceBlock.indent(2).stripTrailing()));
    }

    @Test
    void brokenRowsAreRejectedWithReasonsAndEveryRowIsAccountedFor() throws IOException {
        byte[] good = "NR,NAME,LAND\n1,Alpha,DE\n2,Beta,AT,extra\n3,Ga\0mma,CH\n".getBytes(StandardCharsets.UTF_8);
        byte[] undecodable = {'4', ',', 'D', (byte) 0xC3, (byte) 0x28, 'l', 't', 'a', ',', 'F', 'R', '\n'};
        byte[] tail = "5,Epsilon,ES\n6,\"Zeta,IT\n7,Eta,PT\n".getBytes(StandardCharsets.UTF_8);
        Path data = dir.resolve("mixed.csv");
        Files.write(data, concat(good, undecodable, tail));
        Path job = job("mixed", "kind: csv\npath: mixed.csv");

        CliRun run = CliRun.migrate(db, job);

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Object> feed = jdbc.queryForMap("SELECT * FROM run_feed WHERE feed = 'mixed'");
        assertThat(feed.get("read_count")).isEqualTo(7L);
        assertThat(feed.get("loaded_count")).isEqualTo(3L);
        assertThat(feed.get("rejected_count")).isEqualTo(4L);
        assertThat(jdbc.queryForList("SELECT source_key FROM stg_customer WHERE source_system = 'BAD' ORDER BY 1",
                String.class)).as("the row after the unclosed quote is read after all").containsExactly("1", "5", "7");
        List<Map<String, Object>> reasons = jdbc.queryForList("SELECT r.rule_id, r.field, j.source_line, j.raw_record"
                + " FROM rej_reason r JOIN rej_record j USING (run_id, feed, record_no) WHERE feed = 'mixed'"
                + " ORDER BY j.source_line");
        assertThat(reasons).extracting(r -> r.get("rule_id")).containsExactly("column-count", "nul-byte", "undecodable",
                "unclosed-quote");
        assertThat(reasons).extracting(r -> r.get("source_line")).containsExactly(3L, 4L, 5L, 7L);
        assertThat(reasons.get(1).get("field")).isEqualTo("NAME");
        assertThat((String) reasons.get(1).get("raw_record")).isEqualTo("3,Ga\u2400mma,CH");
        assertThat((String) reasons.get(3).get("raw_record")).isEqualTo("6,\"Zeta,IT");
    }

    @Test
    void aKeyRepeatedInALaterChunkReplacesTheStagedRowAndSupersedesIt() throws IOException {
        Files.writeString(dir.resolve("repeat.csv"), "NR,NAME,LAND\nR1,First,DE\nR2,Second,DE\nR3,Third,DE\n"
                + "R1,First again,AT\nR2,Second again,AT\nR2,Second thrice,CH\n");
        Path job = job("repeat", "kind: csv\npath: repeat.csv");
        Files.writeString(job, Files.readString(job).replace("entity: customer\n", "entity: customer\nchunk-size: 2\n")
                .replace("source-system: BAD", "source-system: REPEAT"));

        CliRun run = CliRun.migrate(db, job);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(jdbc.queryForList("SELECT source_key || '=' || name || '@' || source_line FROM stg_customer"
                + " WHERE source_system = 'REPEAT' ORDER BY 1", String.class))
                .containsExactly("R1=First again@5", "R2=Second thrice@7", "R3=Third@4");
        assertThat(jdbc.queryForList("SELECT source_key || '@' || source_line FROM rej_record WHERE feed = 'repeat'"
                + " AND disposition = 'superseded' ORDER BY source_line", String.class))
                .containsExactly("R1@2", "R2@3", "R2@6");
        assertThat(jdbc.queryForObject("SELECT read_count || '/' || loaded_count || '/' || superseded_count FROM run_feed"
                + " WHERE feed = 'repeat'", String.class)).isEqualTo("6/3/3");
    }

    @Test
    void anUnknownKeyStopsBeforeLoadingAndNamesFileAndLine() throws IOException {
        Files.writeString(dir.resolve("ok.csv"), "NR,NAME,LAND\n1,Alpha,DE\n");
        Path job = Files.writeString(dir.resolve("typo.yml"), """
                source-system: BAD
                entity: customer
                source:
                  kind: csv
                  path: ok.csv
                  delimitter: ";"
                mapping:
                  source-key: NR
                """);

        assertStoppedBeforeLoading(CliRun.migrate(db, job), job + ":6:", "delimitter");
    }

    @Test
    void aMappedColumnMissingFromTheFileStopsBeforeLoading() throws IOException {
        Files.writeString(dir.resolve("nocountry.csv"), "NR,NAME\n1,Alpha\n");
        Path job = job("nocountry", "kind: csv\npath: nocountry.csv");

        assertStoppedBeforeLoading(CliRun.migrate(db, job), "'LAND'", "nocountry.csv");
    }

    @Test
    void aMissingOrEmptyFileStopsBeforeLoading() throws IOException {
        Path missing = job("missing", "kind: csv\npath: does-not-exist.csv");
        assertStoppedBeforeLoading(CliRun.migrate(db, missing), "does-not-exist.csv");

        Files.write(dir.resolve("empty.csv"), new byte[0]);
        Path empty = job("empty", "kind: csv\npath: empty.csv");
        assertStoppedBeforeLoading(CliRun.migrate(db, empty), "empty.csv", "empty");
    }

    @Test
    void aBrokenRulesFileStopsBeforeLoadingAndNamesFileAndLine() throws IOException {
        Files.writeString(dir.resolve("ruled.csv"), "NR,NAME,LAND\n1,Alpha,DE\n");
        Path rules = Files.writeString(dir.resolve("broken-rules.yml"), """
                entity: customer
                fields:
                  name:
                    normalize: [trim, titlecase-all]
                """);
        Path job = job("ruled", "kind: csv\npath: ruled.csv");
        Files.writeString(job, Files.readString(job).replace("entity: customer\n",
                "entity: customer\nrules: broken-rules.yml\n"));

        assertStoppedBeforeLoading(CliRun.migrate(db, job), rules + ":4", "titlecase-all");
    }

    @Test
    void oneBrokenFeedStopsTheWholeRunBeforeAnyFeedIsLoaded() throws IOException {
        Files.writeString(dir.resolve("fine.csv"), "NR,NAME,LAND\n9,Fine,DE\n");
        Path fine = job("fine", "kind: csv\npath: fine.csv");
        Path missing = job("gone", "kind: csv\npath: gone.csv");
        Files.writeString(missing, Files.readString(missing).replace("source-system: BAD", "source-system: OTHER"));

        assertStoppedBeforeLoading(CliRun.migrate(db, fine, missing), "gone.csv");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stg_customer WHERE source_key = '9'", Long.class)).isZero();
    }

    private void assertStoppedBeforeLoading(CliRun run, String... messageParts) {
        long runsBefore = runs();
        assertThat(run.exitCode()).isEqualTo(MastersyncCommand.EXIT_USAGE);
        assertThat(run.err().lines().count()).as(run.err()).isEqualTo(1);
        for (String part : messageParts) {
            assertThat(run.err()).contains(part);
        }
        assertThat(runs()).isEqualTo(runsBefore);
    }

    private long runs() {
        // the schema may not exist yet when the very first command of the class was refused
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'run_summary'",
                Long.class);
        return n == 0 ? 0 : jdbc.queryForObject("SELECT COUNT(*) FROM run_summary WHERE status <> 'completed'"
                + " OR run_id NOT IN (SELECT run_id FROM run_feed)", Long.class);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
