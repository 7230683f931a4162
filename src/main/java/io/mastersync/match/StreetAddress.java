package io.mastersync.match;

import java.util.Map;

/**
 * The {@code address} comparison of a street line. Two things make plain Jaro-Winkler on a street line weak
 * evidence in a customer master:
 * <ul>
 * <li>The same address is written with and without abbreviations ({@code 37 West 47th Street} /
 * {@code 37 W. 47th St}), which Jaro-Winkler scores well below an exact agreement.</li>
 * <li>Two different addresses on one street ({@code 2820 N Leavitt St} / {@code 2905 N Leavitt St}) differ in a few
 * characters only and score high, though a different house number is a different building: the branches of one
 * organisation, which share its name and often its phone number, are told apart by little else.</li>
 * </ul>
 * So each line is put into one canonical form (common street types and compass words written as their USPS /
 * usual abbreviation, punctuation as blanks), and a pair whose lines both have a house number, at the start
 * ({@code 2820 N Leavitt St}) or at the end ({@code Obere Str. 57}), and different ones, is a disagreement
 * (similarity 0). Otherwise the similarity is Jaro-Winkler of the canonical forms.
 */
final class StreetAddress {

    /**
     * Long form to the abbreviation both forms are compared as. Only words that are unambiguous in a street line;
     * not {@code st} for saint, since mapping street to {@code st} already makes both read alike.
     */
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("street", "st"), Map.entry("avenue", "ave"), Map.entry("av", "ave"),
            Map.entry("road", "rd"), Map.entry("boulevard", "blvd"), Map.entry("drive", "dr"),
            Map.entry("lane", "ln"), Map.entry("court", "ct"), Map.entry("place", "pl"), Map.entry("square", "sq"),
            Map.entry("parkway", "pkwy"), Map.entry("highway", "hwy"), Map.entry("terrace", "ter"),
            Map.entry("circle", "cir"), Map.entry("expressway", "expy"), Map.entry("suite", "ste"),
            Map.entry("apartment", "apt"), Map.entry("floor", "fl"), Map.entry("building", "bldg"),
            Map.entry("north", "n"), Map.entry("south", "s"), Map.entry("east", "e"), Map.entry("west", "w"),
            Map.entry("northeast", "ne"), Map.entry("northwest", "nw"), Map.entry("southeast", "se"),
            Map.entry("southwest", "sw"));

    /** Compass words, skipped when the first word of a street name is looked for. */
    private static final java.util.Set<String> COMPASS = java.util.Set.of("n", "s", "e", "w", "ne", "nw", "se", "sw",
            "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest");

    /** A street line in canonical form and its house number (null when the line does not start with one). */
    record Line(char[] chars, String houseNumber) {
    }

    private StreetAddress() {
    }

    /** The canonical form of a street line; an empty line (nothing but punctuation) has no chars. */
    static Line prepare(String value) {
        String normalized = Text.normalize(value);
        StringBuilder sb = new StringBuilder(normalized.length());
        String houseNumber = null;
        String[] tokens = normalized.split(" ");
        for (String token : tokens) {
            if (token.isEmpty()) {
                continue;
            }
            if (sb.length() == 0) {
                houseNumber = leadingDigits(token);
            } else {
                sb.append(' ');
            }
            sb.append(ABBREVIATIONS.getOrDefault(token, token));
        }
        if (houseNumber == null) {
            houseNumber = trailingHouseNumber(tokens);
        }
        return new Line(sb.toString().toCharArray(), houseNumber);
    }

    /**
     * The house number at the end of a line, as most of Europe writes it ({@code Obere Str. 57},
     * {@code Hauptstrasse 12 a}), or null: the last token that is not a single letter, when it starts with a digit
     * and is not the line's only word.
     */
    private static String trailingHouseNumber(String[] tokens) {
        int words = 0;
        for (String token : tokens) {
            words += token.isEmpty() ? 0 : 1;
        }
        for (int i = tokens.length - 1; i >= 0 && words > 1; i--) {
            String token = tokens[i];
            if (token.isEmpty() || (token.length() == 1 && Character.isLetter(token.charAt(0)))) {
                continue;
            }
            return leadingDigits(token);
        }
        return null;
    }

    /** Similarity of two prepared lines, NaN when either is empty. */
    static double compare(Line a, Line b) {
        if (a.chars.length == 0 || b.chars.length == 0) {
            return Double.NaN;
        }
        if (a.houseNumber != null && b.houseNumber != null && !a.houseNumber.equals(b.houseNumber)) {
            return 0.0;
        }
        return JaroWinkler.similarity(a.chars, b.chars);
    }

    /**
     * The blocking key of a building: the house number and the first word of the street name, or null when the
     * line has no house number. The number is the first token that starts with a digit, wherever it stands
     * ({@code 37 W 47th St}, {@code Dorfstrasse 164}); the street word is the first other token that starts with
     * a letter and is no compass word, so {@code 37 W. 47th Street} and {@code 37 West 47th St} both give
     * {@code 37 47th}. Duplicates without a postal code share this key where a key on the whole line would differ
     * in the street type or the direction, and it is far more selective than the house number alone.
     *
     * @param normalized the line as {@link Text#normalize} returns it
     */
    static String houseKey(String normalized) {
        String number = null;
        String street = null;
        for (String token : normalized.split(" ")) {
            if (token.isEmpty()) {
                continue;
            }
            if (Character.isDigit(token.charAt(0))) {
                if (number == null) {
                    number = leadingDigits(token);
                } else if (street == null && !token.equals(leadingDigits(token))) {
                    street = token; // an ordinal street name: 47th
                }
            } else if (street == null && !COMPASS.contains(token)) {
                street = token;
            }
        }
        if (number == null) {
            return null;
        }
        return street == null ? number : number + " " + street;
    }

    /**
     * The digits a token starts with ({@code 12} of {@code 12a}; a range {@code 12-14} counts as its first number), or
     * null when it does not start with a digit. Leading zeros do not count, so {@code 007} is house number 7.
     */
    private static String leadingDigits(String token) {
        int end = 0;
        while (end < token.length() && Character.isDigit(token.charAt(end))) {
            end++;
        }
        if (end == 0) {
            return null;
        }
        return token.substring(0, end).replaceFirst("^0+(?=.)", "");
    }
}
