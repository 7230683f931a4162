package io.mastersync.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups records into clusters: connected components over MATCH pairs, then the chaining guard. A component
 * that is too big ({@code max-size}) or too sparse ({@code min-density}: the share of its pairs that reach the
 * review threshold) is rebuilt from its edges at or above the strict threshold, strongest first, each merge made
 * only while the part still passes the guard (so no part grows past {@code max-size} or below {@code min-density}).
 * Each rebuilt component is reported as a {@link ReviewGroup}.
 */
public final class Clusterer {

    /**
     * Match probability of any two records, for the density check; may rescore pairs blocking never produced.
     * NaN for a pair that is not comparable (e.g. two records of one source in linkage), which then does not count.
     */
    @FunctionalInterface
    public interface PairScorer {
        double probability(int a, int b);
    }

    private Clusterer() {
    }

    /**
     * @param recordCount number of records
     * @param matches     the pairs to link (normally those classified MATCH)
     * @param scorer      scores pairs inside a component for the density check; null to use {@code matches} only
     */
    public static ClusterResult cluster(int recordCount, List<ScoredPair> matches, Thresholds thresholds,
            ClusterSettings settings, PairScorer scorer) {
        return cluster(recordCount, ScoredPairs.of(matches), thresholds, settings, scorer);
    }

    /** {@link #cluster(int, List, Thresholds, ClusterSettings, PairScorer)} over pairs held as arrays. */
    public static ClusterResult cluster(int recordCount, ScoredPairs matches, Thresholds thresholds,
            ClusterSettings settings, PairScorer scorer) {
        UnionFind uf = new UnionFind(recordCount);
        for (int e = 0; e < matches.size(); e++) {
            uf.union(matches.a(e), matches.b(e));
        }
        // members grouped by root (counting sort): members[start[r] .. start[r] + size) for root r, ascending
        int[] root = new int[recordCount];
        int[] start = new int[recordCount + 1];
        for (int i = 0; i < recordCount; i++) {
            root[i] = uf.find(i);
            start[root[i] + 1]++;
        }
        for (int r = 0; r < recordCount; r++) {
            start[r + 1] += start[r];
        }
        int[] members = new int[recordCount];
        int[] fill = Arrays.copyOf(start, recordCount);
        for (int i = 0; i < recordCount; i++) {
            members[fill[root[i]]++] = i;
        }
        LongPairSet matchSet = new LongPairSet(Math.max(16, matches.size()));
        for (int e = 0; e < matches.size(); e++) {
            matchSet.add(LongPairSet.encode(matches.a(e), matches.b(e)));
        }

        // first the components that fail the guard, so that only their edges are gathered
        Map<Integer, String> problems = new HashMap<>();
        for (int r = 0; r < recordCount; r++) {
            int size = start[r + 1] - start[r];
            if (size >= 3 || size > settings.maxSize()) {
                String problem = problem(Arrays.copyOfRange(members, start[r], start[r + 1]), thresholds, settings,
                        scorer, matchSet);
                if (problem != null) {
                    problems.put(r, problem);
                }
            }
        }
        Map<Integer, List<Integer>> edgesByRoot = new HashMap<>();
        if (!problems.isEmpty()) {
            for (int e = 0; e < matches.size(); e++) {
                int r = root[matches.a(e)];
                if (problems.containsKey(r)) {
                    edgesByRoot.computeIfAbsent(r, x -> new ArrayList<>()).add(e);
                }
            }
        }
        List<int[]> clusters = new ArrayList<>();
        List<ReviewGroup> review = new ArrayList<>();
        for (int r = 0; r < recordCount; r++) {
            if (start[r + 1] == start[r]) {
                continue;
            }
            int[] component = Arrays.copyOfRange(members, start[r], start[r + 1]);
            String problem = problems.get(r);
            if (problem == null) {
                clusters.add(component);
                continue;
            }
            List<int[]> parts = rebuild(component, matches, edgesByRoot.getOrDefault(r, List.of()), thresholds,
                    settings, scorer, matchSet);
            clusters.addAll(parts);
            review.add(new ReviewGroup(component, problem + "; split into " + parts.size() + " parts using edges "
                    + "with probability >= " + settings.strictThreshold()
                    + ", each merge kept only while the part passes max-size and min-density"));
        }
        return new ClusterResult(clusters, review);
    }

