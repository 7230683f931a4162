package io.mastersync.golden;

import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import io.mastersync.canonical.EntityType;
import io.mastersync.match.Evidence;
import io.mastersync.match.MatchRecord;
import io.mastersync.match.MatchResult;
import io.mastersync.match.Matcher;
import io.mastersync.match.ScoredPair;

/**
 * {@code match:<entity>}: loads every staged record of the entity (all source systems), runs the matcher,
 * applies the steward decisions and stores the scored pairs of this run in {@code mdm_match_pair}: decision
 * {@code match} for pairs that end up in one cluster, {@code possible} for pairs left for review, {@code no}
 * for pairs a steward declared different. The clusters are exactly the connected components of the
 * {@code match} pairs, which is what {@code golden:<entity>} reads. Runs inside the caller's transaction and
 * deletes this run's pairs first, so a re-execution after a crash replaces them.
 */
public final class MatchStep {

    private static final System.Logger LOG = System.getLogger(MatchStep.class.getName());

    public record Summary(int records, int pairs, int matched, int possible, int clusters) {
    }

    private final JdbcTemplate jdbc;
    private final MatchFile file;

    public MatchStep(JdbcTemplate jdbc, MatchFile file) {
        this.jdbc = jdbc;
        this.file = file;
    }

    public Summary run(long runId) {
        EntityType entity = file.entity();
        List<String> fields = new ArrayList<>(file.matchFields());
        StagedRecords staged = StagedRecords.load(jdbc, entity, fields);
        int n = staged.size();
        List<MatchRecord> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String[] v = staged.values(i);
            Map<String, String> m = new HashMap<>(fields.size() * 2);
            for (int f = 0; f < fields.size(); f++) {
                if (v[f] != null) {
                    m.put(fields.get(f), v[f]);
                }
            }
            records.add(new MatchRecord(staged.system(i), staged.key(i), m));
        }
        Map<String, Integer> index = staged.index();
        Map<Long, String> steward = new LinkedHashMap<>();
        jdbc.query("SELECT a_source_system, a_source_key, b_source_system, b_source_key, decision "
                + "FROM mdm_steward_decision WHERE entity = ? ORDER BY decided_at", rs -> {
                    Integer a = index.get(StagedRecords.ref(rs.getString(1), rs.getString(2)));
                    Integer b = index.get(StagedRecords.ref(rs.getString(3), rs.getString(4)));
                    if (a != null && b != null && !a.equals(b)) {
                        steward.put(StewardClustering.key(a, b), rs.getString(5));
                    }
                }, entity.code());

        jdbc.update("DELETE FROM mdm_match_pair WHERE run_id = ? AND entity = ?", runId, entity.code());
        if (n < 2) {
            return new Summary(n, 0, 0, 0, n);
        }
        MatchResult result = new Matcher(file.match()).run(records);
        result.warnings().forEach(w -> LOG.log(System.Logger.Level.INFO, entity.code() + " matching: " + w));
        int[] matcherCluster = new int[n];
        List<int[]> clusters = result.clusters().clusters();
        for (int c = 0; c < clusters.size(); c++) {
            for (int r : clusters.get(c)) {
                matcherCluster[r] = c;
            }
        }
        List<StewardClustering.Link> links = new ArrayList<>();
        for (ScoredPair p : result.matches()) {
            if (matcherCluster[p.a()] == matcherCluster[p.b()]
                    && !"different".equals(steward.get(StewardClustering.key(p.a(), p.b())))) {
                links.add(new StewardClustering.Link(p.a(), p.b(), p.weight()));
            }
        }
        List<int[]> different = new ArrayList<>();
        for (Map.Entry<Long, String> e : steward.entrySet()) {
            int a = (int) (e.getKey() >>> 32);
            int b = (int) (long) e.getKey();
            if ("same".equals(e.getValue())) {
                links.add(new StewardClustering.Link(a, b, Double.POSITIVE_INFINITY));
            } else if ("different".equals(e.getValue())) {
                different.add(new int[] {a, b});
            }
        }
        int[] roots = StewardClustering.cluster(n, links, different);

        List<Object[]> rows = new ArrayList<>();
        Map<Long, Boolean> seen = new HashMap<>();
        int matched = 0;
        int possible = 0;
        for (ScoredPair p : result.scored()) {
            long key = StewardClustering.key(p.a(), p.b());
            seen.put(key, Boolean.TRUE);
            String decision = decision(roots, steward.get(key), p.a(), p.b());
            matched += decision.equals("match") ? 1 : 0;
            possible += decision.equals("possible") ? 1 : 0;
            rows.add(row(runId, staged, p, decision, steward.get(key)));
        }
        for (Map.Entry<Long, String> e : steward.entrySet()) {
            if (seen.containsKey(e.getKey())) {
                continue;
            }
            int a = (int) (e.getKey() >>> 32);
            int b = (int) (long) e.getKey();
            ScoredPair p = result.model().score(a, b, records.get(a), records.get(b));
            String decision = decision(roots, e.getValue(), a, b);
            matched += decision.equals("match") ? 1 : 0;
            rows.add(row(runId, staged, p, decision, e.getValue()));
        }
        String sql = "INSERT INTO mdm_match_pair (run_id, entity, a_source_system, a_source_key, b_source_system, "
                + "b_source_key, probability, weight, decision, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        int[] types = {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                Types.DOUBLE, Types.DOUBLE, Types.VARCHAR, Types.VARCHAR};
        Batches.insert(jdbc, sql, rows, types);
        int clusterCount = 0;
        for (int i = 0; i < n; i++) {
            clusterCount += roots[i] == i ? 1 : 0;
        }
        Summary s = new Summary(n, rows.size(), matched, possible, clusterCount);
        LOG.log(System.Logger.Level.INFO, entity.code() + " matching: " + s);
        return s;
    }

    private static String decision(int[] roots, String steward, int a, int b) {
        if ("different".equals(steward)) {
            return "no";
        }
        return roots[a] == roots[b] ? "match" : "possible";
    }

    private static Object[] row(long runId, StagedRecords staged, ScoredPair p, String decision, String steward) {
        PairKeys k = PairKeys.of(staged.system(p.a()), staged.key(p.a()), staged.system(p.b()), staged.key(p.b()));
        Map<String, Object> evidence = new LinkedHashMap<>();
        for (Evidence e : p.evidence()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("similarity", e.similarity());
            one.put("level", e.level());
            one.put("weight", e.weight());
            evidence.put(e.comparisonId(), one);
        }
        if (steward != null) {
            evidence.put("steward", steward);
        }
        double weight = Double.isFinite(p.weight()) ? p.weight() : Math.copySign(1e9, p.weight());
        return new Object[] {runId, staged.entity().code(), k.aSystem(), k.aKey(), k.bSystem(), k.bKey(),
                p.probability(), weight, decision, JsonText.write(evidence)};
    }
}
