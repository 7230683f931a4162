package io.mastersync.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Runs the whole matching core over in-memory records: blocking, comparison levels, EM estimate of m/u/lambda
 * (unsupervised), Fellegi-Sunter scoring, optional one-to-one linkage, clustering with the chaining guard.
 */
public final class Matcher {

    private static final System.Logger LOG = System.getLogger(Matcher.class.getName());

    private final MatchSettings settings;

    public Matcher(MatchSettings settings) {
        this.settings = settings;
    }

    public MatchResult run(List<MatchRecord> records) {
        List<MatchRecord> recs = List.copyOf(records);
        CandidatePairs candidates = CandidatePairs.build(recs, settings.blocking(), settings.link(),
                settings.maxBlockSize(), settings.maxPairsPerRule());
        List<Comparison> comparisons = new ArrayList<>();
        for (ComparisonSpec spec : settings.comparisons()) {
            comparisons.add(new Comparison(spec, recs));
        }
        int k = comparisons.size();
        int[] levelCounts = comparisons.stream().mapToInt(Comparison::levelCount).toArray();
        int n = candidates.size();
        byte[] levels = new byte[n * k];
        IntStream.range(0, n).parallel().forEach(i -> {
            MatchRecord a = recs.get(candidates.a(i));
            MatchRecord b = recs.get(candidates.b(i));
            for (int c = 0; c < k; c++) {
                levels[i * k + c] = (byte) comparisons.get(c).level(a, b);
            }
        });

        EmSettings em = settings.em();
        Random random = new Random(em.seed());
        EmResult fit;
        PerRuleTraining.Result training = null;
        List<BlockingRule> rules = settings.blocking();
        boolean[][] blocked = new boolean[Math.min(rules.size(), CandidatePairs.MAX_TRACKED_RULES)][k];
        List<String> ruleIds = new ArrayList<>();
        for (int r = 0; r < blocked.length; r++) {
            ruleIds.add(rules.get(r).id());
            java.util.Set<String> fields = rules.get(r).key().fields();
            for (int c = 0; c < k; c++) {
                blocked[r][c] = fields.contains(comparisons.get(c).spec().field());
            }
        }
        List<String> notes = new ArrayList<>();
        boolean perRule = em.perRule() && recs.size() >= 2 && em.uSamplePairs() > 0 && n > 0;
        if (perRule && !PerRuleTraining.trainable(blocked, k)) {
            perRule = false;
            List<String> untrainable = new ArrayList<>();
            for (int c = 0; c < k; c++) {
                boolean ok = false;
                for (boolean[] b : blocked) {
                    ok |= !b[c];
                }
                if (!ok) {
                    untrainable.add(comparisons.get(c).id());
                }
            }
            String msg = "every blocking rule uses the field of " + untrainable + ", so per-rule training cannot "
                    + "estimate their m; single EM over the candidate pairs used instead (add a rule that does "
                    + "not block on them to enable per-rule training)";
            notes.add(msg);
            LOG.log(System.Logger.Level.INFO, msg);
        }
        if (perRule) {
            double allPairs = allowedPairs(recs);
            byte[] randomLevels = randomPairLevels(recs, comparisons, allPairs, random);
            long[] masks = new long[n];
            for (int i = 0; i < n; i++) {
                masks[i] = candidates.ruleMask(i);
            }
            training = PerRuleTraining.train(comparisons.stream().map(Comparison::id).toList(), levelCounts, levels,
                    masks, ruleIds, blocked, randomLevels, allPairs, maxMatches(recs), recs.size(), em, random);
            fit = training.fit();
        } else {
            double[][] uInit = em.uSamplePairs() > 0 ? randomPairFrequencies(recs, comparisons, levelCounts, random)
                    : null;
            byte[] emLevels = sample(levels, n, k, em.samplePairs(), random);
            double lambdaInit = n == 0 ? 0.01 : Math.max(1e-4, Math.min(0.5, (double) recs.size() / n));
            fit = n == 0
                    ? new EmResult(1e-6, ExpectationMaximisation.defaultM(levelCounts),
                            uInit != null ? uInit : ExpectationMaximisation.defaultM(levelCounts), 0, false)
                    : ExpectationMaximisation.estimate(levelCounts, emLevels, uInit, null, lambdaInit, em);
        }
        FellegiSunterModel model = new FellegiSunterModel(comparisons, fit);
        PerRuleTraining.Result trained = training;
        LOG.log(System.Logger.Level.DEBUG, () -> "EM after " + fit.iterations() + " iterations (converged="
                + fit.converged() + "):\n" + (trained == null ? "" : trained.describe()) + model.describe());

        boolean anyTf = comparisons.stream().anyMatch(Comparison::termFrequency);
        Thresholds thresholds = settings.thresholds();
        double reviewWeight = logit2(thresholds.review());
        List<ScoredPair> scored = IntStream.range(0, n).parallel().mapToObj(i -> {
            double w = model.weight(levels, i * k);
            if (anyTf) {
                MatchRecord a = recs.get(candidates.a(i));
                MatchRecord b = recs.get(candidates.b(i));
                for (int c = 0; c < k; c++) {
                    w += comparisons.get(c).termFrequencyAdjustment(a, b, levels[i * k + c]);
                }
            }
            if (w < reviewWeight - 1e-9) {
                return null;
            }
            int a = candidates.a(i);
            int b = candidates.b(i);
            ScoredPair p = model.score(a, b, recs.get(a), recs.get(b));
            return p.probability() >= thresholds.review() ? p : null;
        }).filter(p -> p != null).sorted(Comparator.comparingDouble(ScoredPair::weight).reversed()
                .thenComparingInt(ScoredPair::a).thenComparingInt(ScoredPair::b)).toList();

        List<ScoredPair> matches = scored.stream().filter(p -> p.decision(thresholds) == MatchDecision.MATCH).toList();
        if (settings.oneToOne()) {
            matches = Clusterer.oneToOne(matches, recs);
        }
        LinkMode mode = settings.link();
        ClusterResult clusters = Clusterer.cluster(recs.size(), matches, thresholds, settings.clusters(),
                (a, b) -> mode.allows(recs.get(a), recs.get(b))
                        ? model.score(a, b, recs.get(a), recs.get(b)).probability() : Double.NaN);
        List<String> warnings = new ArrayList<>(candidates.warnings());
        warnings.addAll(notes);
        return new MatchResult(candidates, model, fit, training, scored, matches, clusters, List.copyOf(warnings));
    }