    /** Why a component is not acceptable, or null. */
    private static String problem(int[] members, Thresholds thresholds, ClusterSettings settings, PairScorer scorer,
            LongPairSet matchSet) {
        int n = members.length;
        if (n > settings.maxSize()) {
            return "cluster of " + n + " records is larger than max-size " + settings.maxSize();
        }
        if (n < 3 || settings.minDensity() == 0) {
            return null;
        }
        long linked = 0;
        long possible = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (matchSet.contains(LongPairSet.encode(members[i], members[j]))) {
                    linked++;
                    possible++;
                } else if (scorer == null) {
                    possible++;
                } else {
                    double p = scorer.probability(members[i], members[j]);
                    if (!Double.isNaN(p)) {
                        possible++;
                        if (p >= thresholds.review()) {
                            linked++;
                        }
                    }
                }
            }
        }
        double density = possible == 0 ? 1.0 : (double) linked / possible;
        if (density < settings.minDensity()) {
            return String.format(java.util.Locale.ROOT, "cluster of %d records has density %.2f below min-density %.2f "
                    + "(chained matches)", n, density, settings.minDensity());
        }
        return null;
    }

    /**
     * Kruskal over strict edges (positions in {@code matches}), strongest first, refusing every merge after which
     * the part would fail the guard (see {@link GuardedParts}).
     */
    private static List<int[]> rebuild(int[] members, ScoredPairs matches, List<Integer> edges,
            Thresholds thresholds, ClusterSettings settings, PairScorer scorer, LongPairSet matchSet) {
        Map<Integer, Integer> local = new HashMap<>();
        for (int i = 0; i < members.length; i++) {
            local.put(members[i], i);
        }
        List<Integer> strict = new ArrayList<>();
        for (int e : edges) {
            if (matches.probability(e) >= settings.strictThreshold()) {
                strict.add(e);
            }
        }
        strict.sort(Comparator.comparingDouble((Integer e) -> matches.weight(e)).reversed());
        GuardedParts parts = new GuardedParts(members, settings, thresholds, scorer, matchSet);
        for (int e : strict) {
            parts.tryMerge(local.get(matches.a(e)), local.get(matches.b(e)));
        }
        return parts.result();
    }

    /**
     * One-to-one constraint for linkage: greedily by descending weight, a cross-source pair is kept only when
     * neither record already has a kept cross-source pair. Pairs within one source pass unchanged.
     */
    public static List<ScoredPair> oneToOne(List<ScoredPair> pairs, List<MatchRecord> records) {
        List<ScoredPair> sorted = new ArrayList<>(pairs);
        sorted.sort(Comparator.comparingDouble(ScoredPair::weight).reversed()
                .thenComparingInt(ScoredPair::a).thenComparingInt(ScoredPair::b));
        Set<Integer> taken = new HashSet<>();
        List<ScoredPair> kept = new ArrayList<>();
        for (ScoredPair p : sorted) {
            boolean cross = !records.get(p.a()).sourceSystem().equals(records.get(p.b()).sourceSystem());
            if (!cross) {
                kept.add(p);
            } else if (!taken.contains(p.a()) && !taken.contains(p.b())) {
                taken.add(p.a());
                taken.add(p.b());
                kept.add(p);
            }
        }
        return kept;
    }

    /**
     * {@link #oneToOne(List, List)} over pairs already in descending weight order (ties by a, then b), as the
     * matcher scores them: the positions of the pairs kept.
     */
    static int[] oneToOne(ScoredPairs pairs, int[] sourceOf) {
        java.util.BitSet taken = new java.util.BitSet();
        int[] kept = new int[pairs.size()];
        int n = 0;
        for (int i = 0; i < pairs.size(); i++) {
            int a = pairs.a(i);
            int b = pairs.b(i);
            if (sourceOf[a] == sourceOf[b]) {
                kept[n++] = i;
            } else if (!taken.get(a) && !taken.get(b)) {
                taken.set(a);
                taken.set(b);
                kept[n++] = i;
            }
        }
        return Arrays.copyOf(kept, n);
    }
}
