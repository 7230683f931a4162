package io.mastersync.cleanse.normalize;

import java.text.Normalizer.Form;
import java.util.Locale;

/** Character helpers shared by the normalizers. Stateless. */
final class TextChars {

    private TextChars() {
    }

    /**
     * Whitespace as found in ERP exports: Java whitespace plus the no-break spaces (U+00A0, U+2007, U+202F)
     * that {@link Character#isWhitespace} excludes but spreadsheets and French number formats produce.
     */
    static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    /** {@code s} without leading and trailing {@link #isSpace} characters. */
    static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /**
     * A matching key: lower case, accents removed, and everything but letters and digits dropped, so that
     * {@code "U.S.A."}, {@code "usa"} and {@code " U S A "} compare equal. Letters that do not decompose
     * (ß, ø, æ, ł ...) are spelled out the way they are usually transliterated.
     */
    static String foldKey(String s) {
        return fold(s);
    }

    /**
     * Like {@link #foldKey} but with the German transliteration of umlauts ({@code ä} as {@code ae}), so that
     * {@code Oesterreich} finds {@code Österreich}. Returns null when it equals {@link #foldKey}.
     */
    static String foldKeyUmlautAsE(String s) {
        if (s.chars().noneMatch(c -> "äöüÄÖÜ".indexOf(c) >= 0)) {
            return null;
        }
        return fold(s.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                .replace("Ä", "Ae").replace("Ö", "Oe").replace("Ü", "Ue"));
    }

    private static String fold(String s) {
        if (isAscii(s)) {
            return foldAscii(s);
        }
        String decomposed = java.text.Normalizer.normalize(s, Form.NFKD);
        StringBuilder sb = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(cp -> {
            if (Character.getType(cp) == Character.NON_SPACING_MARK) {
                return;
            }
            String lower = new String(Character.toChars(cp)).toLowerCase(Locale.ROOT);
            switch (lower) {
                case "ß" -> sb.append("ss");
                case "ø" -> sb.append('o');
                case "æ" -> sb.append("ae");
                case "œ" -> sb.append("oe");
                case "ł" -> sb.append('l');
                case "đ", "ð" -> sb.append('d');
                case "þ" -> sb.append("th");
                case "ı" -> sb.append('i');
                default -> lower.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
            }
        });
        return sb.toString();
    }

    /**
     * {@link #fold} of an ASCII text: NFKD leaves ASCII as it is and has no marks to drop, none of the
     * spelled-out letters is ASCII, and the ASCII letters and digits are exactly {@code [A-Za-z0-9]}.
     */
    private static String foldAscii(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                sb.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                sb.append((char) (c + ('a' - 'A')));
            }
        }
        return sb.toString();
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
