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
 * review threshold) is rebuilt from its edges at or above the strict threshold, strongest first, never letting a
 * part grow past {@code max-size}. Parts that still fail the guard fall apart into singletons. Each rebuilt
 * component is reported as a {@link ReviewGroup}.
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
        UnionFind uf = new UnionFind(recordCount);
        for (ScoredPair p : matches) {
            uf.union(p.a(), p.b());
        }
        Map<Integer, List<Integer>> components = new HashMap<>();
        for (int i = 0; i < recordCount; i++) {
            components.computeIfAbsent(uf.find(i), x -> new ArrayList<>()).add(i);
        }
        Map<Integer, List<ScoredPair>> edgesByRoot = new HashMap<>();
        for (ScoredPair p : matches) {
            edgesByRoot.computeIfAbsent(uf.find(p.a()), x -> new ArrayList<>()).add(p);
        }
        Set<Long> matchSet = new HashSet<>();
        for (ScoredPair p : matches) {
            matchSet.add(LongPairSet.encode(p.a(), p.b()));
        }

        List<int[]> clusters = new ArrayList<>();
        List<ReviewGroup> review = new ArrayList<>();
        List<Integer> roots = new ArrayList<>(components.keySet());
        roots.sort(Comparator.naturalOrder());
        for (int root : roots) {
            int[] members = components.get(root).stream().mapToInt(Integer::intValue).toArray();
            String problem = problem(members, thresholds, settings, scorer, matchSet);
            if (problem == null) {
                clusters.add(members);
                continue;
            }
            List<int[]> parts = rebuild(members, edgesByRoot.getOrDefault(root, List.of()), settings);
            int dissolved = 0;
            for (int[] part : parts) {
                if (part.length > 1 && problem(part, thresholds, settings, scorer, matchSet) != null) {
                    dissolved++;
                    for (int r : part) {
                        clusters.add(new int[] {r});
                    }
                } else {
                    clusters.add(part);
                }
            }
            review.add(new ReviewGroup(members, problem + "; split into " + parts.size() + " parts using edges with "
                    + "probability >= " + settings.strictThreshold()
                    + (dissolved > 0 ? ", " + dissolved + " of them still failing and left unmerged" : "")));
        }
        return new ClusterResult(clusters, review);
    }

    /** Why a component is not acceptable, or null. */
    private static String problem(int[] members, Thresholds thresholds, ClusterSettings settings, PairScorer scorer,
            Set<Long> matchSet) {
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

    /** Kruskal over strict edges, strongest first, refusing merges past max-size. */
    private static List<int[]> rebuild(int[] members, List<ScoredPair> edges, ClusterSettings settings) {
        Map<Integer, Integer> local = new HashMap<>();
        for (int i = 0; i < members.length; i++) {
            local.put(members[i], i);
        }
        List<ScoredPair> strict = new ArrayList<>();
        for (ScoredPair e : edges) {
            if (e.probability() >= settings.strictThreshold()) {
                strict.add(e);
            }
        }
        strict.sort(Comparator.comparingDouble(ScoredPair::weight).reversed());
        UnionFind uf = new UnionFind(members.length);
        for (ScoredPair e : strict) {
            int a = local.get(e.a());
            int b = local.get(e.b());
            if (uf.find(a) != uf.find(b) && uf.size(a) + uf.size(b) <= settings.maxSize()) {
                uf.union(a, b);
            }
        }
        Map<Integer, List<Integer>> parts = new HashMap<>();
        for (int i = 0; i < members.length; i++) {
            parts.computeIfAbsent(uf.find(i), x -> new ArrayList<>()).add(members[i]);
        }
        List<int[]> result = new ArrayList<>();
        for (List<Integer> p : parts.values()) {
            int[] arr = p.stream().mapToInt(Integer::intValue).toArray();
            Arrays.sort(arr);
            result.add(arr);
        }
        result.sort(Comparator.comparingInt(a -> a[0]));
        return result;
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
}
