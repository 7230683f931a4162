package io.mastersync.golden;

/** A record pair named by keys in a canonical order (source system, then source key), so a-b equals b-a. */
public record PairKeys(String aSystem, String aKey, String bSystem, String bKey) {

    public static PairKeys of(String s1, String k1, String s2, String k2) {
        int c = s1.compareTo(s2);
        if (c > 0 || (c == 0 && k1.compareTo(k2) > 0)) {
            return new PairKeys(s2, k2, s1, k1);
        }
        return new PairKeys(s1, k1, s2, k2);
    }
}
