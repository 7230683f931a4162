package io.mastersync.golden;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import io.mastersync.canonical.EntityType;
import io.mastersync.load.BulkRows;
import io.mastersync.match.CandidatePairs;
import io.mastersync.match.EmResult;
import io.mastersync.match.EmResultText;
import io.mastersync.match.MatchRecord;
import io.mastersync.match.MatchResult;
import io.mastersync.match.Matcher;
import io.mastersync.match.ScoredPair;
import io.mastersync.match.ScoredPairs;

/**
 * {@code match:<entity>}: loads every staged record of the entity (all source systems), runs the matcher,
 * applies the steward decisions and stores the scored pairs of this run in {@code mdm_match_pair}: decision
 * {@code match} for pairs that end up in one cluster, {@code possible} for pairs left for review, {@code no}
 * for pairs a steward declared different; and what each blocking rule produced in {@code mdm_match_rule}. The
 * clusters are exactly the connected components of the {@code match} pairs, which is what {@code golden:<entity>}
 * reads. Runs inside the caller's transaction and deletes this run's rows first, so a re-execution after a crash
 * replaces them. Pairs are streamed to the database (COPY on PostgreSQL), never held as rows.
 */
public final class MatchStep {

    private static final System.Logger LOG = System.getLogger(MatchStep.class.getName());

    public record Summary(int records, int pairs, int matched, int possible, int clusters) {
    }

    private static final List<String> PAIR_COLUMNS = List.of("run_id", "entity", "a_source_system", "a_source_key",
            "b_source_system", "b_source_key", "probability", "weight", "decision", "evidence", "review_reason");
    private static final List<String> RULE_COLUMNS = List.of("run_id", "entity", "rule_order", "rule_id", "pairs",
            "new_pairs", "blocks", "skipped_blocks", "capped_blocks");

    private final JdbcTemplate jdbc;
    private final MatchFile file;

    private final int pairRunsKept;

    public MatchStep(JdbcTemplate jdbc, MatchFile file) {
        this(jdbc, file, Integer.MAX_VALUE);
    }

    /** @param pairRunsKept the pairs of this many of the entity's latest match runs (this one included) stay */
    public MatchStep(JdbcTemplate jdbc, MatchFile file, int pairRunsKept) {
        this.jdbc = jdbc;
        this.file = file;
        this.pairRunsKept = pairRunsKept;
    }

    public Summary run(long runId) {
        return run(runId, null);
    }

    /**
     * @param incremental null for a full match; else how a sync may match incrementally: only the records changed
     *                    since the entity's last match, when that match's model fits the match file as it is now
     *                    and at most {@link Incremental#maxChangedShare} of the records changed
     */
    public Summary run(long runId, Incremental incremental) {
        EntityType entity = file.entity();
        List<String> fields = new ArrayList<>(file.matchFields());
        StagedRecords staged = StagedRecords.load(jdbc, entity, fields);
        int n = staged.size();
        String[] names = fields.toArray(String[]::new);
        List<MatchRecord> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            records.add(MatchRecord.of(staged.system(i), staged.key(i), names, staged.values(i)));
        }
        Map<String, Integer> index = staged.index();
        Map<Long, String> steward = stewardDecisions(index, entity);
        String settingsHash = MatchModelState.settingsHash(file.file());
        MatchModelState prior = incremental == null ? null : MatchModelState.load(jdbc, entity);
        Plan plan = plan(prior, settingsHash, staged, incremental);
        // read before this run's rows are deleted: a re-executed step of this run builds on the last complete one
        PairIndices kept = plan.fit() == null ? null : keptPairs(prior.matchedRun(), entity, index);
        index.clear();

