package io.mastersync.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;

/**
 * Runs the whole matching core over in-memory records: blocking, comparison levels, EM estimate of m/u/lambda
 * (unsupervised), Fellegi-Sunter scoring, optional one-to-one linkage, clustering with the chaining guard.
 *
 * <p>Sized for a million records in a 2 GB heap: the comparisons keep each field's values prepared once per
 * record, candidate pairs and their levels are primitive arrays, and only pairs at or above the review threshold
 * are kept (as arrays, see {@link ScoredPairs}). The work per pair runs on all cores.
 */
public final class Matcher {

    private static final System.Logger LOG = System.getLogger(Matcher.class.getName());

    private final MatchSettings settings;

    public Matcher(MatchSettings settings) {
        this.settings = settings;
    }

    public MatchResult run(List<MatchRecord> records) {
        Phases phases = new Phases();
        List<MatchRecord> recs = List.copyOf(records);
        int[] sourceOf = sourceIds(recs);
        CandidatePairs candidates = CandidatePairs.build(recs, settings.blocking(), settings.link(),
                settings.maxBlockSize(), settings.maxPairsPerRule());
        phases.done("blocking");
        List<Comparison> comparisons = new ArrayList<>();
        for (ComparisonSpec spec : settings.comparisons()) {
            comparisons.add(new Comparison(spec, recs));
        }
        int k = comparisons.size();
        int[] levelCounts = comparisons.stream().mapToInt(Comparison::levelCount).toArray();
        int n = candidates.size();
        byte[] levels = new byte[Math.multiplyExact(n, k)];
        IntStream.range(0, n).parallel().forEach(i -> {
            int a = candidates.a(i);
            int b = candidates.b(i);
            for (int c = 0; c < k; c++) {
                levels[i * k + c] = (byte) comparisons.get(c).level(a, b);
            }
        });
        phases.done("comparing");

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
            double allPairs = allowedPairs(sourceOf);
            byte[] randomLevels = randomPairLevels(sourceOf, comparisons, allPairs, random);
            training = PerRuleTraining.train(comparisons.stream().map(Comparison::id).toList(), levelCounts, levels,
                    candidates::ruleMask, ruleIds, blocked, randomLevels, allPairs, maxMatches(sourceOf),
                    recs.size(), em, random);
            fit = training.fit();
        } else {
            double[][] uInit = em.uSamplePairs() > 0 ? randomPairFrequencies(sourceOf, comparisons, levelCounts, random)
                    : null;
            byte[] emLevels = sample(levels, n, k, em.samplePairs(), random);
            double lambdaInit = n == 0 ? 0.01 : Math.max(1e-4, Math.min(0.5, (double) recs.size() / n));
            fit = n == 0
                    ? new EmResult(1e-6, ExpectationMaximisation.defaultM(levelCounts),
                            uInit != null ? uInit : ExpectationMaximisation.defaultM(levelCounts), 0, false)
                    : ExpectationMaximisation.estimate(levelCounts, emLevels, uInit, null, lambdaInit, em);
        }
        FellegiSunterModel model = new FellegiSunterModel(comparisons, fit);
        phases.done("training");
        PerRuleTraining.Result trained = training;
        LOG.log(System.Logger.Level.DEBUG, () -> "EM after " + fit.iterations() + " iterations (converged="
                + fit.converged() + "):\n" + (trained == null ? "" : trained.describe()) + model.describe());

