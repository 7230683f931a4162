package io.mastersync.golden;

import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import io.mastersync.canonical.CanonicalField;
import io.mastersync.canonical.EntityType;
import io.mastersync.canonical.FieldType;

/**
 * {@code golden:<entity>}: clusters the staged records along this run's {@code match} pairs, gives each cluster
 * a stable golden id (see {@link GoldenIds}), builds its golden record by survivorship, and rewrites
 * {@code mdm_golden_<entity>}, the entity's {@code mdm_xref} rows (every staged record, singletons too) and the
 * ids retired by this run. Runs inside the caller's transaction: all or nothing.
 */
public final class GoldenStep {

    private static final System.Logger LOG = System.getLogger(GoldenStep.class.getName());

    public record Summary(int records, int goldenRecords, int newIds, int retiredIds) {
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
        List<String> fields = StagedRecords.allFields(entity);
        StagedRecords staged = StagedRecords.load(jdbc, entity, fields);
        int n = staged.size();
        Map<String, Integer> index = staged.index();

        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        double[] best = new double[n];
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
        Map<Integer, List<Integer>> byRoot = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            byRoot.computeIfAbsent(find(parent, i), x -> new ArrayList<>(1)).add(i);
        }
        List<int[]> clusters = new ArrayList<>(byRoot.size());
        for (List<Integer> members : byRoot.values()) {
            clusters.add(members.stream().mapToInt(Integer::intValue).toArray());
        }
        byRoot.clear();

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
        jdbc.query("SELECT retired_id, surviving_id FROM mdm_golden_retired WHERE entity = ?", rs -> {
            maxNumber[0] = Math.max(maxNumber[0], Math.max(GoldenIds.number(rs.getString(1)),
                    GoldenIds.number(rs.getString(2))));
        }, code);
        String table = goldenTable(entity);
        List<CanonicalField> all = entity.fields();
        StringBuilder cols = new StringBuilder();
        for (int f = 2; f < all.size(); f++) {
            cols.append(all.get(f).column()).append(", ");
        }
        Map<String, Object[]> previousGolden = new HashMap<>();
        jdbc.query("SELECT golden_id, created_run, updated_run, " + cols + "field_lineage, member_count FROM " + table,
                rs -> {
                    String id = rs.getString(1);
                    maxNumber[0] = Math.max(maxNumber[0], GoldenIds.number(id));
                    StringBuilder sig = new StringBuilder();
                    for (int f = 2; f < all.size(); f++) {
                        sig.append(StagedRecords.text(rs, f + 2, all.get(f).type())).append('\u0001');
                    }
                    sig.append(rs.getString(all.size() + 2)).append('\u0001').append(rs.getInt(all.size() + 3));
                    previousGolden.put(id, new Object[] {rs.getLong(2), rs.getLong(3), sig.toString()});
                });

        GoldenIds.Assignment ids = GoldenIds.assign(clusters, previous, GoldenIds.prefix(code), maxNumber[0] + 1);

        Survivorship survivorship = file.survivorship();
        List<Object[]> goldenRows = new ArrayList<>(clusters.size());
        List<Object[]> xrefRows = new ArrayList<>(n);
        for (int c = 0; c < clusters.size(); c++) {
            int[] members = clusters.get(c);
            List<SourceRecord> recs = new ArrayList<>(members.length);
            for (int r : members) {
                String[] full = new String[all.size()];
                full[0] = staged.system(r);
                full[1] = staged.key(r);
                System.arraycopy(staged.values(r), 0, full, 2, all.size() - 2);
                recs.add(new SourceRecord(full[0], full[1], full));
                xrefRows.add(new Object[] {code, full[0], full[1], ids.ids()[c],
                        Double.isNaN(best[r]) ? null : best[r], runId});
            }
            Survivorship.Golden g = survivorship.apply(recs);
            String lineage = g.lineageJson(entity);
            StringBuilder sig = new StringBuilder();
            for (int f = 2; f < all.size(); f++) {
                sig.append(g.values()[f]).append('\u0001');
            }
            sig.append(lineage).append('\u0001').append(members.length);
            Object[] prior = previousGolden.get(ids.ids()[c]);
            long created = prior == null ? runId : (Long) prior[0];
            long updated = prior != null && prior[2].equals(sig.toString()) ? (Long) prior[1] : runId;
            Object[] row = new Object[all.size() + 3];
            row[0] = ids.ids()[c];
            for (int f = 2; f < all.size(); f++) {
                row[f - 1] = StagedRecords.parameter(all.get(f).type(), g.values()[f]);
            }
            row[all.size() - 1] = lineage;
            row[all.size()] = created;
            row[all.size() + 1] = updated;
            row[all.size() + 2] = members.length;
            goldenRows.add(row);
        }

        jdbc.update("DELETE FROM " + table);
        StringBuilder insert = new StringBuilder("INSERT INTO ").append(table).append(" (golden_id, ").append(cols)
                .append("field_lineage, created_run, updated_run, member_count) VALUES (?");
        int[] types = new int[all.size() + 3];
        types[0] = Types.VARCHAR;
        for (int f = 2; f < all.size(); f++) {
            insert.append(", ?");
            FieldType t = all.get(f).type();
            types[f - 1] = t == FieldType.DECIMAL ? Types.NUMERIC : t == FieldType.TIMESTAMP ? Types.TIMESTAMP
                    : Types.VARCHAR;
        }
        insert.append(", ?, ?, ?, ?)");
        types[all.size() - 1] = Types.VARCHAR;
        types[all.size()] = Types.BIGINT;
        types[all.size() + 1] = Types.BIGINT;
        types[all.size() + 2] = Types.INTEGER;
        Batches.insert(jdbc, insert.toString(), goldenRows, types);

        jdbc.update("DELETE FROM mdm_xref WHERE entity = ?", code);
        Batches.insert(jdbc, "INSERT INTO mdm_xref (entity, source_system, source_key, golden_id, match_probability, "
                + "run_id) VALUES (?, ?, ?, ?, ?, ?)", xrefRows, new int[] {Types.VARCHAR, Types.VARCHAR,
                        Types.VARCHAR, Types.VARCHAR, Types.DOUBLE, Types.BIGINT});

        jdbc.update("DELETE FROM mdm_golden_retired WHERE entity = ? AND run_id = ?", code, runId);
        List<Object[]> retiredRows = new ArrayList<>();
        ids.retired().forEach((old, survivor) -> retiredRows.add(new Object[] {code, old, survivor, runId}));
        Batches.insert(jdbc, "INSERT INTO mdm_golden_retired (entity, retired_id, surviving_id, run_id) "
                + "VALUES (?, ?, ?, ?)", retiredRows, new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                        Types.BIGINT});
        Summary s = new Summary(n, clusters.size(), ids.created(), ids.retired().size());
        LOG.log(System.Logger.Level.INFO, code + " golden records: " + s);
        return s;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
