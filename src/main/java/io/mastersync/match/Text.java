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

    /**
     * Each Latin-1 character folded on its own (NFKD, marks removed, lower case): for Latin-1 text that is what
     * folding the whole string gives, since no Latin-1 character decomposes into something starting with a mark.
     */
    private static final String[] LATIN1 = new String[256];

    static {
        for (char c = 0; c < 256; c++) {
            LATIN1[c] = foldCaseAndAccents(String.valueOf(c));
        }
    }

    /** Lower case, accents removed, every run of non letters/digits turned into one blank, trimmed. */
    public static String normalize(String s) {
        if (s == null) {
            return null;
        }
        String fast = latin1(s, false);
        if (fast != null) {
            return fast;
        }
        String folded = foldCaseAndAccents(s);
        return NON_ALNUM.matcher(folded).replaceAll(" ").trim();
    }

    /**
     * Lower case, accents removed, punctuation dropped (so {@code O'Brien} = {@code OBrien}), blanks collapsed.
     */
    public static String normalizeDroppingPunctuation(String s) {
        if (s == null) {
            return null;
        }
        String fast = latin1(s, true);
        if (fast != null) {
            return fast;
        }
        String folded = PUNCT.matcher(foldCaseAndAccents(s)).replaceAll("");
        return SPACES.matcher(folded).replaceAll(" ").trim();
    }

    /**
     * {@link #normalize} (or, with {@code dropPunctuation}, {@link #normalizeDroppingPunctuation}) of a string of
     * Latin-1 characters, from the per-character table instead of the Unicode normaliser and regular expressions,
     * which cost more than the comparisons on a million records; null when {@code s} has another character.
     * Letters and digits are {@code \p{L}} and {@code \p{N}}; without {@code dropPunctuation} everything else
     * separates words, with it only {@code \s} does and the rest is dropped.
     */
    private static String latin1(String s, boolean dropPunctuation) {
        int n = s.length();
        StringBuilder out = null;
        boolean pendingBlank = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 256) {
                return null;
            }
            String folded = LATIN1[c];
            for (int k = 0; k < folded.length(); k++) {
                char f = folded.charAt(k);
                if (!letterOrDigit(f)) {
                    if (!dropPunctuation || f == ' ' || (f >= '\t' && f <= '\r')) {
                        pendingBlank = out != null && out.length() > 0;
                    }
                    continue;
                }
                if (out == null) {
                    out = new StringBuilder(n);
                }
                if (pendingBlank) {
                    out.append(' ');
                    pendingBlank = false;
                }
                out.append(f);
            }
        }
        return out == null ? "" : out.toString();
    }

    private static boolean letterOrDigit(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
        }
        int type = Character.getType(c);
        return Character.isLetter(c) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
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
