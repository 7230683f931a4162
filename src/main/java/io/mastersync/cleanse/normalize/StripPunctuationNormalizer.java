package io.mastersync.cleanse.normalize;

/**
 * {@code strip-punctuation}: deletes punctuation characters (Unicode categories P*: {@code . , ; : ! ? - _
 * ' " ( ) [ ] / \ & # @ * %} and their typographic variants such as {@code „ “ – …}).
 *
 * <p>Option {@code keep} (default empty): characters to keep, e.g. {@code keep: "-&"}. Spaces left behind
 * are not collapsed; chain {@code collapse-whitespace} for that. Null stays null. Thread-safe.
 */
public final class StripPunctuationNormalizer implements Normalizer {

    private final String keep;

    public StripPunctuationNormalizer(String keep) {
        this.keep = keep;
    }

    static StripPunctuationNormalizer create(NormalizerOptions options) {
        return new StripPunctuationNormalizer(options.string("keep", ""));
    }

    @Override
    public NormalizerResult apply(String value, RecordContext record) {
        if (value == null) {
            return new NormalizerResult.Unchanged(null);
        }
        StringBuilder sb = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> {
            if (!isPunctuation(cp) || keep.indexOf(cp) >= 0) {
                sb.appendCodePoint(cp);
            }
        });
        return NormalizerResult.of(value, sb.toString());
    }

    private static boolean isPunctuation(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }
}
