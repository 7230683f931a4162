package io.mastersync.match;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The parts a rejected component is rebuilt into (see {@link Clusterer}): starts with every member on its own and
 * merges two parts only when the merged part still passes the chaining guard (at most {@code max-size} records;
 * with 3+ records, at least {@code min-density} of its pairs linked). Checking each merge, rather than building
 * parts first and dissolving those that fail, keeps the strongest edges of a failing part: one weak bridge used
 * to turn a part of exact duplicates into singletons.
 *
 * <p>A part keeps its members and its counts of linked and comparable pairs, so a merge costs the pairs between
 * the two parts only. A merge refused once is not tried again while neither part has changed.
 */
final class GuardedParts {

    private final int[] members;
    private final ClusterSettings settings;
    private final Thresholds thresholds;
    private final Clusterer.PairScorer scorer;
    private final LongPairSet matchSet;
    private final UnionFind parts;
    /** Per part root: its records (global indices), linked pairs, comparable pairs. */
    private final List<List<Integer>> records = new ArrayList<>();
    private final long[] linked;
    private final long[] possible;
    private final Set<List<Integer>> refused = new HashSet<>();

    GuardedParts(int[] members, ClusterSettings settings, Thresholds thresholds, Clusterer.PairScorer scorer,
            LongPairSet matchSet) {
        this.members = members;
        this.settings = settings;
        this.thresholds = thresholds;
        this.scorer = scorer;
        this.matchSet = matchSet;
        this.parts = new UnionFind(members.length);
        this.linked = new long[members.length];
        this.possible = new long[members.length];
        for (int m : members) {
            records.add(new ArrayList<>(List.of(m)));
        }
    }

    /** Merges the parts of local members {@code a} and {@code b} if the result passes the guard. */
    void tryMerge(int a, int b) {
        int ra = parts.find(a);
        int rb = parts.find(b);
        if (ra == rb || parts.size(ra) + parts.size(rb) > settings.maxSize()) {
            return;
        }
        // a part's root and size name it until it changes; a refused merge of the same two parts stays refused
        List<Integer> key = List.of(Math.min(ra, rb), parts.size(Math.min(ra, rb)), Math.max(ra, rb),
                parts.size(Math.max(ra, rb)));
        if (refused.contains(key)) {
            return;
        }
        long crossLinked = 0;
        long crossPossible = 0;
        if (settings.minDensity() > 0) {
            for (int x : records.get(ra)) {
                for (int y : records.get(rb)) {
                    if (matchSet.contains(LongPairSet.encode(x, y))) {
                        crossLinked++;
                        crossPossible++;
                    } else if (scorer == null) {
                        crossPossible++;
                    } else {
                        double p = scorer.probability(x, y);
                        if (!Double.isNaN(p)) {
                            crossPossible++;
                            if (p >= thresholds.review()) {
                                crossLinked++;
                            }
                        }
                    }
                }
            }
        }
        long l = linked[ra] + linked[rb] + crossLinked;
        long n = possible[ra] + possible[rb] + crossPossible;
        if (parts.size(ra) + parts.size(rb) >= 3 && n > 0 && (double) l / n < settings.minDensity()) {
            refused.add(key);
            return;
        }
        parts.union(ra, rb);
        int root = parts.find(ra);
        int other = root == ra ? rb : ra;
        records.get(root).addAll(records.get(other));
        records.set(other, null);
        linked[root] = l;
        possible[root] = n;
    }

    /** The parts, each as sorted global record indices. */
    List<int[]> result() {
        List<int[]> result = new ArrayList<>();
        for (int i = 0; i < members.length; i++) {
            if (parts.find(i) == i) {
                int[] part = records.get(i).stream().mapToInt(Integer::intValue).sorted().toArray();
                result.add(part);
            }
        }
        result.sort(java.util.Comparator.comparingInt(p -> p[0]));
        return result;
    }
}
