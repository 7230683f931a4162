package io.mastersync.cleanse.normalize;

import java.util.Set;

/** Common UN/ECE Recommendation 20 unit codes accepted as canonical base units. Thread-safe. */
public final class UnitOfMeasureCodes {

    private static final Set<String> KNOWN = Set.of(
            "H87", "C62", "EA", "KGM", "GRM", "MGM", "TNE", "LBR", "ONZ", "LTR", "MLT", "MTQ", "MTR", "CMT",
            "MMT", "KMT", "MTK", "SET", "PR", "DZN", "BX", "CT", "PK", "PF", "RO", "HUR", "DAY", "MIN", "KWH");

    private UnitOfMeasureCodes() {
    }

    public static boolean isKnown(String code) {
        return code != null && KNOWN.contains(code);
    }
}
