package io.mastersync.cleanse.normalize;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code unit-of-measure}: maps unit spellings to UN/ECE Recommendation 20 codes: {@code Stk}, {@code PCS},
 * {@code EA} to the piece code, {@code kg} to {@code KGM}, {@code ltr} to {@code LTR}, {@code Karton} to
 * {@code XCT}, {@code PAL} to {@code XPX} ... (resource {@code uom-synonyms.csv}).
 *
 * <p>Options:
 * <ul>
 *   <li>{@code piece-code} (default {@code H87}, "piece"): code for piece-like units; {@code C62} ("one") and
 *       {@code EA} ("each") are the common alternatives. Note that {@code EA}, itself a Rec 20 code, is mapped
 *       to this code too, so all piece-like units end up alike;</li>
 *   <li>{@code file}: a CSV {@code synonym,code} with additional synonyms that also override the shipped ones
 *       (e.g. {@code ST,SET} where {@code ST} means set, not piece).</li>
 * </ul>
 * Matching ignores case, surrounding blanks and a trailing dot. A value that is no synonym but a known code
 * ({@link UnitOfMeasureCodes}) is kept in upper case. Anything else is a Problem {@code unknown-unit}. Blank
 * values pass unchanged. Thread-safe.
 */
public final class UnitOfMeasureNormalizer implements Normalizer {

    private static final String PIECE = "@piece";

    private final Map<String, String> synonyms;
    private final Set<String> accepted;

    UnitOfMeasureNormalizer(Map<String, String> synonyms, Set<String> accepted) {
        this.synonyms = Map.copyOf(synonyms);
        this.accepted = accepted == null ? null : Set.copyOf(accepted);
    }

    /** The shipped synonyms with {@code @piece} resolved to {@code pieceCode}. */
    static Map<String, String> defaultSynonyms(String pieceCode) {
        Map<String, String> m = new HashMap<>();
        for (TwoColumnCsv.Row row : TwoColumnCsv.readResource("uom-synonyms.csv")) {
            m.put(UnitOfMeasureCodes.key(row.from()), row.to().equals(PIECE) ? pieceCode : row.to());
        }
        return m;
    }

    static UnitOfMeasureNormalizer create(NormalizerOptions options) {
        String piece = options.string("piece-code", "H87").trim();
        if (!UnitOfMeasureCodes.isKnown(piece)) {
            throw options.invalid("piece-code", "must be a Rec 20 code such as H87, C62 or EA, not '" + piece + "'");
        }
        Map<String, String> synonyms = defaultSynonyms(piece);
        Path file = options.file("file");
        if (file != null) {
            for (TwoColumnCsv.Row row : TwoColumnCsv.readFile(file, options, "file")) {
                String code = row.to().equals(PIECE) ? piece : row.to();
                if (!code.matches("[A-Z0-9]{2,3}")) {
                    throw options.invalid("file", file + " line " + row.line() + ": '" + row.to()
                            + "' is not a Rec 20 code (2 or 3 upper-case letters or digits)");
                }
                synonyms.put(UnitOfMeasureCodes.key(row.from()), code);
            }
        }
        return new UnitOfMeasureNormalizer(synonyms, null);
    }

    /** The Rec 20 code for {@code value}, or null when unknown (or outside the accepted set). */
    String toCode(String value) {
        String key = UnitOfMeasureCodes.key(value);
        String code = synonyms.get(key);
        if (code == null && UnitOfMeasureCodes.isKnown(key)) {
            code = key;
        }
        if (code != null && accepted != null && !accepted.contains(code)) {
            return null;
        }
        return code;
    }

    @Override
    public NormalizerResult apply(String value, RecordContext record) {
        if (value == null || value.isBlank()) {
            return new NormalizerResult.Unchanged(value);
        }
        String code = toCode(value);
        if (code == null) {
            return NormalizerResult.problem(value, accepted == null ? "unknown-unit" : "unknown-weight-unit",
                    "unknown " + (accepted == null ? "" : "weight ") + "unit '" + value + "'");
        }
        return NormalizerResult.of(value, code);
    }

    /** Normalizer restricted to weight units, shared by {@code weight-unit} and {@code weight}. */
    static UnitOfMeasureNormalizer weightUnits() {
        return new UnitOfMeasureNormalizer(defaultSynonyms("H87"), WeightConverter.FACTORS_TO_KG.keySet());
    }
}
