package io.mastersync.golden;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
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
        return run(runId, false);
    }

    /**
     * @param incremental rebuild only the golden records of clusters that changed: a member that is new or was
     *                    changed since its cross-reference row was written, or members that were not exactly the
     *                    members of one golden record before; the rest stay as they are. Falls back to a full
     *                    rebuild when more than {@link #INCREMENTAL_SHARE} of the records are in changed clusters.
     */
    public Summary run(long runId, boolean incremental) {
        EntityType entity = file.entity();
        String code = entity.code();
        List<CanonicalField> all = entity.fields();
        StagedRecords staged = StagedRecords.load(jdbc, entity,
                incremental ? List.of() : StagedRecords.allFields(entity));
        int n = staged.size();
        Map<String, Integer> index = staged.index();
        double[] best = new double[n];
        List<int[]> clusters = clusters(runId, code, index, best);

        Previous prev = previous(code, index, n);
        GoldenIds.Assignment ids = GoldenIds.assign(clusters, prev.ids, prev.since, GoldenIds.prefix(code),
                prev.maxNumber + 1);
        List<int[]> rebuilt = clusters;
        String[] rebuiltIds = ids.ids();
        String[][] values = null;
        List<String[]> memberKeys = List.of();
        if (incremental) {
            List<Integer> changed = changedClusters(clusters, ids.ids(), prev, staged);
            long records = changed.stream().mapToLong(c -> clusters.get(c).length).sum();
            if (records > INCREMENTAL_SHARE * n) {
                LOG.log(System.Logger.Level.INFO, String.format(java.util.Locale.ROOT, "%s golden records: full "
                        + "rebuild (%,d of %,d records in changed clusters)", code, records, n));
                index.clear();
                return run(runId, false);
            }
            rebuilt = new ArrayList<>(changed.size());
            rebuiltIds = new String[changed.size()];
            for (int i = 0; i < changed.size(); i++) {
                rebuilt.add(clusters.get(changed.get(i)));
                rebuiltIds[i] = ids.ids()[changed.get(i)];
            }
            memberKeys = memberKeys(staged, rebuilt);
            values = memberValues(staged, memberKeys, index);
        }
        index.clear();

        String table = goldenTable(entity);
        // the golden ids this run rewrites: those of the rebuilt clusters, and the ids their members and the
        // departed records had (merged, split or emptied)
        Set<String> touched = new TreeSet<>(Arrays.asList(rebuiltIds));
        if (incremental) {
            for (int[] members : rebuilt) {
                for (int r : members) {
                    if (prev.ids[r] != null) {
                        touched.add(prev.ids[r]);
                    }
                }
            }
            touched.addAll(prev.departedIds);
        }
        Map<String, Prior> priors = priors(table, all, incremental ? touched : null);
        if (incremental) {
            deleteGolden(table, touched);
            deleteXref(code, memberKeys, prev.departedKeys);
        } else {
            jdbc.update("DELETE FROM " + table);
            jdbc.update("DELETE FROM mdm_xref WHERE entity = ?", code);
        }
        jdbc.update("DELETE FROM mdm_golden_retired WHERE entity = ? AND run_id = ?", code, runId);
        writeRows(runId, entity, staged, values, rebuilt, rebuiltIds, best, priors, ids.retired(), prev);
        if (!incremental && jdbc.execute((ConnectionCallback<SqlDialect>) SqlDialect::of) == SqlDialect.POSTGRESQL) {
            // statistics for the tables just rewritten: without them (autovacuum analyzes later, if ever before
            // the next sync) a sync's delete of 500 cross-reference keys scanned every row of the source system
            // instead of using the key, 40 ms -> 180 ms a statement
            jdbc.execute("ANALYZE " + table + ", mdm_xref");
        }
        // golden ids whose every member left staging (deleted by a sync) are gone without being merged
        // (a hash set of the ids: removeAll with a list scans the list once per prior, 10^10 steps for 10^5 ids)
        Set<String> assigned = new HashSet<>(Arrays.asList(ids.ids()));
        Set<String> vanished = new TreeSet<>();
        for (String id : priors.keySet()) {
            if (!assigned.contains(id) && !ids.retired().containsKey(id)) {
                vanished.add(id);
            }
        }
        changeFeed(runId, code, table, vanished);
        Summary s = new Summary(n, clusters.size(), ids.created(), ids.retired().size());
        LOG.log(System.Logger.Level.INFO, code + " golden records" + (incremental ? " (" + rebuilt.size()
                + " rebuilt)" : "") + ": " + s);
        return s;
    }

    /** Above this share of records in changed clusters, rebuilding everything is as cheap and simpler. */
    static final double INCREMENTAL_SHARE = 0.3;

    /**
     * The cross-reference as it was: the golden id and the run that wrote the row, per staged record; the
     * records that have left staging since (their keys and ids); how many records each id had; the highest id
     * number ever drawn.
     */
    private static final class Previous {
        final String[] ids;
        final long[] runs;
        /** The run since which each record has had its id. */
        final long[] since;
        final List<String[]> departedKeys = new ArrayList<>();
        final Set<String> departedIds = new TreeSet<>();
        final Map<String, Members> members = new HashMap<>();
        long maxNumber;

        /** An earlier golden id and how many records it had. */
        static final class Members {
            final String id;
            int count;

            Members(String id) {
                this.id = id;
            }
        }

        int memberCount(String id) {
            Members m = members.get(id);
            return m == null ? 0 : m.count;
        }

        Previous(int n) {
            ids = new String[n];
            runs = new long[n];
            since = new long[n];
        }
    }

    private Previous previous(String code, Map<String, Integer> index, int n) {
        Previous prev = new Previous(n);
        jdbc.query("SELECT source_system, source_key, golden_id, run_id, COALESCE(since_run, run_id) FROM mdm_xref"
                + " WHERE entity = ?", rs -> {
            // one String per golden id, shared by its members (a map look-up is cheaper than String.intern)
            Previous.Members m = prev.members.computeIfAbsent(rs.getString(3), Previous.Members::new);
            m.count++;
            String id = m.id;
            prev.maxNumber = Math.max(prev.maxNumber, GoldenIds.number(id));
            Integer i = index.get(StagedRecords.ref(rs.getString(1), rs.getString(2)));
            if (i != null) {
                prev.ids[i] = id;
                prev.runs[i] = rs.getLong(4);
                prev.since[i] = rs.getLong(5);
            } else {
                prev.departedKeys.add(new String[] {rs.getString(1), rs.getString(2)});
                prev.departedIds.add(id);
            }
        }, code);
        jdbc.query("SELECT retired_id, surviving_id FROM mdm_golden_retired WHERE entity = ?", rs -> {
            prev.maxNumber = Math.max(prev.maxNumber, Math.max(GoldenIds.number(rs.getString(1)),
                    GoldenIds.number(rs.getString(2))));
        }, code);
        return prev;
    }

    /**
     * Positions of the clusters whose golden record may differ from the stored one: a member new or changed since
     * its cross-reference row was written, or members other than exactly those of one earlier golden record.
     */
    private static List<Integer> changedClusters(List<int[]> clusters, String[] ids, Previous prev,
            StagedRecords staged) {
        List<Integer> changed = new ArrayList<>();
        for (int c = 0; c < clusters.size(); c++) {
            int[] members = clusters.get(c);
            boolean same = ids[c].equals(prev.ids[members[0]])
                    && prev.memberCount(ids[c]) == members.length;
            for (int r : members) {
                same &= ids[c].equals(prev.ids[r]) && staged.run(r) <= prev.runs[r];
            }
            if (!same) {
                changed.add(c);
            }
        }
        return changed;
    }

    /** The (source system, source key) of every member of the given clusters. */
    private static List<String[]> memberKeys(StagedRecords staged, List<int[]> clusters) {
        List<String[]> keys = new ArrayList<>();
        for (int[] members : clusters) {
            for (int r : members) {
                keys.add(new String[] {staged.system(r), staged.key(r)});
            }
        }
        return keys;
    }

    /** All fields of the records with the given keys, by record index, read in batches of keys. */
    private String[][] memberValues(StagedRecords staged, List<String[]> keys, Map<String, Integer> index) {
        EntityType entity = staged.entity();
        String[][] values = new String[staged.size()][];
        StagedRecords.forEachByKeys(jdbc, entity, StagedRecords.allFields(entity), keys,
                (system, key, v) -> values[index.get(StagedRecords.ref(system, key))] = v);
        return values;
    }

    /** The stored golden records (all, or those with the given ids), for created_run and unchanged updated_run. */
    private Map<String, Prior> priors(String table, List<CanonicalField> all, Set<String> only) {
        List<String> valueColumns = valueColumns(all);
        Map<String, Prior> priors = new HashMap<>();
        String select = "SELECT golden_id, created_run, updated_run, " + String.join(", ", valueColumns)
                + ", field_lineage, member_count FROM " + table;
        org.springframework.jdbc.core.RowCallbackHandler read = rs -> {
            String[] values = new String[all.size()];
            for (int f = 2; f < all.size(); f++) {
                values[f] = StagedRecords.text(rs, f + 2, all.get(f).type());
            }
            priors.put(rs.getString(1), new Prior(rs.getLong(2), rs.getLong(3),
                    signature(values, rs.getString(all.size() + 2), rs.getInt(all.size() + 3))));
        };
        if (only == null) {
            jdbc.query(select, read);
        } else {
            for (List<String> batch : Batches.of(new ArrayList<>(only), KEYS_PER_STATEMENT)) {
                jdbc.query(select + " WHERE golden_id IN (" + Batches.marks(batch.size()) + ")", read, batch.toArray());
            }
        }
        return priors;
    }

    private static final int KEYS_PER_STATEMENT = 500;

    private void deleteGolden(String table, Set<String> ids) {
        for (List<String> batch : Batches.of(new ArrayList<>(ids), KEYS_PER_STATEMENT)) {
            jdbc.update("DELETE FROM " + table + " WHERE golden_id IN (" + Batches.marks(batch.size()) + ")",
                    batch.toArray());
        }
    }

    /** Deletes the cross-reference rows of the rebuilt clusters' members and of the departed records. */
    private void deleteXref(String code, List<String[]> members, List<String[]> departed) {
        List<String[]> keys = new ArrayList<>(departed);
        keys.addAll(members);
        Batches.keysBySystem(keys, KEYS_PER_STATEMENT, (system, batch) -> {
            List<Object> args = new ArrayList<>(List.of(code, system));
            args.addAll(batch);
            jdbc.update("DELETE FROM mdm_xref WHERE entity = ? AND source_system = ? AND source_key IN ("
                    + Batches.marks(batch.size()) + ")", args.toArray());
        });
    }

    private static List<String> valueColumns(List<CanonicalField> all) {
        List<String> valueColumns = new ArrayList<>();
        for (int f = 2; f < all.size(); f++) {
            valueColumns.add(all.get(f).column());
        }
        return valueColumns;
    }

    /**
     * Streams the golden records of the given clusters, their members' cross-reference rows and the retired ids.
     * {@code values} holds the members' fields by record index, or is null when {@code staged} has them.
     */
    private void writeRows(long runId, EntityType entity, StagedRecords staged, String[][] values,
            List<int[]> clusters, String[] clusterIds, double[] best, Map<String, Prior> priors,
            Map<String, String> retired, Previous prev) {
        String code = entity.code();
        List<CanonicalField> all = entity.fields();
        List<String> goldenColumns = new ArrayList<>(List.of("golden_id"));
        goldenColumns.addAll(valueColumns(all));
        goldenColumns.addAll(List.of("field_lineage", "created_run", "updated_run", "member_count"));
        jdbc.execute((ConnectionCallback<Void>) con -> {
            Survivorship survivorship = file.survivorship();
            try (BulkRows rows = BulkRows.open(con, goldenTable(entity), goldenColumns)) {
                for (int c = 0; c < clusters.size(); c++) {
                    int[] members = clusters.get(c);
                    List<SourceRecord> recs = new ArrayList<>(members.length);
                    for (int r : members) {
                        String[] full = new String[all.size()];
                        full[0] = staged.system(r);
                        full[1] = staged.key(r);
                        System.arraycopy(values == null ? staged.values(r) : values[r], 0, full, 2, all.size() - 2);
                        recs.add(new SourceRecord(full[0], full[1], full));
                    }
                    Survivorship.Golden g = survivorship.apply(recs);
                    String lineage = g.lineageJson(entity);
                    Prior prior = priors.get(clusterIds[c]);
                    long created = prior == null ? runId : prior.createdRun();
                    long updated = prior != null && prior.signature() == signature(g.values(), lineage, members.length)
                            ? prior.updatedRun() : runId;
                    Object[] row = new Object[goldenColumns.size()];
                    row[0] = clusterIds[c];
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
                    "golden_id", "match_probability", "run_id", "since_run"))) {
                for (int c = 0; c < clusters.size(); c++) {
                    for (int r : clusters.get(c)) {
                        long since = clusterIds[c].equals(prev.ids[r]) ? prev.since[r] : runId;
                        rows.add(code, staged.system(r), staged.key(r), clusterIds[c],
                                Double.isNaN(best[r]) ? null : best[r], runId, since);
                    }
                }
            }
            try (BulkRows rows = BulkRows.open(con, "mdm_golden_retired", List.of("entity", "retired_id",
                    "surviving_id", "run_id"))) {
                for (Map.Entry<String, String> e : retired.entrySet()) {
                    rows.add(code, e.getKey(), e.getValue(), runId);
                }
            }
            return null;
        });
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
