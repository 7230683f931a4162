package io.mastersync.golden;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import io.mastersync.canonical.CanonicalField;
import io.mastersync.canonical.EntityType;
import io.mastersync.load.BulkRows;
import io.mastersync.load.SqlDialect;

/**
 * {@code golden:<entity>}: clusters the staged records along this run's {@code match} pairs, gives each cluster
 * a stable golden id (see {@link GoldenIds}), builds its golden record by survivorship, and rewrites
 * {@code mdm_golden_<entity>}, the entity's {@code mdm_xref} rows (every staged record, singletons too) and the
 * ids retired by this run. Runs inside the caller's transaction: all or nothing. The rows are streamed to the
 * database (COPY on PostgreSQL) as each cluster's golden record is built, never collected.
 */
public final class GoldenStep {

    private static final System.Logger LOG = System.getLogger(GoldenStep.class.getName());
    /** Change-feed entries of golden records: feed {@code golden:<entity>}, source system {@code MDM}. */
    public static final String CHANGE_FEED_PREFIX = "golden:";
    public static final String CHANGE_FEED_SYSTEM = "MDM";

    public record Summary(int records, int goldenRecords, int newIds, int retiredIds) {
    }

    /** What the previous run wrote for a golden id: to keep {@code created_run}, and {@code updated_run} if equal. */
    private record Prior(long createdRun, long updatedRun, long signature) {
    }

    private final JdbcTemplate jdbc;
    private final MatchFile file;

    public GoldenStep(JdbcTemplate jdbc, MatchFile file) {
        this.jdbc = jdbc;
        this.file = file;
    }

    public static String goldenTable(EntityType entity) {
        return "mdm_golden_" + entity.code();
    }

