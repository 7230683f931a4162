package io.mastersync.cleanse.normalize;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The lookup tables of {@link CountryNormalizer}, built once from the JDK (alpha-2, alpha-3 and display names
 * in {@link #LANGUAGES}) plus the shipped {@code iso3166-numeric.csv} and {@code country-synonyms.csv}.
 * Immutable and thread-safe.
 */
final class CountryTable {

    /**
     * Languages whose country display names are accepted: the languages of the EU/EFTA and a few trading
     * partners. Adding languages adds coverage but also collisions (one name, two countries), which are
     * dropped rather than guessed.
     */
    static final List<String> LANGUAGES = List.of("en", "de", "fr", "es", "it", "nl", "pt", "pl", "sv", "da",
            "nb", "nn", "fi", "cs", "sk", "hu", "ro", "hr", "sl", "et", "lv", "lt", "tr", "el", "bg", "ca", "ga",
            "is", "mt", "lb", "rm");

    private static final CountryTable STANDARD = build();

    /** ISO alpha-2 codes as given by the JDK. */
    final Set<String> alpha2;
    /** Folded key (codes, names, synonyms) to alpha-2. */
    final Map<String, String> byKey;
    /** Numeric-3 value to alpha-2. */
    final Map<Integer, String> byNumeric;

    private CountryTable(Set<String> alpha2, Map<String, String> byKey, Map<Integer, String> byNumeric) {
        this.alpha2 = Set.copyOf(alpha2);
        this.byKey = Map.copyOf(byKey);
        this.byNumeric = Map.copyOf(byNumeric);
    }

    static CountryTable standard() {
        return STANDARD;
    }

    /** The standard table with additional synonyms, which win over everything but codes. */
    CountryTable withSynonyms(Map<String, String> nameToAlpha2) {
        Map<String, String> keys = new HashMap<>(byKey);
        nameToAlpha2.forEach((name, code) -> keys(name).forEach(k -> keys.put(k, code)));
        putCodes(keys, alpha2);
        return new CountryTable(alpha2, keys, byNumeric);
    }

    private static CountryTable build() {
        Set<String> codes = new LinkedHashSet<>(List.of(Locale.getISOCountries()));

        // Names from all languages; a key naming two different countries (it happens between languages) is
        // ambiguous and removed, so such a value becomes a Problem instead of a guess.
        Map<String, String> names = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (String language : LANGUAGES) {
            Locale in = Locale.forLanguageTag(language);
            for (String cc : codes) {
                String name = new Locale("", cc).getDisplayCountry(in);
                if (name.isBlank() || name.equalsIgnoreCase(cc)) {
                    continue; // no translation in this language
                }
                for (String key : keys(name)) {
                    String previous = names.putIfAbsent(key, cc);
                    if (previous != null && !previous.equals(cc)) {
                        ambiguous.add(key);
                    }
                }
            }
        }
        ambiguous.forEach(names::remove);

        for (TwoColumnCsv.Row row : TwoColumnCsv.readResource("country-synonyms.csv")) {
            keys(row.from()).forEach(k -> names.put(k, row.to()));
        }
        putCodes(names, codes);

        Map<Integer, String> numeric = new HashMap<>();
        for (TwoColumnCsv.Row row : TwoColumnCsv.readResource("iso3166-numeric.csv")) {
            numeric.put(Integer.parseInt(row.to()), row.from());
        }
        return new CountryTable(codes, names, numeric);
    }

    /** The matching keys of a name: folded, and with German umlaut transliteration when it differs. */
    private static List<String> keys(String name) {
        String alt = TextChars.foldKeyUmlautAsE(name);
        return alt == null ? List.of(TextChars.foldKey(name)) : List.of(TextChars.foldKey(name), alt);
    }

    /** Codes always win over names: "NO" is Norway even if some language had a country called "no". */
    private static void putCodes(Map<String, String> keys, Set<String> codes) {
        for (String cc : codes) {
            keys.put(cc.toLowerCase(Locale.ROOT), cc);
            String alpha3 = new Locale("", cc).getISO3Country();
            if (!alpha3.isEmpty()) {
                keys.put(alpha3.toLowerCase(Locale.ROOT), cc);
            }
        }
    }

    /** The alpha-2 code for a value, or null when unknown. */
    String lookup(String value) {
        String trimmed = TextChars.trim(value);
        if (!trimmed.isEmpty() && allAsciiDigits(trimmed)) {
            return trimmed.length() <= 3 ? byNumeric.get(Integer.parseInt(trimmed)) : null;
        }
        String key = TextChars.foldKey(trimmed);
        return key.isEmpty() ? null : byKey.get(key);
    }

    private static boolean allAsciiDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
