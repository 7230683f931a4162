package io.mastersync.cleanse.normalize;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code country-iso2}: turns a country code or name into the ISO 3166-1 alpha-2 code.
 *
 * <p>Accepted: alpha-2 ({@code de}), alpha-3 ({@code DEU}), numeric ({@code 276}, {@code 040}, {@code 40}),
 * names in the JDK's display names for the languages of {@link CountryTable#LANGUAGES}
 * ({@code Deutschland}, {@code Österreich}, {@code España}, {@code Sverige} ...) and common forms the JDK
 * lacks ({@code U.S.A.}, {@code UK}, {@code Great Britain}, {@code Holland}, {@code Czech Republic} ...).
 * Matching ignores case, accents, punctuation and whitespace. A name that denotes different countries in
 * different languages is not accepted. Anything else is a Problem {@code unknown-country}; nothing is guessed.
 *
 * <p>Option {@code file}: a CSV {@code name,alpha2} with additional synonyms (e.g. a legacy system's own
 * country keys); they win over names, never over ISO codes. Null and blank values pass unchanged. Thread-safe.
 */
public final class CountryNormalizer implements Normalizer {

    private final CountryTable table;

    public CountryNormalizer() {
        this(CountryTable.standard());
    }

    CountryNormalizer(CountryTable table) {
        this.table = table;
    }

    static CountryNormalizer create(NormalizerOptions options) {
        Path file = options.file("file");
        if (file == null) {
            return new CountryNormalizer();
        }
        Map<String, String> extra = new LinkedHashMap<>();
        for (TwoColumnCsv.Row row : TwoColumnCsv.readFile(file, options, "file")) {
            String code = row.to().toUpperCase(Locale.ROOT);
            if (!code.matches("[A-Z]{2}")) {
                throw options.invalid("file", file + " line " + row.line() + ": '" + row.to()
                        + "' is not a two-letter country code");
            }
            extra.put(row.from(), code);
        }
        return new CountryNormalizer(CountryTable.standard().withSynonyms(extra));
    }

    /** The alpha-2 code for {@code value}, or null when it is not recognized. */
    public String toAlpha2(String value) {
        return value == null ? null : table.lookup(value);
    }

    @Override
    public NormalizerResult apply(String value, RecordContext record) {
        if (value == null || value.isBlank()) {
            return new NormalizerResult.Unchanged(value);
        }
        String code = table.lookup(value);
        if (code == null) {
            return NormalizerResult.problem(value, "unknown-country", "unknown country '" + value + "'");
        }
        return NormalizerResult.of(value, code);
    }
}
