package io.mastersync.cleanse.normalize;

import java.util.Locale;

/**
 * {@code sku}: canonical article number, so that {@code ab-100/7}, {@code AB 100 7} and {@code AB1007} match.
 *
 * <p>Options:
 * <ul>
 *   <li>{@code case}: {@code upper} (default), {@code lower} or {@code keep};</li>
 *   <li>{@code remove} (default {@code -_ ./}, i.e. dash, underscore, space, dot, slash): characters deleted;
 *       whitespace of any kind is deleted when the set contains a space;</li>
 *   <li>{@code strip-leading-zeros} (default false): {@code 000123} becomes {@code 123} (a value of zeros
 *       only keeps one {@code 0});</li>
 *   <li>{@code pad-to} (default none): left-pads with zeros to this length, as SAP does for numeric material
 *       numbers; longer values are never cut.</li>
 * </ul>
 * A value that is empty after removal is a Problem {@code empty-sku}. Blank values pass unchanged.
 * Thread-safe.
 */
public final class SkuNormalizer implements Normalizer {

    /** Case to produce. */
    public enum Case { UPPER, LOWER, KEEP }

    private final Case letterCase;
    private final String remove;
    private final boolean stripLeadingZeros;
    private final Integer padTo;

    public SkuNormalizer(Case letterCase, String remove, boolean stripLeadingZeros, Integer padTo) {
        this.letterCase = letterCase;
        this.remove = remove;
        this.stripLeadingZeros = stripLeadingZeros;
        this.padTo = padTo;
    }

    static SkuNormalizer create(NormalizerOptions options) {
        Case c = Case.valueOf(options.choice("case", "upper", "upper", "lower", "keep").toUpperCase(Locale.ROOT));
        String remove = options.string("remove", "-_ ./");
        boolean strip = options.bool("strip-leading-zeros", false);
        Integer pad = options.integer("pad-to", null);
        if (pad != null && (pad < 1 || pad > 100)) {
            throw options.invalid("pad-to", "must be between 1 and 100, not " + pad);
        }
        return new SkuNormalizer(c, remove, strip, pad);
    }

    @Override
    public NormalizerResult apply(String value, RecordContext record) {
        if (value == null || value.isBlank()) {
            return new NormalizerResult.Unchanged(value);
        }
        boolean removeSpace = remove.indexOf(' ') >= 0;
        StringBuilder sb = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> {
            if (remove.indexOf(cp) < 0 && !(removeSpace && TextChars.isSpace(cp))) {
                sb.appendCodePoint(cp);
            }
        });
        String out = switch (letterCase) {
            case UPPER -> sb.toString().toUpperCase(Locale.ROOT);
            case LOWER -> sb.toString().toLowerCase(Locale.ROOT);
            case KEEP -> sb.toString();
        };
        if (out.isEmpty()) {
            return NormalizerResult.problem(value, "empty-sku", "SKU '" + value + "' is empty after removing '" + remove + "'");
        }
        if (stripLeadingZeros) {
            int i = 0;
            while (i < out.length() - 1 && out.charAt(i) == '0') {
                i++;
            }
            out = out.substring(i);
        }
        if (padTo != null && out.length() < padTo) {
            out = "0".repeat(padTo - out.length()) + out;
        }
        return NormalizerResult.of(value, out);
    }
}
