package io.mastersync.match;

import java.util.Arrays;

/**
 * Jaro-Winkler similarity computing exactly what Commons Text's {@code JaroWinklerSimilarity} (1.15) computes:
 * match window {@code max(longer/2 - 1, 0)}, transpositions halved, common prefix of up to 4 characters, scaling
 * 0.1 applied only when the Jaro similarity is at least 0.7. Commons Text boxes every character it compares and
 * allocates four arrays per call, which made it the largest cost of scoring millions of pairs. Here the strings
 * are char arrays (prepared once per value); for strings of up to 64 characters the positions of each character
 * of the longer string are bit masks, so finding the first unmatched equal character in the window is a few bit
 * operations instead of a scan. Thread-safe.
 */
final class JaroWinkler {

    private static final ThreadLocal<long[]> POSITIONS = ThreadLocal.withInitial(() -> new long[256]);

    private JaroWinkler() {
    }

    /** Similarity in [0, 1] of two non-null strings (two empty strings are equal: 1.0). */
    static double similarity(String first, String second) {
        return similarity(first.toCharArray(), second.toCharArray());
    }

    static double similarity(char[] first, char[] second) {
        if (Arrays.equals(first, second)) {
            return 1.0;
        }
        char[] max = first;
        char[] min = second;
        if (first.length <= second.length) {
            max = second;
            min = first;
        }
        long mt = max.length <= 64 ? matchesSmall(min, max) : matchesLarge(min, max);
        double m = (int) (mt >>> 32);
        if (m == 0) {
            return 0.0;
        }
        int transpositions = (int) mt;
        int prefix = 0;
        for (int i = 0; i < Math.min(4, min.length); i++) {
            if (first[i] != second[i]) {
                break;
            }
            prefix++;
        }
        double j = (m / first.length + m / second.length + (m - transpositions / 2.0) / m) / 3;
        return j < 0.7 ? j : j + 0.1 * prefix * (1.0 - j);
    }

    /** Matches (high 32 bits) and half transpositions (low 32 bits); the longer string has at most 64 chars. */
    private static long matchesSmall(char[] min, char[] max) {
        long[] positions = POSITIONS.get();
        for (int i = 0; i < max.length; i++) {
            if (max[i] < 256) {
                positions[max[i]] |= 1L << i;
            }
        }
        int range = Math.max(max.length / 2 - 1, 0);
        long minMatched = 0;
        long maxMatched = 0;
        int matches = 0;
        for (int mi = 0; mi < min.length; mi++) {
            char c = min[mi];
            int lo = Math.max(mi - range, 0);
            int hi = Math.min(mi + range + 1, max.length);
            if (lo >= hi) {
                continue;
            }
            long window = (hi == 64 ? -1L : (1L << hi) - 1) & -(1L << lo);
            long candidates = (c < 256 ? positions[c] : positionsOf(c, max)) & window & ~maxMatched;
            if (candidates != 0) {
                minMatched |= 1L << mi;
                maxMatched |= Long.lowestOneBit(candidates);
                matches++;
            }
        }
        for (char c : max) {
            if (c < 256) {
                positions[c] = 0;
            }
        }
        int transpositions = 0;
        long a = minMatched;
        long b = maxMatched;
        while (a != 0) {
            if (min[Long.numberOfTrailingZeros(a)] != max[Long.numberOfTrailingZeros(b)]) {
                transpositions++;
            }
            a &= a - 1;
            b &= b - 1;
        }
        return ((long) matches << 32) | transpositions;
    }

    private static long positionsOf(char c, char[] max) {
        long mask = 0;
        for (int i = 0; i < max.length; i++) {
            if (max[i] == c) {
                mask |= 1L << i;
            }
        }
        return mask;
    }

    /** The same with flag arrays, for longer strings. */
    private static long matchesLarge(char[] min, char[] max) {
        int range = Math.max(max.length / 2 - 1, 0);
        boolean[] minMatched = new boolean[min.length];
        boolean[] maxMatched = new boolean[max.length];
        int matches = 0;
        for (int mi = 0; mi < min.length; mi++) {
            char c = min[mi];
            for (int xi = Math.max(mi - range, 0), xn = Math.min(mi + range + 1, max.length); xi < xn; xi++) {
                if (!maxMatched[xi] && c == max[xi]) {
                    minMatched[mi] = true;
                    maxMatched[xi] = true;
                    matches++;
                    break;
                }
            }
        }
        int transpositions = 0;
        int x = 0;
        for (int i = 0; i < min.length; i++) {
            if (!minMatched[i]) {
                continue;
            }
            while (!maxMatched[x]) {
                x++;
            }
            if (min[i] != max[x]) {
                transpositions++;
            }
            x++;
        }
        return ((long) matches << 32) | transpositions;
    }
}