    public Summary run(long runId) {
        EntityType entity = file.entity();
        String code = entity.code();
        StagedRecords staged = StagedRecords.load(jdbc, entity, StagedRecords.allFields(entity));
        int n = staged.size();
        Map<String, Integer> index = staged.index();
        double[] best = new double[n];
        List<int[]> clusters = clusters(runId, code, index, best);

        String[] previous = new String[n];
        long[] maxNumber = {0};
        jdbc.query("SELECT source_system, source_key, golden_id FROM mdm_xref WHERE entity = ?", rs -> {
            Integer i = index.get(StagedRecords.ref(rs.getString(1), rs.getString(2)));
            String id = rs.getString(3);
            maxNumber[0] = Math.max(maxNumber[0], GoldenIds.number(id));
            if (i != null) {
                previous[i] = id.intern();
            }
        }, code);
        index.clear();
        jdbc.query("SELECT retired_id, surviving_id FROM mdm_golden_retired WHERE entity = ?", rs -> {
            maxNumber[0] = Math.max(maxNumber[0], Math.max(GoldenIds.number(rs.getString(1)),
                    GoldenIds.number(rs.getString(2))));
        }, code);
        List<CanonicalField> all = entity.fields();
        List<String> valueColumns = new ArrayList<>();
        for (int f = 2; f < all.size(); f++) {
            valueColumns.add(all.get(f).column());
        }
        Map<String, Prior> priors = new HashMap<>();
        String table = goldenTable(entity);
        jdbc.query("SELECT golden_id, created_run, updated_run, " + String.join(", ", valueColumns)
                + ", field_lineage, member_count FROM " + table, rs -> {
                    String id = rs.getString(1);
                    maxNumber[0] = Math.max(maxNumber[0], GoldenIds.number(id));
                    String[] values = new String[all.size()];
                    for (int f = 2; f < all.size(); f++) {
                        values[f] = StagedRecords.text(rs, f + 2, all.get(f).type());
                    }
                    priors.put(id, new Prior(rs.getLong(2), rs.getLong(3),
                            signature(values, rs.getString(all.size() + 2), rs.getInt(all.size() + 3))));
                });

        GoldenIds.Assignment ids = GoldenIds.assign(clusters, previous, GoldenIds.prefix(code), maxNumber[0] + 1);

        jdbc.update("DELETE FROM " + table);
        jdbc.update("DELETE FROM mdm_xref WHERE entity = ?", code);
        jdbc.update("DELETE FROM mdm_golden_retired WHERE entity = ? AND run_id = ?", code, runId);
        List<String> goldenColumns = new ArrayList<>(List.of("golden_id"));
        goldenColumns.addAll(valueColumns);
        goldenColumns.addAll(List.of("field_lineage", "created_run", "updated_run", "member_count"));
        jdbc.execute((ConnectionCallback<Void>) con -> {
            Survivorship survivorship = file.survivorship();
            try (BulkRows rows = BulkRows.open(con, table, goldenColumns)) {
                for (int c = 0; c < clusters.size(); c++) {
                    int[] members = clusters.get(c);
                    List<SourceRecord> recs = new ArrayList<>(members.length);
                    for (int r : members) {
                        String[] full = new String[all.size()];
                        full[0] = staged.system(r);
                        full[1] = staged.key(r);
                        System.arraycopy(staged.values(r), 0, full, 2, all.size() - 2);
                        recs.add(new SourceRecord(full[0], full[1], full));
                    }
                    Survivorship.Golden g = survivorship.apply(recs);
                    String lineage = g.lineageJson(entity);
                    Prior prior = priors.get(ids.ids()[c]);
                    long created = prior == null ? runId : prior.createdRun();
                    long updated = prior != null && prior.signature() == signature(g.values(), lineage, members.length)
                            ? prior.updatedRun() : runId;
                    Object[] row = new Object[goldenColumns.size()];
                    row[0] = ids.ids()[c];
                    for (int f = 2; f < all.size(); f++) {
                        row[f - 1] = StagedRecords.parameter(all.get(f).type(), g.values()[f]);
                    }
                    row[all.size() - 1] = lineage;
                    row[all.size()] = created;
                    row[all.size() + 1] = updated;
                    row[all.size() + 2] = members.length;
                    rows.add(row);
                }
            }
            try (BulkRows rows = BulkRows.open(con, "mdm_xref", List.of("entity", "source_system", "source_key",
                    "golden_id", "match_probability", "run_id"))) {
                for (int c = 0; c < clusters.size(); c++) {
                    for (int r : clusters.get(c)) {
                        rows.add(code, staged.system(r), staged.key(r), ids.ids()[c],
                                Double.isNaN(best[r]) ? null : best[r], runId);
                    }
                }
            }
            try (BulkRows rows = BulkRows.open(con, "mdm_golden_retired", List.of("entity", "retired_id",
                    "surviving_id", "run_id"))) {
                for (Map.Entry<String, String> e : ids.retired().entrySet()) {
                    rows.add(code, e.getKey(), e.getValue(), runId);
                }
            }
            return null;
        });
        // golden ids whose every member left staging (deleted by a sync) are gone without being merged
        Set<String> vanished = new TreeSet<>(priors.keySet());
        vanished.removeAll(Arrays.asList(ids.ids()));
        vanished.removeAll(ids.retired().keySet());
        changeFeed(runId, code, table, vanished);
        Summary s = new Summary(n, clusters.size(), ids.created(), ids.retired().size());
        LOG.log(System.Logger.Level.INFO, code + " golden records: " + s);
        return s;
    }

