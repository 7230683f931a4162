package io.mastersync.cleanse.normalize;

import java.util.Locale;

/**
 * {@code upper}, {@code lower}, {@code title}: changes letter case.
 *
 * <p>Option {@code locale} (default: root, i.e. language-neutral): a language tag whose case rules apply,
 * e.g. {@code tr} so that {@code i} upper-cases to {@code İ}. The JVM default locale is never used, so results
 * do not depend on the machine.
 *
 * <p>{@code title} upper-cases the first letter of every word and lower-cases the rest
 * ({@code "MÜLLER-LÜDENSCHEIDT AG"} becomes {@code "Müller-Lüdenscheidt Ag"}); a word starts after any
 * character that is not a letter, digit or apostrophe. Null stays null. Thread-safe.
 */
public final class CaseNormalizer implements Normalizer {

    /** Which case to produce. */
    public enum Mode { UPPER, LOWER, TITLE }

    private final Mode mode;
    private final Locale locale;

    public CaseNormalizer(Mode mode, Locale locale) {
        this.mode = mode;
        this.locale = locale;
    }

    static CaseNormalizer create(Mode mode, NormalizerOptions options) {
        return new CaseNormalizer(mode, options.locale("locale", Locale.ROOT));
    }

    @Override
    public NormalizerResult apply(String value, RecordContext record) {
        if (value == null) {
            return new NormalizerResult.Unchanged(null);
        }
        String out = switch (mode) {
            case UPPER -> value.toUpperCase(locale);
            case LOWER -> value.toLowerCase(locale);
            case TITLE -> title(value);
        };
        return NormalizerResult.of(value, out);
    }

    private String title(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        boolean wordStart = true;
        int i = 0;
        while (i < value.length()) {
            int cp = value.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            if (Character.isLetter(cp)) {
                // toTitleCase handles digraphs such as "ǆ"; locale-specific upper-casing handles "i" in Turkish.
                sb.append(wordStart ? titleCase(cp, ch) : ch.toLowerCase(locale));
                wordStart = false;
            } else {
                sb.append(ch);
                wordStart = !(Character.isDigit(cp) || cp == '\'' || cp == '\u2019');
            }
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    private String titleCase(int cp, String ch) {
        int title = Character.toTitleCase(cp);
        String upper = ch.toUpperCase(locale);
        // Prefer the locale's upper case unless the letter has a distinct title-case form.
        return title != Character.toUpperCase(cp) ? new String(Character.toChars(title)) : upper;
    }
}
