package io.mastersync.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A sync of a feed that names a match file brings the golden records up to date: new and changed records are
 * matched, untouched clusters keep their golden ids, and golden record changes reach the change feed; a sync
 * that changed nothing leaves the golden records alone.
 */
class SyncGoldenIT {

    @TempDir
    Path dir;
    private TestDatabase db;
    private JdbcTemplate jdbc;

    @BeforeEach
    void createDatabase() throws Exception {
        db = TestDatabase.create("sync_golden");
        jdbc = db.jdbc();
    }

    @AfterEach
    void dropDatabase() throws Exception {
        db.close();
    }

    private Path job() throws IOException {
        Files.copy(Path.of("rules/customer-match.yml"), dir.resolve("customer-match.yml"));
        return Files.writeString(dir.resolve("customers.yml"), String.join("\n", "feed: crm", "source-system: CRM",
                "entity: customer", "match: customer-match.yml", "source:", "  kind: csv", "  path: customers.csv",
                "mapping:", "  source-key: no", "  name: name", "  email: email", "  phone: phone", "  street-1: street",
                "  postal-code: zip", "  city: city", "sync:", "  max-change-share: 1.0", ""));
    }

    private static final String[] FIRST = {"Anna", "Bernd", "Clara", "Dieter", "Eva", "Frank", "Gisela", "Hans"};
    private static final String[] LAST = {"Albrecht", "Brandt", "Conrad", "Dreher", "Engel", "Fuchs", "Graf",
        "Hoffmann", "Imhof", "Jansen"};

