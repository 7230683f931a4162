package io.mastersync.match;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Text normalisation shared by blocking keys and comparators. */
public final class Text {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern PUNCT = Pattern.compile("[^\\p{L}\\p{N}\\s]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Text() {
    }

    /** Lower case, accents removed, every run of non letters/digits turned into one blank, trimmed. */
    public static String normalize(String s) {
        if (s == null) {
            return null;
        }
        String ascii = normalizeAscii(s);
        if (ascii != null) {
            return ascii;
        }
        String folded = foldCaseAndAccents(s);
        return NON_ALNUM.matcher(folded).replaceAll(" ").trim();
    }

    /**
     * {@link #normalize} of a pure ASCII string without the Unicode normaliser and regular expressions (which
     * cost more than the comparisons on a million records); null when {@code s} has a non-ASCII character. For
     * ASCII, NFKD and mark removal change nothing and the letters and digits are exactly {@code [a-zA-Z0-9]}.
     */
    private static String normalizeAscii(String s) {
        int n = s.length();
        char[] out = null;
        int len = 0;
        boolean pendingBlank = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
            if (!letterOrDigit) {
                pendingBlank = len > 0;
                continue;
            }
            if (out == null) {
                out = new char[n];
            }
            if (pendingBlank) {
                out[len++] = ' ';
                pendingBlank = false;
            }
            out[len++] = c <= 'Z' && c >= 'A' ? (char) (c + ('a' - 'A')) : c;
        }
        return out == null ? "" : new String(out, 0, len);
    }

    /**
     * Lower case, accents removed, punctuation dropped (so {@code O'Brien} = {@code OBrien}), blanks collapsed.
     */
    public static String normalizeDroppingPunctuation(String s) {
        if (s == null) {
            return null;
        }
        String folded = PUNCT.matcher(foldCaseAndAccents(s)).replaceAll("");
        return SPACES.matcher(folded).replaceAll(" ").trim();
    }

    /** Tokens of the normalised text; empty list for null or blank. */
    public static List<String> tokens(String s) {
        String n = normalize(s);
        List<String> result = new ArrayList<>();
        if (n == null || n.isEmpty()) {
            return result;
        }
        for (String t : n.split(" ")) {
            if (!t.isEmpty()) {
                result.add(t);
            }
        }
        return result;
    }

    private static String foldCaseAndAccents(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFKD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(java.util.Locale.ROOT);
    }
}
