package io.mastersync.cleanse.normalize;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Common UN/ECE Recommendation 20 unit codes (resource {@code uom-codes.csv}), for the canonical model's
 * validator and for {@link UnitOfMeasureNormalizer}. Not the full list of about 2000 codes: only units that
 * occur in item master data. Package units are given in their Rec 20 form of Rec 21 codes ({@code XBX} box,
 * {@code XPX} pallet). Immutable and thread-safe.
 */
public final class UnitOfMeasureCodes {

    private static final Map<String, String> NAMES = load();

    private UnitOfMeasureCodes() {
    }

    private static Map<String, String> load() {
        Map<String, String> m = new LinkedHashMap<>();
        TwoColumnCsv.readResource("uom-codes.csv").forEach(r -> m.put(r.from(), r.to()));
        return java.util.Collections.unmodifiableMap(m);
    }

    /** True when {@code code} (exact, upper case) is one of the common Rec 20 codes; false for null. */
    public static boolean isKnown(String code) {
        return code != null && NAMES.containsKey(code);
    }

    /** The English unit name of a known code ({@code KGM} gives {@code kilogram}), or null. */
    public static String name(String code) {
        return code == null ? null : NAMES.get(code);
    }

    /** All known codes with their names, in a stable order. */
    public static Map<String, String> all() {
        return NAMES;
    }

    /** Key used for synonym matching: upper case, trimmed, without a trailing dot. */
    static String key(String value) {
        String k = TextChars.trim(value).toUpperCase(Locale.ROOT);
        while (k.endsWith(".")) {
            k = k.substring(0, k.length() - 1);
        }
        return TextChars.trim(k);
    }
}
