package io.mastersync.cleanse.normalize;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code null-if}: turns placeholder values that mean "empty" into null, so they do not reach the target as
 * data ({@code n/a} as a country, {@code -} as a phone number).
 *
 * <p>Options:
 * <ul>
 *   <li>{@code values}: {@code |}-separated placeholders, default {@code n/a|-|--|NULL|none|#N/A|?} (not {@code NA}: that is Namibia);</li>
 *   <li>{@code case-insensitive} (default true);</li>
 *   <li>{@code blank} (default true): values consisting only of whitespace also become null.</li>
 * </ul>
 * Comparison ignores surrounding whitespace. Null stays null. Thread-safe.
 */
public final class NullIfNormalizer implements Normalizer {

    static final List<String> DEFAULT_VALUES = List.of("n/a", "-", "--", "NULL", "none", "#N/A", "?");

    private final Set<String> placeholders;
    private final boolean caseInsensitive;
    private final boolean blank;
    /** The length of the longest placeholder key: a longer trimmed value cannot be one. */
    private final int longest;

    public NullIfNormalizer(List<String> placeholders, boolean caseInsensitive, boolean blank) {
        this.caseInsensitive = caseInsensitive;
        this.blank = blank;
        this.placeholders = placeholders.stream().map(this::key).collect(Collectors.toUnmodifiableSet());
        this.longest = this.placeholders.stream().mapToInt(String::length).max().orElse(0);
    }

    static NullIfNormalizer create(NormalizerOptions options) {
        return new NullIfNormalizer(options.list("values", DEFAULT_VALUES),
                options.bool("case-insensitive", true), options.bool("blank", true));
    }

    private String key(String s) {
        return keyOfTrimmed(TextChars.trim(s));
    }

    private String keyOfTrimmed(String t) {
        return caseInsensitive ? t.toLowerCase(Locale.ROOT) : t;
    }

    @Override
    public NormalizerResult apply(String value, RecordContext record) {
        if (value == null) {
            return new NormalizerResult.Unchanged(null);
        }
        String t = TextChars.trim(value);
        if (t.length() > longest) {
            // lower-casing (root locale) never shortens a text, so its key is longer than every placeholder
            return new NormalizerResult.Unchanged(value);
        }
        String k = keyOfTrimmed(t);
        if ((blank && k.isEmpty()) || placeholders.contains(k)) {
            return new NormalizerResult.Changed(value, null);
        }
        return new NormalizerResult.Unchanged(value);
    }
}
