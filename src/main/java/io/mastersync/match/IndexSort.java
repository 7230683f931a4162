package io.mastersync.match;

/**
 * Orders positions by a primitive key without boxing: sorting millions of pairs as objects by weight costs more
 * memory than the pairs themselves.
 */
final class IndexSort {

    private IndexSort() {
    }

    /** Positions 0..n-1 of {@code keys} by descending key; equal keys keep ascending position (stable). */
    static int[] byDescending(double[] keys) {
        int n = keys.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] buffer = new int[n];
        // bottom-up merge sort: stable, O(n log n), no recursion
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, n);
                merge(keys, order, buffer, lo, mid, hi);
            }
        }
        return order;
    }

    private static void merge(double[] keys, int[] order, int[] buffer, int lo, int mid, int hi) {
        if (keys[order[mid - 1]] >= keys[order[mid]]) {
            return; // already in order
        }
        System.arraycopy(order, lo, buffer, lo, hi - lo);
        int i = lo;
        int j = mid;
        for (int o = lo; o < hi; o++) {
            if (i < mid && (j >= hi || keys[buffer[i]] >= keys[buffer[j]])) {
                order[o] = buffer[i++];
            } else {
                order[o] = buffer[j++];
            }
        }
    }
}
