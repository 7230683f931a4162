package io.mastersync.cleanse.normalize;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code legal-form}: splits a legal-form suffix off an organisation name into another field:
 * {@code "Müller Maschinenbau GmbH & Co. KG"} becomes {@code "Müller Maschinenbau"} with extra output
 * {@code legal-form = "GmbH & Co. KG"}; {@code "Acme, Inc"} becomes {@code "Acme"} with {@code "Inc."}.
 *
 * <p>The suffix must be at the end of the name, separated by a space or comma; the longest known suffix
 * wins ({@code GmbH & Co. KG}, not {@code KG}). Suffixes are matched ignoring case, dots and spaces, so
 * {@code G.m.b.H.} and {@code GMBH} are found; accents and {@code & /} count, so {@code A/S} and {@code AS}
 * stay different. The canonical spellings are in resource {@code legal-forms.csv}.
 *
 * <p>Options: {@code target-field} (default {@code legal-form}): the field that receives the legal form;
 * {@code file}: CSV {@code variant,canonical} with additional or overriding forms. A name without a known
 * suffix, or consisting of nothing but one, is unchanged and produces no output. Blank values pass unchanged.
 * Thread-safe.
 */
public final class LegalFormSplitter implements Normalizer {

    /** Longest suffix looked at, in words; "UG (haftungsbeschränkt) & Co. KG" has five. */
    private static final int MAX_WORDS = 6;

    private final Map<String, String> forms;
    private final String targetField;

    LegalFormSplitter(Map<String, String> forms, String targetField) {
        this.forms = Map.copyOf(forms);
        this.targetField = targetField;
    }

    static LegalFormSplitter create(NormalizerOptions options) {
        String target = options.string("target-field", "legal-form").trim();
        if (target.isEmpty()) {
            throw options.invalid("target-field", "must name a field");
        }
        Map<String, String> forms = new HashMap<>();
        TwoColumnCsv.readResource("legal-forms.csv").forEach(r -> forms.put(key(r.from()), r.to()));
        Path file = options.file("file");
        if (file != null) {
            TwoColumnCsv.readFile(file, options, "file").forEach(r -> forms.put(key(r.from()), r.to()));
        }
        return new LegalFormSplitter(forms, target);
    }

    /** Lower case (root locale) without dots and spaces. */
    static String key(String s) {
        if (isLatin1(s)) {
            // root-locale lower case of Latin-1 text is Character.toLowerCase char by char, and stays Latin-1
            StringBuilder sb = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = Character.toLowerCase(s.charAt(i));
                if (c != '.' && !TextChars.isSpace(c)) {
                    sb.append(c);
                }
            }
            return sb.toString();
        }
        String lower = s.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            if (cp != '.' && !TextChars.isSpace(cp)) {
                sb.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    @Override
    public NormalizerResult apply(String value, RecordContext record) {
        if (value == null || value.isBlank()) {
            return new NormalizerResult.Unchanged(value);
        }
        String name = TextChars.trim(value);
        // Candidate split points: positions right after a space or comma, scanned from the left within the
        // last MAX_WORDS words, so the first hit is the longest suffix.
        int words = 0;
        int start = name.length();
        for (int i = name.length() - 1; i > 0 && words < MAX_WORDS; i--) {
            if (isSeparator(name.charAt(i)) && !isSeparator(name.charAt(i - 1))) {
                words++;
                start = i;
            }
        }
        for (int i = start; i < name.length(); i++) {
            if (i > 0 && isSeparator(name.charAt(i - 1)) && !isSeparator(name.charAt(i))) {
                String canonical = forms.get(key(name.substring(i)));
                if (canonical != null) {
                    String rest = stripTrailingSeparators(name.substring(0, i));
                    if (rest.isEmpty()) {
                        break;
                    }
                    return NormalizerResult.of(value, rest, Map.of(targetField, canonical));
                }
            }
        }
        return new NormalizerResult.Unchanged(value);
    }

    private static boolean isLatin1(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSeparator(char c) {
        return c == ',' || TextChars.isSpace(c);
    }

    private static String stripTrailingSeparators(String s) {
        int end = s.length();
        while (end > 0 && isSeparator(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }
}
