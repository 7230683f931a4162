package io.mastersync.cleanse.normalize;

/**
 * {@code trim}: removes leading and trailing whitespace, including no-break spaces (U+00A0, U+202F) that
 * {@link String#strip()} keeps. No options. Null stays null. Thread-safe.
 */
public final class TrimNormalizer implements Normalizer {

    @Override
    public NormalizerResult apply(String value, RecordContext record) {
        return value == null ? new NormalizerResult.Unchanged(null) : NormalizerResult.of(value, TextChars.trim(value));
    }
}
