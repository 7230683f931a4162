package io.mastersync.cleanse.normalize;

import java.util.regex.Pattern;

/**
 * {@code gtin}: validates a GTIN (EAN-8, UPC-A, EAN-13, GTIN-14) and writes it in one canonical form.
 *
 * <p>Blanks and dashes are removed. Spreadsheet damage is repaired where no digit was lost
 * ({@code 4006381333931.0} becomes {@code 4006381333931}) and refused where digits were lost
 * ({@code 4.00638E+12}: Problem {@code gtin-exponent}). The length must be 8, 12, 13 or 14 (Problem
 * {@code gtin-length}), the GS1 check digit must match (Problem {@code gtin-check-digit}, see
 * {@link GtinCheckDigit}), and an all-zero code, a common placeholder, is refused (Problem
 * {@code gtin-placeholder}). Other characters: Problem {@code gtin-characters}.
 *
 * <p>Option {@code output}: {@code gtin14} (default) left-pads to 14 digits; {@code shortest} writes the
 * shortest standard form without dropping non-zero digits (a GTIN-14 {@code 00000040123455} becomes the
 * EAN-8 {@code 40123455}); {@code as-is} keeps the cleaned length. Blank values pass unchanged. Thread-safe.
 */
public final class GtinNormalizer implements Normalizer {

    /** Output form. */
    public enum Output { GTIN14, SHORTEST, AS_IS }

    private static final Pattern DECIMAL_ZERO = Pattern.compile("(\\d+)[.,]0+");
    private static final Pattern EXPONENT = Pattern.compile("[0-9.,]+[eE][+]?\\d+");

    private final Output output;

    public GtinNormalizer(Output output) {
        this.output = output;
    }

    static GtinNormalizer create(NormalizerOptions options) {
        String o = options.choice("output", "gtin14", "gtin14", "shortest", "as-is");
        return new GtinNormalizer(switch (o) {
            case "shortest" -> Output.SHORTEST;
            case "as-is" -> Output.AS_IS;
            default -> Output.GTIN14;
        });
    }

    @Override
    public NormalizerResult apply(String value, RecordContext record) {
        if (value == null || value.isBlank()) {
            return new NormalizerResult.Unchanged(value);
        }
        StringBuilder sb = new StringBuilder();
        value.codePoints().filter(cp -> !TextChars.isSpace(cp) && cp != '-').forEach(sb::appendCodePoint);
        String digits = sb.toString();
        if (EXPONENT.matcher(digits).matches()) {
            return NormalizerResult.problem(value, "gtin-exponent", "GTIN '" + value
                    + "' was turned into a floating-point number by a spreadsheet; its digits are lost");
        }
        var m = DECIMAL_ZERO.matcher(digits);
        if (m.matches()) {
            digits = m.group(1);
        }
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return NormalizerResult.problem(value, "gtin-characters", "GTIN '" + value + "' contains characters other than digits");
        }
        int len = digits.length();
        if (len != 8 && len != 12 && len != 13 && len != 14) {
            return NormalizerResult.problem(value, "gtin-length", "GTIN '" + value + "' has " + len
                    + " digits; expected 8, 12, 13 or 14");
        }
        if (digits.chars().allMatch(c -> c == '0')) {
            return NormalizerResult.problem(value, "gtin-placeholder", "GTIN '" + value + "' is all zeros");
        }
        if (!GtinCheckDigit.isValid(digits)) {
            return NormalizerResult.problem(value, "gtin-check-digit", "GTIN '" + value + "' has a wrong check digit (expected "
                    + GtinCheckDigit.compute(digits.substring(0, len - 1)) + ")");
        }
        String gtin14 = "0".repeat(14 - len) + digits;
        String out = switch (output) {
            case GTIN14 -> gtin14;
            case AS_IS -> digits;
            case SHORTEST -> shortest(gtin14);
        };
        return NormalizerResult.of(value, out);
    }

    private static String shortest(String gtin14) {
        for (int len : new int[] {8, 12, 13}) {
            if (gtin14.substring(0, 14 - len).chars().allMatch(c -> c == '0')) {
                return gtin14.substring(14 - len);
            }
        }
        return gtin14;
    }
}
