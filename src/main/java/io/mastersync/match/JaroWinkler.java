package io.mastersync.match;

/**
 * Jaro-Winkler similarity computing exactly what Commons Text's {@code JaroWinklerSimilarity} (1.15) computes:
 * match window {@code max(longer/2 - 1, 0)}, transpositions halved, common prefix of up to 4 characters, scaling
 * 0.1 applied only when the Jaro similarity is at least 0.7. Commons Text boxes every character it compares and
 * allocates four arrays per call, which made it the largest cost of scoring millions of pairs; this version works
 * on the chars with two bit masks (strings up to 64 characters; longer ones use arrays). Stateless, thread-safe.
 */
final class JaroWinkler {

    private JaroWinkler() {
    }

    /** Similarity in [0, 1] of two non-null strings (two empty strings are equal: 1.0). */
    static double similarity(String first, String second) {
        if (first.equals(second)) {
            return 1.0;
        }
        String max = first;
        String min = second;
        if (first.length() <= second.length()) {
            max = second;
            min = first;
        }
        int[] mtp = max.length() <= 64 ? matchesSmall(min, max) : matchesLarge(min, max);
        double m = mtp[0];
        if (m == 0) {
            return 0.0;
        }
        int prefix = 0;
        for (int i = 0; i < Math.min(4, min.length()); i++) {
            if (first.charAt(i) != second.charAt(i)) {
                break;
            }
            prefix++;
        }
        double j = (m / first.length() + m / second.length() + (m - mtp[1] / 2.0) / m) / 3;
        return j < 0.7 ? j : j + 0.1 * prefix * (1.0 - j);
    }

    /** {matches, half transpositions} with bit masks: both strings at most 64 characters. */
    private static int[] matchesSmall(String min, String max) {
        int range = Math.max(max.length() / 2 - 1, 0);
        long minMatched = 0;
        long maxMatched = 0;
        int matches = 0;
        for (int mi = 0; mi < min.length(); mi++) {
            char c = min.charAt(mi);
            for (int xi = Math.max(mi - range, 0), xn = Math.min(mi + range + 1, max.length()); xi < xn; xi++) {
                if ((maxMatched & (1L << xi)) == 0 && c == max.charAt(xi)) {
                    minMatched |= 1L << mi;
                    maxMatched |= 1L << xi;
                    matches++;
                    break;
                }
            }
        }
        int transpositions = 0;
        long a = minMatched;
        long b = maxMatched;
        while (a != 0) {
            int i = Long.numberOfTrailingZeros(a);
            int x = Long.numberOfTrailingZeros(b);
            if (min.charAt(i) != max.charAt(x)) {
                transpositions++;
            }
            a &= a - 1;
            b &= b - 1;
        }
        return new int[] {matches, transpositions};
    }

    /** The same with flag arrays, for longer strings. */
    private static int[] matchesLarge(String min, String max) {
        int range = Math.max(max.length() / 2 - 1, 0);
        boolean[] minMatched = new boolean[min.length()];
        boolean[] maxMatched = new boolean[max.length()];
        int matches = 0;
        for (int mi = 0; mi < min.length(); mi++) {
            char c = min.charAt(mi);
            for (int xi = Math.max(mi - range, 0), xn = Math.min(mi + range + 1, max.length()); xi < xn; xi++) {
                if (!maxMatched[xi] && c == max.charAt(xi)) {
                    minMatched[mi] = true;
                    maxMatched[xi] = true;
                    matches++;
                    break;
                }
            }
        }
        int transpositions = 0;
        int x = 0;
        for (int i = 0; i < min.length(); i++) {
            if (!minMatched[i]) {
                continue;
            }
            while (!maxMatched[x]) {
                x++;
            }
            if (min.charAt(i) != max.charAt(x)) {
                transpositions++;
            }
            x++;
        }
        return new int[] {matches, transpositions};
    }
}
