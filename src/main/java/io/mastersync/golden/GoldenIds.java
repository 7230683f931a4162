package io.mastersync.golden;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Stable golden ids. Each cluster inherits the ids its members had in the previous cross-reference: the oldest
 * (lowest number) first, so a merge keeps the older id; when several clusters claim one old id (a split) the
 * cluster holding most of its former members gets it (ties: the cluster with the member that has held the id
 * longest, then the cluster with the smallest member). Clusters
 * without an inheritable id get new numbers in the order of their smallest member. An old id no cluster
 * inherits is retired in favour of the id of the cluster that holds most of its former members.
 */
public final class GoldenIds {

    /** @param ids      the golden id per cluster (same order as the clusters given)
     *  @param retired  retired id -> surviving id
     *  @param created  how many new ids were drawn */
    public record Assignment(String[] ids, Map<String, String> retired, int created) {
    }

    private GoldenIds() {
    }

    public static String prefix(String entityCode) {
        return "G-" + entityCode.toUpperCase(Locale.ROOT) + "-";
    }

    public static String format(String prefix, long number) {
        return prefix + String.format(Locale.ROOT, "%06d", number);
    }

    /** The number of an id such as {@code G-ITEM-000042}, or -1. */
    public static long number(String id) {
        int dash = id.lastIndexOf('-');
        try {
            return Long.parseLong(id.substring(dash + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * @param clusters   member record indices per cluster, each sorted ascending; records are numbered in a
     *                   stable order (source system, source key)
     * @param previous   the previous golden id per record index (null when the record is new)
     * @param nextNumber the number of the next new id
     */
    public static Assignment assign(List<int[]> clusters, String[] previous, String prefix, long nextNumber) {
        return assign(clusters, previous, new long[previous.length], prefix, nextNumber);
    }

    /**
     * @param since the run since which each record has had its previous id (its tenure); breaks a tie between
     *              the equal parts of a split in favour of the longest-standing member
     */
    public static Assignment assign(List<int[]> clusters, String[] previous, long[] since, String prefix,
            long nextNumber) {
        int n = clusters.size();
        List<Map<String, Integer>> overlaps = new ArrayList<>(n);
        List<long[]> claims = new ArrayList<>(); // {cluster, number, count, earliest since, smallest member}
        Map<Long, String> idByNumber = new HashMap<>();
        for (int c = 0; c < n; c++) {
            Map<String, Integer> o = Map.of(); // most clusters of a first run: no map per cluster
            for (int r : clusters.get(c)) {
                if (previous[r] != null) {
                    if (o.isEmpty()) {
                        o = new LinkedHashMap<>(2);
                    }
                    o.merge(previous[r], 1, Integer::sum);
                }
            }
            overlaps.add(o);
            for (Map.Entry<String, Integer> e : o.entrySet()) {
                long num = number(e.getKey());
                idByNumber.put(num, e.getKey());
                long earliest = Long.MAX_VALUE;
                for (int r : clusters.get(c)) {
                    if (e.getKey().equals(previous[r])) {
                        earliest = Math.min(earliest, since[r]);
                    }
                }
                claims.add(new long[] {c, num, e.getValue(), earliest, clusters.get(c)[0]});
            }
        }
        claims.sort((x, y) -> x[1] != y[1] ? Long.compare(x[1], y[1])
                : x[2] != y[2] ? Long.compare(y[2], x[2])
                : x[3] != y[3] ? Long.compare(x[3], y[3]) : Long.compare(x[4], y[4]));
        String[] ids = new String[n];
        Set<String> used = new HashSet<>();
        for (long[] claim : claims) {
            int c = (int) claim[0];
            String id = idByNumber.get(claim[1]);
            if (ids[c] == null && !used.contains(id)) {
                ids[c] = id;
                used.add(id);
            }
        }
        // new ids in order of each cluster's smallest member
        List<Integer> fresh = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            if (ids[c] == null) {
                fresh.add(c);
            }
        }
        fresh.sort((x, y) -> Integer.compare(clusters.get(x)[0], clusters.get(y)[0]));
        long next = nextNumber;
        for (int c : fresh) {
            ids[c] = format(prefix, next++);
        }
        // retired: old ids that no cluster inherited, pointing at the cluster with most of their members
        Map<String, long[]> bestHolder = new HashMap<>(); // old id -> {count, clusterIdNumber}
        Map<String, String> survivor = new HashMap<>();
        for (int c = 0; c < n; c++) {
            for (Map.Entry<String, Integer> e : overlaps.get(c).entrySet()) {
                String old = e.getKey();
                if (used.contains(old)) {
                    continue;
                }
                long[] best = bestHolder.get(old);
                long num = number(ids[c]);
                if (best == null || e.getValue() > best[0] || (e.getValue() == best[0] && num < best[1])) {
                    bestHolder.put(old, new long[] {e.getValue(), num});
                    survivor.put(old, ids[c]);
                }
            }
        }
        List<String> retiredIds = new ArrayList<>(survivor.keySet());
        Collections.sort(retiredIds);
        Map<String, String> retired = new LinkedHashMap<>();
        for (String r : retiredIds) {
            retired.put(r, survivor.get(r));
        }
        return new Assignment(ids, retired, fresh.size());
    }
}