        ScoredPairs scored = score(candidates, levels, k, model);
        return finish(recs, sourceOf, candidates, model, fit, training, scored, notes, phases);
    }

    /**
     * What an incremental match builds on: the model the last full match estimated, the block sizes from which its
     * rules left blocks out for max-pairs-per-rule (by rule id), and the pairs the last match stored (record
     * indices into the records now).
     */
    public record EarlierMatch(EmResult fit, Map<String, Integer> leftOutFrom, int[] pairA, int[] pairB) {
    }

    /**
     * Matches the changed records of a data set against all of it with a model estimated earlier, instead of
     * estimating one and comparing every candidate pair again: the candidates are the pairs a full run would block
     * that touch a changed record, plus the earlier run's pairs between unchanged records, all scored now with the
     * given model. Clustering and its guards then run over all of them as in {@link #run}, so clusters of
     * unchanged records that a change joins or splits are rebuilt.
     *
     * @param alsoCompared records whose pairs the result will be asked to score too (e.g. steward decisions)
     */
    public MatchResult runIncremental(List<MatchRecord> records, boolean[] changed, EarlierMatch earlier,
            int[] alsoCompared) {
        EmResult fit = earlier.fit();
        int[] keptA = earlier.pairA();
        int[] keptB = earlier.pairB();
        Phases phases = new Phases();
        List<MatchRecord> recs = List.copyOf(records);
        int[] sourceOf = sourceIds(recs);
        CandidatePairs candidates = CandidatePairs.build(recs, settings.blocking(), settings.link(),
                settings.maxBlockSize(), settings.maxPairsPerRule(), changed, earlier.leftOutFrom());
        phases.done("blocking changed records");
        // only the records of some pair are compared: only their values are prepared
        boolean[] needed = new boolean[recs.size()];
        for (int i = 0; i < candidates.size(); i++) {
            needed[candidates.a(i)] = true;
            needed[candidates.b(i)] = true;
        }
        for (int i = 0; i < keptA.length; i++) {
            needed[keptA[i]] = true;
            needed[keptB[i]] = true;
        }
        for (int r : alsoCompared) {
            needed[r] = true;
        }
        List<Comparison> comparisons = new ArrayList<>();
        for (ComparisonSpec spec : settings.comparisons()) {
            comparisons.add(new Comparison(spec, recs, needed));
        }
        FellegiSunterModel model = new FellegiSunterModel(comparisons, fit);
        // the candidates touch a changed record, the earlier pairs kept touch none: no pair is in both
        int n = candidates.size();
        long[] pairs = new long[n + keptA.length];
        for (int i = 0; i < n; i++) {
            pairs[i] = LongPairSet.encode(candidates.a(i), candidates.b(i));
        }
        LongPairSet seen = new LongPairSet(keptA.length);
        for (int i = 0; i < keptA.length; i++) {
            long pair = LongPairSet.encode(keptA[i], keptB[i]);
            if (keptA[i] != keptB[i] && !changed[keptA[i]] && !changed[keptB[i]] && seen.add(pair)) {
                pairs[n++] = pair;
            }
        }
        // in (a, b) order like a full run's candidates, so that ties in weight are broken alike
        Arrays.sort(pairs, 0, n);
        ScoredPairs scored = strongestFirst(n, i -> LongPairSet.first(pairs[i]), i -> LongPairSet.second(pairs[i]),
                i -> model.weight(LongPairSet.first(pairs[i]), LongPairSet.second(pairs[i])), model);
        phases.done("comparing");
        return finish(recs, sourceOf, candidates, model, fit, null, scored, List.of(), phases);
    }

    private MatchResult finish(List<MatchRecord> recs, int[] sourceOf, CandidatePairs candidates,
            FellegiSunterModel model, EmResult fit, PerRuleTraining.Result training, ScoredPairs scored,
            List<String> notes, Phases phases) {
        int n = candidates.size();
        Thresholds thresholds = settings.thresholds();
        int matchCount = 0;
        while (matchCount < scored.size() && thresholds.classify(scored.probability(matchCount)) == MatchDecision.MATCH) {
            matchCount++;
        }
        int[] matchPositions = settings.oneToOne()
                ? Clusterer.oneToOne(scored.select(IntStream.range(0, matchCount).toArray()), sourceOf)
                : IntStream.range(0, matchCount).toArray();
        ScoredPairs matches = scored.select(matchPositions);
        phases.done("scoring");
        LinkMode mode = settings.link();
        ClusterResult clusters = Clusterer.cluster(recs.size(), matches, thresholds, settings.clusters(),
                (a, b) -> allows(mode, sourceOf, a, b) ? FellegiSunterModel.probability(model.weight(a, b))
                        : Double.NaN);
        phases.done("clustering");
        LOG.log(System.Logger.Level.INFO, () -> String.format(java.util.Locale.ROOT, "matched %,d records: %,d "
                + "candidate pairs, %,d scored at or above review, %,d matches; %s", recs.size(), n, scored.size(),
                matches.size(), phases));
        List<String> warnings = new ArrayList<>(candidates.warnings());
        warnings.addAll(notes);
        return new MatchResult(candidates, model, fit, training, scored, matches, clusters, List.copyOf(warnings));
    }

    /**
     * The candidates at or above the review threshold, strongest first (ties: a, then b). Probabilities are
     * monotone in the weight, so MATCH pairs are a prefix.
     */
    private ScoredPairs score(CandidatePairs candidates, byte[] levels, int k, FellegiSunterModel model) {
        return strongestFirst(candidates.size(), candidates::a, candidates::b,
                i -> model.weight(levels, i * k, candidates.a(i), candidates.b(i)), model);
    }

    /**
     * Pairs 0..count-1, given in (a, b) order, at or above the review threshold, strongest first: the stable sort
     * by weight leaves ties in (a, b) order. Weights are computed again for the kept pairs rather than held for
     * all of them (millions of candidates).
     */
    private ScoredPairs strongestFirst(int count, IntUnaryOperator pairA, IntUnaryOperator pairB,
            IntToDoubleFunction weightOf, FellegiSunterModel model) {
        double review = settings.thresholds().review();
        int[] kept = IntStream.range(0, count).parallel()
                .filter(i -> FellegiSunterModel.probability(weightOf.applyAsDouble(i)) >= review)
                .toArray();
        double[] weight = new double[kept.length];
        IntStream.range(0, kept.length).parallel().forEach(j -> weight[j] = weightOf.applyAsDouble(kept[j]));
        int[] order = IndexSort.byDescending(weight);
        int[] a = new int[kept.length];
        int[] b = new int[kept.length];
        double[] w = new double[kept.length];
        for (int j = 0; j < order.length; j++) {
            int i = kept[order[j]];
            a[j] = pairA.applyAsInt(i);
            b[j] = pairB.applyAsInt(i);
            w[j] = weight[order[j]];
        }
        return new ScoredPairs(a, b, w, model);
    }

    private static int[] sourceIds(List<MatchRecord> recs) {
        Map<String, Integer> codes = new HashMap<>();
        int[] ids = new int[recs.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = codes.computeIfAbsent(recs.get(i).sourceSystem(), s -> codes.size());
        }
        return ids;
    }

    private static boolean allows(LinkMode mode, int[] sourceOf, int a, int b) {
        boolean same = sourceOf[a] == sourceOf[b];
        return switch (mode) {
            case DEDUPE -> same;
            case LINK -> !same;
            case BOTH -> true;
        };
    }

    /** Records per source. */
    private static int[] sourceSizes(int[] sourceOf) {
        int sources = 0;
        for (int s : sourceOf) {
            sources = Math.max(sources, s + 1);
        }
        int[] sizes = new int[sources];
        for (int s : sourceOf) {
            sizes[s]++;
        }
        return sizes;
    }

    /**
     * Upper bound on the number of matching pairs: with one-to-one linkage every match needs a record outside
     * the largest source and each record has at most one match; otherwise every allowed pair could match.
     */
    private double maxMatches(int[] sourceOf) {
        if (!settings.oneToOne()) {
            return allowedPairs(sourceOf);
        }
        int largest = 0;
        for (int c : sourceSizes(sourceOf)) {
            largest = Math.max(largest, c);
        }
        return sourceOf.length - largest;
    }

    /** Number of record pairs the link mode allows (all pairs within / across / regardless of sources). */
    private double allowedPairs(int[] sourceOf) {
        double total = (double) sourceOf.length * (sourceOf.length - 1) / 2;
        double within = 0;
        for (int c : sourceSizes(sourceOf)) {
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
    private byte[] randomPairLevels(int[] sourceOf, List<Comparison> comparisons, double allPairs, Random random) {
        int want = settings.em().uSamplePairs();
        LinkMode mode = settings.link();
        int n = sourceOf.length;
        PairBuffer picks = new PairBuffer();
        if (allPairs <= want) {
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (allows(mode, sourceOf, i, j)) {
                        picks.add(i, j);
                    }
                }
            }
        } else {
            for (long attempt = 0; attempt < want * 50L && picks.size < want; attempt++) {
                int i = random.nextInt(n);
                int j = random.nextInt(n);
                if (i != j && allows(mode, sourceOf, i, j)) {
                    picks.add(i, j);
                }
            }
        }
        return levels(picks, comparisons);
    }

    /** Level frequencies over random record pairs (almost all non-matches): the starting u. */
    private double[][] randomPairFrequencies(int[] sourceOf, List<Comparison> comparisons, int[] levelCounts,
            Random random) {
        int want = settings.em().uSamplePairs();
        int n = sourceOf.length;
        if (n < 2) {
            return null;
        }
        PairBuffer picks = new PairBuffer();
        for (int attempt = 0; attempt < want * 20 && picks.size < want; attempt++) {
            int i = random.nextInt(n);
            int j = random.nextInt(n);
            if (i != j && allows(settings.link(), sourceOf, i, j)) {
                picks.add(i, j);
            }
        }
        if (picks.size == 0) {
            return null;
        }
        return ExpectationMaximisation.frequencies(levelCounts, levels(picks, comparisons));
    }

    private static byte[] levels(PairBuffer picks, List<Comparison> comparisons) {
        int k = comparisons.size();
        byte[] out = new byte[picks.size * k];
        IntStream.range(0, picks.size).parallel().forEach(p -> {
            for (int c = 0; c < k; c++) {
                out[p * k + c] = (byte) comparisons.get(c).level(picks.a[p], picks.b[p]);
            }
        });
        return out;
    }

    /** Wall time of each phase of a run, for the log. */
    private static final class Phases {
        private final StringBuilder text = new StringBuilder();
        private long start = System.nanoTime();

        void done(String phase) {
            long now = System.nanoTime();
            text.append(text.length() == 0 ? "" : ", ").append(phase).append(' ')
                    .append(String.format(java.util.Locale.ROOT, "%.1f s", (now - start) / 1e9));
            start = now;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** Record index pairs in two growing int arrays. */
    private static final class PairBuffer {
        int[] a = new int[1024];
        int[] b = new int[1024];
        int size;

        void add(int i, int j) {
            if (size == a.length) {
                a = java.util.Arrays.copyOf(a, size * 2);
                b = java.util.Arrays.copyOf(b, size * 2);
            }
            a[size] = i;
            b[size++] = j;
        }
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
}
