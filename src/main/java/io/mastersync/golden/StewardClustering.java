package io.mastersync.golden;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The final clusters: the matcher's links plus the pairs a steward declared {@code same}, strongest first,
 * never joining two groups that hold a pair a steward declared {@code different} (so "different" also holds
 * against a chain of other links).
 */
public final class StewardClustering {

    /** A link between two records; {@code Double.POSITIVE_INFINITY} weight for steward links. */
    public record Link(int a, int b, double weight) {
    }

    private StewardClustering() {
    }

    /** @return the cluster root of every record (records with equal roots share a cluster) */
    public static int[] cluster(int recordCount, List<Link> links, List<int[]> different) {
        int[] parent = new int[recordCount];
        for (int i = 0; i < recordCount; i++) {
            parent[i] = i;
        }
        List<Set<Integer>> cannot = new ArrayList<>(recordCount);
        for (int i = 0; i < recordCount; i++) {
            cannot.add(null);
        }
        for (int[] d : different) {
            add(cannot, d[0], d[1]);
            add(cannot, d[1], d[0]);
        }
        List<Link> sorted = new ArrayList<>(links);
        sorted.sort(Comparator.comparingDouble(Link::weight).reversed().thenComparingInt(Link::a)
                .thenComparingInt(Link::b));
        for (Link l : sorted) {
            int ra = find(parent, l.a());
            int rb = find(parent, l.b());
            if (ra == rb) {
                continue;
            }
            if (conflict(parent, cannot.get(ra), rb) || conflict(parent, cannot.get(rb), ra)) {
                continue;
            }
            int root = Math.min(ra, rb);
            int other = Math.max(ra, rb);
            parent[other] = root;
            Set<Integer> merged = cannot.get(other);
            if (merged != null) {
                if (cannot.get(root) == null) {
                    cannot.set(root, new HashSet<>());
                }
                cannot.get(root).addAll(merged);
                cannot.set(other, null);
            }
        }
        int[] roots = new int[recordCount];
        for (int i = 0; i < recordCount; i++) {
            roots[i] = find(parent, i);
        }
        return roots;
    }

    private static boolean conflict(int[] parent, Set<Integer> cannot, int otherRoot) {
        if (cannot == null) {
            return false;
        }
        for (int x : cannot) {
            if (find(parent, x) == otherRoot) {
                return true;
            }
        }
        return false;
    }

    private static void add(List<Set<Integer>> cannot, int a, int b) {
        if (cannot.get(a) == null) {
            cannot.set(a, new HashSet<>());
        }
        cannot.get(a).add(b);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    static long key(int a, int b) {
        return ((long) Math.min(a, b) << 32) | (Math.max(a, b) & 0xffffffffL);
    }
}