    /**
     * The golden records this run created, changed, retired (merged into another) or dropped (no member left)
     * go to the change feed ({@code sync_change}) as
     * feed {@code golden:<entity>}, source system {@code MDM}, the golden id as key: insert, update or delete.
     */
    private void changeFeed(long runId, String code, String table, Set<String> vanished) {
        if (jdbc.execute((ConnectionCallback<SqlDialect>) SqlDialect::of) == SqlDialect.POSTGRESQL) {
            // sequence numbers must become visible in order: one writer at a time assigns and commits them
            jdbc.execute("LOCK TABLE sync_change IN EXCLUSIVE MODE");
        }
        String feed = CHANGE_FEED_PREFIX + code;
        jdbc.update("DELETE FROM sync_change WHERE run_id = ? AND feed = ?", runId, feed);
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        jdbc.update("INSERT INTO sync_change (run_id, feed, entity, source_system, source_key, change_kind, changed_at)"
                + " SELECT ?, ?, ?, ?, golden_id, CASE WHEN created_run = ? THEN 'insert' ELSE 'update' END, ? FROM "
                + table + " WHERE updated_run = ? ORDER BY golden_id", runId, feed, code, CHANGE_FEED_SYSTEM, runId,
                now, runId);
        jdbc.update("INSERT INTO sync_change (run_id, feed, entity, source_system, source_key, change_kind, changed_at)"
                + " SELECT ?, ?, ?, ?, retired_id, 'delete', ? FROM mdm_golden_retired WHERE entity = ? AND run_id = ?"
                + " ORDER BY retired_id", runId, feed, code, CHANGE_FEED_SYSTEM, now, code, runId);
        List<Object[]> dropped = new ArrayList<>();
        for (String id : vanished) {
            dropped.add(new Object[] {runId, feed, code, CHANGE_FEED_SYSTEM, id, now});
        }
        jdbc.batchUpdate("INSERT INTO sync_change (run_id, feed, entity, source_system, source_key, change_kind,"
                + " changed_at) VALUES (?, ?, ?, ?, ?, 'delete', ?)", dropped);
    }

    /**
     * The connected components of this run's {@code match} pairs, each sorted, in the order of their smallest
     * member; {@code best[r]} becomes the strongest link of record r (NaN for a singleton).
     */
    private List<int[]> clusters(long runId, String code, Map<String, Integer> index, double[] best) {
        int n = best.length;
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        Arrays.fill(best, Double.NaN);
        jdbc.query("SELECT a_source_system, a_source_key, b_source_system, b_source_key, probability "
                + "FROM mdm_match_pair WHERE run_id = ? AND entity = ? AND decision = 'match'", rs -> {
                    Integer a = index.get(StagedRecords.ref(rs.getString(1), rs.getString(2)));
                    Integer b = index.get(StagedRecords.ref(rs.getString(3), rs.getString(4)));
                    if (a == null || b == null) {
                        return;
                    }
                    double p = rs.getDouble(5);
                    best[a] = Double.isNaN(best[a]) ? p : Math.max(best[a], p);
                    best[b] = Double.isNaN(best[b]) ? p : Math.max(best[b], p);
                    int ra = find(parent, a);
                    int rb = find(parent, b);
                    if (ra != rb) {
                        parent[Math.max(ra, rb)] = Math.min(ra, rb);
                    }
                }, runId, code);
        // the root is the smallest member: group by root with a counting sort
        int[] size = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = find(parent, i);
            size[parent[i]]++;
        }
        int[][] byRoot = new int[n][];
        List<int[]> clusters = new ArrayList<>();
        int[] filled = new int[n];
        for (int i = 0; i < n; i++) {
            int r = parent[i];
            if (r == i) {
                byRoot[i] = new int[size[i]];
                clusters.add(byRoot[i]);
            }
            byRoot[r][filled[r]++] = i;
        }
        return clusters;
    }

    /**
     * A 64-bit digest (FNV-1a over the chars, finished with a 64-bit mixer) of a golden record's values, lineage
     * and member count: only compared with the digest the same golden id had, so an accidental collision (which
     * would keep an old {@code updated_run}) is a 1 in 2^64 event.
     */
    static long signature(String[] values, String lineage, int members) {
        long h = 0xcbf29ce484222325L;
        for (int f = 2; f < values.length; f++) {
            h = fnv(h, values[f] == null ? "\u0000null" : values[f]);
            h = (h ^ 1) * 0x100000001b3L;
        }
        h = fnv(h, lineage);
        h = (h ^ 1) * 0x100000001b3L;
        h = (h ^ members) * 0x100000001b3L;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    private static long fnv(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