        jdbc.update("DELETE FROM mdm_match_pair WHERE run_id = ? AND entity = ?", runId, entity.code());
        jdbc.update("DELETE FROM mdm_match_rule WHERE run_id = ? AND entity = ?", runId, entity.code());
        if (n < 2) {
            MatchModelState.delete(jdbc, entity);
            return new Summary(n, 0, 0, 0, n);
        }
        Matcher matcher = new Matcher(file.match());
        MatchResult result = plan.fit() == null ? matcher.run(records)
                : matcher.runIncremental(records, plan.changed(), new Matcher.EarlierMatch(plan.fit(),
                        prior.blockLimits(), kept.a(), kept.b()), stewardRecords(steward));
        result.warnings().forEach(w -> LOG.log(System.Logger.Level.INFO, entity.code() + " matching: " + w));
        writeRuleReports(runId, entity, result.candidates());
        int[] roots = clusters(n, result, steward);
        warnOverruledSame(entity, staged, steward, roots);
        Summary s = writePairs(runId, staged, result, steward, roots,
                new ReviewReasons(file.match().thresholds(), file.match().oneToOne(), result.clusters().review()));
        new MatchModelState(settingsHash, plan.fit() == null ? runId : prior.trainedRun(), runId, n,
                plan.changedCount(), EmResultText.format(result.em()),
                plan.fit() == null ? blockLimits(result.candidates()) : prior.blockLimits()).save(jdbc, entity);
        forgetOldPairs(runId, entity);
        LOG.log(System.Logger.Level.INFO, entity.code() + " matching" + (plan.fit() == null ? "" : " (incremental, "
                + plan.changedCount() + " changed records)") + ": " + s);
        return s;
    }

    /** Deletes the pairs of the entity's match runs older than the latest {@link #pairRunsKept}. */
    private void forgetOldPairs(long runId, EntityType entity) {
        if (pairRunsKept == Integer.MAX_VALUE) {
            return;
        }
        // every match run reports its blocking rules: a small table to find the runs in
        List<Long> runs = jdbc.queryForList("SELECT DISTINCT run_id FROM mdm_match_rule WHERE entity = ? AND"
                + " run_id <= ? ORDER BY run_id DESC", Long.class, entity.code(), runId);
        if (runs.size() > pairRunsKept) {
            int gone = jdbc.update("DELETE FROM mdm_match_pair WHERE entity = ? AND run_id <= ?", entity.code(),
                    runs.get(pairRunsKept));
            LOG.log(System.Logger.Level.INFO, entity.code() + " matching: deleted " + gone + " pairs of runs up to "
                    + runs.get(pairRunsKept) + " (mastersync.match.pair-runs-kept = " + pairRunsKept + ")");
        }
    }

    /**
     * When a sync may build on an earlier match: at most {@code maxChangedShare} of the records changed since the
     * model was estimated, and at least {@code minRecords} records.
     */
    public record Incremental(double maxChangedShare, int minRecords) {
    }

    /** A full match ({@code fit} null), or the changed records and the model to match them with. */
    private record Plan(EmResult fit, boolean[] changed, int changedCount) {
    }

    private Plan plan(MatchModelState prior, String settingsHash, StagedRecords staged, Incremental incremental) {
        int n = staged.size();
        String code = staged.entity().code();
        if (prior == null) {
            if (incremental != null) {
                LOG.log(System.Logger.Level.INFO, code + " matching: full (no earlier match to build on)");
            }
            return new Plan(null, null, n);
        }
        if (n < incremental.minRecords()) {
            LOG.log(System.Logger.Level.INFO, String.format(java.util.Locale.ROOT, "%s matching: full (%,d records, "
                    + "fewer than incremental-min-records %,d)", code, n, incremental.minRecords()));
            return new Plan(null, null, n);
        }
        if (!prior.settingsHash().equals(settingsHash)) {
            LOG.log(System.Logger.Level.INFO, code + " matching: full (the match file changed since its last match)");
            return new Plan(null, null, n);
        }
        int[] levelCounts = file.match().comparisons().stream().mapToInt(c -> c.levels().size() + 1).toArray();
        EmResult fit = EmResultText.parse(prior.model(), levelCounts);
        if (fit == null) {
            LOG.log(System.Logger.Level.INFO, code + " matching: full (the stored model does not fit the comparisons)");
            return new Plan(null, null, n);
        }
        boolean[] changed = new boolean[n];
        int count = 0;
        int sinceTraining = 0;
        for (int i = 0; i < n; i++) {
            changed[i] = staged.run(i) > prior.matchedRun();
            count += changed[i] ? 1 : 0;
            sinceTraining += staged.run(i) > prior.trainedRun() ? 1 : 0;
        }
        // how far the data moved from what the model was estimated on: every change since then, so that many
        // small syncs add up to a full match; records that left staging count too
        Long gone = jdbc.queryForObject("SELECT COUNT(*) FROM " + staged.entity().stagingTable()
                + " WHERE deleted_at IS NOT NULL AND deleted_run > ?", Long.class, prior.trainedRun());
        long moved = sinceTraining + (gone == null ? 0 : gone);
        if (moved > incremental.maxChangedShare() * n) {
            LOG.log(System.Logger.Level.INFO, String.format(java.util.Locale.ROOT, "%s matching: full (%,d of %,d "
                    + "records changed or deleted since the model was estimated in run %d, more than rematch-share "
                    + "%.2f)", code, moved, n, prior.trainedRun(), incremental.maxChangedShare()));
            return new Plan(null, null, n);
        }
        return new Plan(fit, changed, count);
    }

    /** Record indices of the pairs the given run stored (both records still staged). */
    private record PairIndices(int[] a, int[] b) {
    }

    private PairIndices keptPairs(long run, EntityType entity, Map<String, Integer> index) {
        IntList a = new IntList();
        IntList b = new IntList();
        jdbc.setFetchSize(5000);
        jdbc.query("SELECT a_source_system, a_source_key, b_source_system, b_source_key FROM mdm_match_pair "
                + "WHERE run_id = ? AND entity = ?", rs -> {
                    Integer x = index.get(StagedRecords.ref(rs.getString(1), rs.getString(2)));
                    Integer y = index.get(StagedRecords.ref(rs.getString(3), rs.getString(4)));
                    if (x != null && y != null) {
                        a.add(x);
                        b.add(y);
                    }
                }, run, entity.code());
        return new PairIndices(a.toArray(), b.toArray());
    }

    /** Per rule that left blocks out for max-pairs-per-rule, the size of the smallest it left out. */
    private static Map<String, Integer> blockLimits(CandidatePairs candidates) {
        Map<String, Integer> limits = new LinkedHashMap<>();
        for (CandidatePairs.RuleReport r : candidates.reports()) {
            if (r.leftOutFrom() > 0) {
                limits.put(r.ruleId(), r.leftOutFrom());
            }
        }
        return limits;
    }

    /** The records of the steward decisions: their pairs are scored whether blocking finds them or not. */
    private static int[] stewardRecords(Map<Long, String> steward) {
        IntList records = new IntList();
        for (long key : steward.keySet()) {
            records.add((int) (key >>> 32));
            records.add((int) key);
        }
        return records.toArray();
    }

    /** A growing int array. */
    private static final class IntList {
        private int[] data = new int[1024];
        private int size;

        void add(int v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }

    /**
     * A steward's {@code same} that the clusters do not honour, because joining the two would put a pair that a
     * steward declared {@code different} into one cluster: said in the log, or the steward never learns it.
     */
    private static void warnOverruledSame(EntityType entity, StagedRecords staged, Map<Long, String> steward,
            int[] roots) {
        for (int[] pair : overruledSame(steward, roots)) {
            int a = pair[0];
            int b = pair[1];
            LOG.log(System.Logger.Level.WARNING, entity.code() + " matching: the steward decision 'same' for "
                    + staged.system(a) + "/" + staged.key(a) + " and " + staged.system(b) + "/" + staged.key(b)
                    + " is not applied: it would join records a steward declared 'different'");
        }
    }

    /** The record pairs a steward declared {@code same} that ended up in different clusters. */
    static List<int[]> overruledSame(Map<Long, String> steward, int[] roots) {
        List<int[]> overruled = new ArrayList<>();
        for (Map.Entry<Long, String> e : steward.entrySet()) {
            int a = (int) (e.getKey() >>> 32);
            int b = (int) (long) e.getKey();
            if ("same".equals(e.getValue()) && roots[a] != roots[b]) {
                overruled.add(new int[] {a, b});
            }
        }
        return overruled;
    }

    /** The latest steward decision per pair of staged records, by {@link StewardClustering#key}. */
    private Map<Long, String> stewardDecisions(Map<String, Integer> index, EntityType entity) {
        Map<Long, String> steward = new LinkedHashMap<>();
        jdbc.query("SELECT a_source_system, a_source_key, b_source_system, b_source_key, decision "
                + "FROM mdm_steward_decision WHERE entity = ? ORDER BY decided_at", rs -> {
                    Integer a = index.get(StagedRecords.ref(rs.getString(1), rs.getString(2)));
                    Integer b = index.get(StagedRecords.ref(rs.getString(3), rs.getString(4)));
                    if (a != null && b != null && !a.equals(b)) {
                        steward.put(StewardClustering.key(a, b), rs.getString(5));
                    }
                }, entity.code());
        return steward;
    }

    /** The matcher's links inside its clusters plus the steward's, minus the pairs a steward declared different. */
    private static int[] clusters(int n, MatchResult result, Map<Long, String> steward) {
        int[] matcherCluster = new int[n];
        List<int[]> clusters = result.clusters().clusters();
        for (int c = 0; c < clusters.size(); c++) {
            for (int r : clusters.get(c)) {
                matcherCluster[r] = c;
            }
        }
        List<StewardClustering.Link> links = new ArrayList<>();
        ScoredPairs matches = result.matchPairs();
        for (int i = 0; i < matches.size(); i++) {
            int a = matches.a(i);
            int b = matches.b(i);
            if (matcherCluster[a] == matcherCluster[b]
                    && !"different".equals(steward.get(StewardClustering.key(a, b)))) {
                links.add(new StewardClustering.Link(a, b, matches.weight(i)));
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
        return StewardClustering.cluster(n, links, different);
    }

    private void writeRuleReports(long runId, EntityType entity, CandidatePairs candidates) {
        List<CandidatePairs.RuleReport> reports = candidates.reports();
        jdbc.execute((ConnectionCallback<Void>) con -> {
            try (BulkRows rows = BulkRows.open(con, "mdm_match_rule", RULE_COLUMNS)) {
                for (int r = 0; r < reports.size(); r++) {
                    CandidatePairs.RuleReport rep = reports.get(r);
                    rows.add(runId, entity.code(), r + 1, rep.ruleId(), rep.pairs(), rep.newPairs(),
                            (long) rep.blocks(), rep.skippedBlocks(), rep.cappedBlocks());
                    LOG.log(System.Logger.Level.INFO, String.format(java.util.Locale.ROOT, "%s matching: blocking "
                            + "rule %s: %,d pairs (%,d new), %,d blocks, %,d skipped over max-block-size, %,d left "
                            + "out for max-pairs-per-rule", entity.code(), rep.ruleId(), rep.pairs(),
                            rep.newPairs(), rep.blocks(), rep.skippedBlocks(), rep.cappedBlocks()));
                }
            }
            return null;
        });
    }

    /** Streams the scored pairs, then steward pairs the matcher did not score, into {@code mdm_match_pair}. */
    private Summary writePairs(long runId, StagedRecords staged, MatchResult result, Map<Long, String> steward,
            int[] roots, ReviewReasons reasons) {
        int[] counts = new int[3]; // rows, matched, possible
        jdbc.execute((ConnectionCallback<Void>) con -> {
            try (BulkRows rows = BulkRows.open(con, "mdm_match_pair", PAIR_COLUMNS)) {
                Set<Long> seen = new HashSet<>();
                ScoredPairs scored = result.scoredPairs();
                for (int i = 0; i < scored.size(); i++) {
                    long key = StewardClustering.key(scored.a(i), scored.b(i));
                    String decidedBy = steward.isEmpty() ? null : steward.get(key);
                    if (decidedBy != null) {
                        seen.add(key);
                    }
                    write(rows, runId, staged, scored.get(i), decision(roots, decidedBy, scored.a(i), scored.b(i)),
                            decidedBy, reasons, counts);
                }
                for (Map.Entry<Long, String> e : steward.entrySet()) {
                    if (seen.contains(e.getKey())) {
                        continue;
                    }
                    int a = (int) (e.getKey() >>> 32);
                    int b = (int) (long) e.getKey();
                    write(rows, runId, staged, result.model().score(a, b), decision(roots, e.getValue(), a, b),
                            e.getValue(), reasons, counts);
                }
            }
            return null;
        });
        int clusterCount = 0;
        for (int i = 0; i < roots.length; i++) {
            clusterCount += roots[i] == i ? 1 : 0;
        }
        return new Summary(roots.length, counts[0], counts[1], counts[2], clusterCount);
    }

    private static void write(BulkRows rows, long runId, StagedRecords staged, ScoredPair p, String decision,
            String steward, ReviewReasons reasons, int[] counts) throws SQLException {
        PairKeys k = PairKeys.of(staged.system(p.a()), staged.key(p.a()), staged.system(p.b()), staged.key(p.b()));
        double weight = Double.isFinite(p.weight()) ? p.weight() : Math.copySign(1e9, p.weight());
        rows.add(runId, staged.entity().code(), k.aSystem(), k.aKey(), k.bSystem(), k.bKey(), p.probability(), weight,
                decision, EvidenceJson.write(p.evidence(), steward),
                decision.equals("possible") ? reasons.of(p.a(), p.probability()) : null);
        counts[0]++;
        counts[1] += decision.equals("match") ? 1 : 0;
        counts[2] += decision.equals("possible") ? 1 : 0;
    }

    private static String decision(int[] roots, String steward, int a, int b) {
        if ("different".equals(steward)) {
            return "no";
        }
        return roots[a] == roots[b] ? "match" : "possible";
    }
}
