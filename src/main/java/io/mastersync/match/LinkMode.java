package io.mastersync.match;

/** Which record pairs are candidates. */
public enum LinkMode {
    /** Pairs within the same source only (deduplicate each source on its own). */
    DEDUPE,
    /** Pairs across different sources only (record linkage). */
    LINK,
    /** Every pair, within and across sources. */
    BOTH;

    public boolean allows(MatchRecord a, MatchRecord b) {
        boolean same = a.sourceSystem().equals(b.sourceSystem());
        return switch (this) {
            case DEDUPE -> same;
            case LINK -> !same;
            case BOTH -> true;
        };
    }
}