    /** 80 distinct people; K0100 is a second record of K0003 (the same person, typo in the name). */
    private static List<String[]> customers() {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            String first = FIRST[i % FIRST.length];
            String last = LAST[i / FIRST.length];
            rows.add(new String[] {String.format("K%04d", i), first + " " + last,
                first.toLowerCase() + "." + last.toLowerCase() + i + "@example.com", "+4930" + (2000000 + i * 7919),
                "Hauptstraße " + (i + 1), String.format("%05d", 10000 + i * 37), "Berlin"});
        }
        String[] twin = rows.get(3).clone();
        twin[0] = "K0100";
        twin[1] = twin[1].replace("Dieter", "Dietr");
        rows.add(twin);
        return rows;
    }

    private void write(List<String[]> rows) throws IOException {
        StringBuilder sb = new StringBuilder("no,name,email,phone,street,zip,city\n");
        for (String[] r : rows) {
            sb.append(String.join(",", r)).append('\n');
        }
        Files.writeString(dir.resolve("customers.csv"), sb.toString());
    }

    private Map<String, String> xref() {
        Map<String, String> m = new HashMap<>();
        jdbc.query("SELECT source_key, golden_id FROM mdm_xref WHERE entity = 'customer'",
                rs -> {
                    m.put(rs.getString(1), rs.getString(2));
                });
        return m;
    }

    private List<String> goldenChanges(long afterSeq) {
        return jdbc.queryForList("SELECT change_kind || ' ' || source_key FROM sync_change WHERE feed = 'golden:customer'"
                + " AND source_system = 'MDM' AND seq > ? ORDER BY seq", String.class, afterSeq);
    }

    private long lastSeq() {
        Long seq = jdbc.queryForObject("SELECT MAX(seq) FROM sync_change", Long.class);
        return seq == null ? 0 : seq;
    }

    /** The 81 customers, written and migrated. */
    private List<String[]> migrated(Path job) throws IOException {
        List<String[]> rows = customers();
        write(rows);
        CliRun migrate = CliRun.migrate(db, job);
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        return rows;
    }

    /** A sync that matches incrementally even these few records. */
    private CliRun sync(Path job, String... settings) {
        List<String> all = new ArrayList<>(List.of("--mastersync.sync.incremental-min-records=0"));
        all.addAll(List.of(settings));
        return syncWith(job, all.toArray(String[]::new));
    }

    private CliRun syncWith(Path job, String... settings) {
        List<String> args = new ArrayList<>(List.of("sync", "--job", job.toString()));
        args.addAll(List.of(settings));
        args.addAll(db.springArgs());
        return CliRun.run(args);
    }

    @Test
    void aSyncMatchesNewRecordsKeepsGoldenIdsAndFeedsGoldenChanges() throws IOException {
        Path job = job();
        List<String[]> rows = migrated(job);
        Map<String, String> before = xref();
        assertThat(before).hasSize(81);
        assertThat(before.get("K0100")).isEqualTo(before.get("K0003"));
        assertThat(goldenChanges(0)).as("the first golden records are all new").hasSize(80)
                .allMatch(c -> c.startsWith("insert "));

        // a third record of K0003's person, a new person, K0042 gone, K0010 moved
        long seq = lastSeq();
        String[] third = rows.get(3).clone();
        third[0] = "K0101";
        third[4] = third[4].replace("straße", "str.");
        rows.add(third);
        rows.add(new String[] {"K0102", "Zoe Neu", "zoe.neu@example.com", "+4930 9999999", "Ringweg 1", "10999",
            "Berlin"});
        rows.removeIf(r -> r[0].equals("K0042"));
        rows.get(10)[6] = "Potsdam";
        write(rows);
        CliRun synced = sync(job);
        assertThat(synced.exitCode()).as(synced.err()).isZero();

        // incremental: the model of the migrate's full match, three records matched as changed (K0101, K0102, K0010)
        Map<String, Object> model = matchModel();
        assertThat(model.get("trained_run")).isEqualTo(runIds().get(0));
        assertThat(model.get("matched_run")).isEqualTo(runIds().get(1));
        assertThat(((Number) model.get("changed_records")).longValue()).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT SUM(pairs) FROM mdm_match_rule WHERE run_id = ?", Long.class,
                runIds().get(1))).as("only pairs of the changed records are compared").isLessThan(20);

        Map<String, String> after = xref();
        assertThat(after).hasSize(82).doesNotContainKey("K0042");
        assertThat(after.get("K0101")).as("joins the existing cluster").isEqualTo(before.get("K0003"));
        assertThat(after.get("K0102")).isNotIn(before.values());
        for (String key : before.keySet()) {
            if (!key.equals("K0042")) {
                assertThat(after.get(key)).as(key).isEqualTo(before.get(key));
            }
        }
        assertThat(goldenChanges(seq)).containsExactlyInAnyOrder("update " + before.get("K0003"),
                "update " + before.get("K0010"), "insert " + after.get("K0102"), "delete " + before.get("K0042"));
        assertThat(jdbc.queryForObject("SELECT city FROM mdm_golden_customer WHERE golden_id = ?", String.class,
                before.get("K0010"))).isEqualTo("Potsdam");
        List<String> args = new ArrayList<>(List.of("changes", "--since", String.valueOf(seq), "--feed",
                "golden:customer", "--format", "csv"));
        args.addAll(db.springArgs());
        CliRun changes = CliRun.run(args);
        assertThat(changes.exitCode()).as(changes.err()).isZero();
        assertThat(changes.out().lines().skip(1)).hasSize(4).allMatch(l -> l.contains(",golden:customer,customer,MDM,G-"));

        // incremental golden records: only the clusters with a changed member were rebuilt
        assertThat(jdbc.queryForList("SELECT source_key FROM mdm_xref WHERE run_id = ? ORDER BY 1", String.class,
                runIds().get(1))).containsExactly("K0003", "K0010", "K0100", "K0101", "K0102");

        // a merge and a split in one sync: K0020 becomes a second record of K0021's customer; K0100 turns out to
        // be someone else
        long seq3 = lastSeq();
        String[] k21 = rows.stream().filter(r -> r[0].equals("K0021")).findFirst().orElseThrow();
        String[] k20 = rows.stream().filter(r -> r[0].equals("K0020")).findFirst().orElseThrow();
        System.arraycopy(k21, 1, k20, 1, k21.length - 1);
        String[] k100 = rows.stream().filter(r -> r[0].equals("K0100")).findFirst().orElseThrow();
        String[] other = {"K0100", "Xaver Yilmaz", "xaver.yilmaz@example.org", "+4989 5550123", "Isarweg 7", "80331",
            "München"};
        System.arraycopy(other, 0, k100, 0, other.length);
        write(rows);
        CliRun merged = sync(job);
        assertThat(merged.exitCode()).as(merged.err()).isZero();
        assertThat(((Number) matchModel().get("changed_records")).longValue()).isEqualTo(2);
        Map<String, String> now = xref();
        String older = before.get("K0020").compareTo(before.get("K0021")) < 0 ? before.get("K0020")
                : before.get("K0021");
        String newer = older.equals(before.get("K0020")) ? before.get("K0021") : before.get("K0020");
        assertThat(now.get("K0020")).as("a merge keeps the older id").isEqualTo(older)
                .isEqualTo(now.get("K0021"));
        assertThat(jdbc.queryForObject("SELECT surviving_id FROM mdm_golden_retired WHERE retired_id = ?",
                String.class, newer)).isEqualTo(older);
        assertThat(now.get("K0003")).as("a split keeps the id on the larger part").isEqualTo(before.get("K0003"))
                .isEqualTo(now.get("K0101"));
        assertThat(now.get("K0100")).isNotIn(after.values());
        assertThat(goldenChanges(seq3)).containsExactlyInAnyOrder("update " + older, "delete " + newer,
                "update " + before.get("K0003"), "insert " + now.get("K0100"));
        assertThat(jdbc.queryForObject("SELECT member_count FROM mdm_golden_customer WHERE golden_id = ?",
                Integer.class, older)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mdm_golden_customer WHERE golden_id = ?", Integer.class,
                newer)).isZero();
        for (String key : after.keySet()) {
            if (!List.of("K0020", "K0021", "K0100").contains(key)) {
                assertThat(now.get(key)).as(key).isEqualTo(after.get(key));
            }
        }
        after = now;

        // the same snapshot again: nothing changed, so neither do the golden records
        long seq2 = lastSeq();
        long pairsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM mdm_match_pair", Long.class);
        CliRun again = sync(job);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(lastSeq()).isEqualTo(seq2);
        assertThat(xref()).isEqualTo(after);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mdm_match_pair", Long.class)).isEqualTo(pairsBefore);

        // a steward says K0050 and K0060 are one customer; the next sync that changes anything (here K0070)
        // honours it although it matches incrementally: the two clusters become one, with the older id
        jdbc.update("INSERT INTO mdm_steward_decision (entity, a_source_system, a_source_key, b_source_system,"
                + " b_source_key, decision, decided_by, decided_at) VALUES ('customer', 'CRM', 'K0050', 'CRM', 'K0060',"
                + " 'same', 'steward', CURRENT_TIMESTAMP)");
        String[] k70 = rows.stream().filter(r -> r[0].equals("K0070")).findFirst().orElseThrow();
        k70[6] = "Potsdam";
        write(rows);
        assertThat(sync(job).exitCode()).isZero();
        assertThat(((Number) matchModel().get("changed_records")).longValue()).isEqualTo(1);
        Map<String, String> joined = xref();
        assertThat(joined.get("K0050")).isEqualTo(joined.get("K0060")).isEqualTo(
                after.get("K0050").compareTo(after.get("K0060")) < 0 ? after.get("K0050") : after.get("K0060"));

        // one more change: one record since the last match, but with the earlier syncs 8 of 82 (9.8%) since the
        // model was estimated, more than a rematch-share of 0.05: a full match estimates it again
        rows.get(30)[6] = "Potsdam";
        write(rows);
        assertThat(sync(job, "--mastersync.sync.rematch-share=0.05").exitCode()).isZero();
        long last = runIds().get(runIds().size() - 1);
        assertThat(matchModel().get("trained_run")).isEqualTo(last);
    }

    @Test
    void aSyncMatchesEverythingAgainWhenTheMatchFileChangedOrWhenToldTo() throws IOException {
        Path job = job();
        List<String[]> rows = migrated(job);
        String twin = xref().get("K0003");

        // an edited match file: the old model no longer fits, so the sync estimates a new one over everything
        Path matchFile = dir.resolve("customer-match.yml");
        Files.writeString(matchFile, Files.readString(matchFile) + "\n# edited\n");
        rows.get(10)[6] = "Potsdam";
        write(rows);
        CliRun synced = sync(job);
        assertThat(synced.exitCode()).as(synced.err()).isZero();
        Map<String, Object> model = matchModel();
        assertThat(model.get("trained_run")).isEqualTo(runIds().get(1)).isEqualTo(model.get("matched_run"));
        assertThat(((Number) model.get("changed_records")).longValue()).isEqualTo(81);
        assertThat(xref().get("K0100")).isEqualTo(twin);

        // mastersync.sync.incremental-match=false: every record again, with a new model
        rows.get(11)[6] = "Potsdam";
        write(rows);
        CliRun full = sync(job, "--mastersync.sync.incremental-match=false");
        assertThat(full.exitCode()).as(full.err()).isZero();
        assertThat(matchModel().get("trained_run")).isEqualTo(runIds().get(2));
        assertThat(xref().get("K0100")).isEqualTo(twin);

        // and incremental again after that
        rows.get(12)[6] = "Potsdam";
        write(rows);
        assertThat(sync(job).exitCode()).isZero();
        assertThat(matchModel().get("trained_run")).isEqualTo(runIds().get(2));
        assertThat(((Number) matchModel().get("changed_records")).longValue()).isEqualTo(1);

        // with the default incremental-min-records (10,000) these 81 records are matched fully by every sync
        rows.get(13)[6] = "Potsdam";
        write(rows);
        assertThat(syncWith(job).exitCode()).isZero();
        assertThat(matchModel().get("trained_run")).isEqualTo(runIds().get(4));
        assertThat(xref().get("K0100")).isEqualTo(twin);
        // five match runs so far; the pairs of the latest three are kept (mastersync.match.pair-runs-kept)
        assertThat(jdbc.queryForList("SELECT DISTINCT run_id FROM mdm_match_pair ORDER BY run_id", Long.class))
                .containsExactlyElementsOf(runIds().subList(2, 5));
    }

    private Map<String, Object> matchModel() {
        Map<String, Object> row = new HashMap<>(jdbc.queryForMap("SELECT trained_run, matched_run, changed_records"
                + " FROM mdm_match_model WHERE entity = 'customer'"));
        row.replaceAll((k, v) -> k.equals("changed_records") ? v : ((Number) v).longValue());
        return row;
    }

    /** The runs so far, oldest first. */
    private List<Long> runIds() {
        return jdbc.queryForList("SELECT run_id FROM run_summary ORDER BY run_id", Long.class);
    }
}