    /**
     * Upper bound on the number of matching pairs: with one-to-one linkage every match needs a record outside
     * the largest source and each record has at most one match; otherwise every allowed pair could match.
     */
    private double maxMatches(List<MatchRecord> recs) {
        if (!settings.oneToOne()) {
            return allowedPairs(recs);
        }
        java.util.Map<String, Integer> perSource = new java.util.HashMap<>();
        for (MatchRecord r : recs) {
            perSource.merge(r.sourceSystem(), 1, Integer::sum);
        }
        int largest = perSource.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return recs.size() - largest;
    }

    /** Number of record pairs the link mode allows (all pairs within / across / regardless of sources). */
    private double allowedPairs(List<MatchRecord> recs) {
        java.util.Map<String, Integer> perSource = new java.util.HashMap<>();
        for (MatchRecord r : recs) {
            perSource.merge(r.sourceSystem(), 1, Integer::sum);
        }
        double total = (double) recs.size() * (recs.size() - 1) / 2;
        double within = 0;
        for (int c : perSource.values()) {
            within += (double) c * (c - 1) / 2;
        }
        return switch (settings.link()) {
            case DEDUPE -> within;
            case LINK -> total - within;
            case BOTH -> total;
        };
    }

    /**
     * Level vectors of random allowed record pairs: every allowed pair when there are no more than
     * {@code em.u-sample-pairs}, else that many drawn uniformly (with replacement).
     */
    private byte[] randomPairLevels(List<MatchRecord> recs, List<Comparison> comparisons, double allPairs,
            Random random) {
        int k = comparisons.size();
        int want = settings.em().uSamplePairs();
        LinkMode mode = settings.link();
        List<int[]> picks = new ArrayList<>();
        if (allPairs <= want) {
            for (int i = 0; i < recs.size(); i++) {
                for (int j = i + 1; j < recs.size(); j++) {
                    if (mode.allows(recs.get(i), recs.get(j))) {
                        picks.add(new int[] {i, j});
                    }
                }
            }
        } else {
            for (long attempt = 0; attempt < want * 50L && picks.size() < want; attempt++) {
                int i = random.nextInt(recs.size());
                int j = random.nextInt(recs.size());
                if (i != j && mode.allows(recs.get(i), recs.get(j))) {
                    picks.add(new int[] {i, j});
                }
            }
        }
        byte[] out = new byte[picks.size() * k];
        IntStream.range(0, picks.size()).parallel().forEach(p -> {
            MatchRecord a = recs.get(picks.get(p)[0]);
            MatchRecord b = recs.get(picks.get(p)[1]);
            for (int c = 0; c < k; c++) {
                out[p * k + c] = (byte) comparisons.get(c).level(a, b);
            }
        });
        return out;
    }

    /** Level frequencies over random record pairs (almost all non-matches): the starting u. */
    private double[][] randomPairFrequencies(List<MatchRecord> recs, List<Comparison> comparisons, int[] levelCounts,
            Random random) {
        int k = comparisons.size();
        int want = settings.em().uSamplePairs();
        if (recs.size() < 2) {
            return null;
        }
        int[][] picks = new int[want][];
        int found = 0;
        for (int attempt = 0; attempt < want * 20 && found < want; attempt++) {
            int i = random.nextInt(recs.size());
            int j = random.nextInt(recs.size());
            if (i != j && settings.link().allows(recs.get(i), recs.get(j))) {
                picks[found++] = new int[] {i, j};
            }
        }
        if (found == 0) {
            return null;
        }
        byte[] levels = new byte[found * k];
        IntStream.range(0, found).parallel().forEach(p -> {
            MatchRecord a = recs.get(picks[p][0]);
            MatchRecord b = recs.get(picks[p][1]);
            for (int c = 0; c < k; c++) {
                levels[p * k + c] = (byte) comparisons.get(c).level(a, b);
            }
        });
        return ExpectationMaximisation.frequencies(levelCounts, levels);
    }

    private static byte[] sample(byte[] levels, int n, int k, int max, Random random) {
        if (n <= max) {
            return levels;
        }
        // selection sampling: exactly max of n pairs, in order
        byte[] out = new byte[max * k];
        int chosen = 0;
        for (int i = 0; i < n && chosen < max; i++) {
            if (random.nextDouble() * (n - i) < max - chosen) {
                System.arraycopy(levels, i * k, out, chosen * k, k);
                chosen++;
            }
        }
        return out;
    }

    private static double logit2(double p) {
        if (p <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p >= 1) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.log(p / (1 - p)) / Math.log(2);
    }
}
