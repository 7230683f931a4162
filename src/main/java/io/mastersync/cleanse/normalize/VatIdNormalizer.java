package io.mastersync.cleanse.normalize;

import java.util.Locale;
import java.util.Set;

/**
 * {@code vat-id}: cleans a VAT identification number: removes blanks, dots, dashes and slashes and
 * upper-cases ({@code de 123.456.789} becomes {@code DE123456789}).
 *
 * <p>The two-letter prefix must be an EU VAT prefix: the member states' ISO codes except Greece, which uses
 * {@code EL}, plus {@code XI} for Northern Ireland. A prefix {@code GR} is rewritten to {@code EL}: it can
 * only mean Greece. Unknown prefixes are a Problem {@code vat-prefix}.
 *
 * <p>Options:
 * <ul>
 *   <li>{@code country-field}: the field holding the record's ISO country code. When it has a value, the
 *       prefix must be that country's (Greece: {@code EL}; Northern Ireland {@code XI} is accepted for
 *       {@code GB}), which also admits non-EU numbers such as {@code CHE-123.456.789 MWST} for {@code CH}.
 *       A mismatch is a Problem {@code vat-country-mismatch};</li>
 *   <li>{@code add-prefix-from-country} (default false; needs {@code country-field}): a number without
 *       prefix gets the record's prefix ({@code 123456789} with {@code DE} becomes {@code DE123456789}).
 *       Without it, a missing prefix is a Problem {@code vat-prefix}.</li>
 * </ul>
 * The national part must be 2 to 15 letters and digits containing a digit (Problem {@code invalid-vat-id});
 * its national check digits are not verified. Blank values pass unchanged. Thread-safe.
 */
public final class VatIdNormalizer implements Normalizer {

    static final Set<String> EU_PREFIXES = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI",
            "FR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI");

    private final String countryField;
    private final boolean addPrefix;

    public VatIdNormalizer(String countryField, boolean addPrefix) {
        this.countryField = countryField;
        this.addPrefix = addPrefix;
    }

    static VatIdNormalizer create(NormalizerOptions options) {
        String field = options.string("country-field", null);
        boolean add = options.bool("add-prefix-from-country", false);
        if (field != null && field.isBlank()) {
            throw options.invalid("country-field", "must name a field");
        }
        if (add && field == null) {
            throw options.invalid("add-prefix-from-country", "needs option 'country-field'");
        }
        return new VatIdNormalizer(field == null ? null : field.trim(), add);
    }

    /** The VAT prefix of an ISO country code: Greece is EL. */
    static String prefixOf(String country) {
        return country.equals("GR") ? "EL" : country;
    }

    @Override
    public NormalizerResult apply(String value, RecordContext record) {
        if (value == null || value.isBlank()) {
            return new NormalizerResult.Unchanged(value);
        }
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (!TextChars.isSpace(cp) && cp != '.' && cp != '-' && cp != '/') {
                sb.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        String id = sb.toString().toUpperCase(Locale.ROOT);
        String country = countryField == null ? null : record.get(countryField);
        String expected = country == null || country.isBlank() ? null : prefixOf(country.trim().toUpperCase(Locale.ROOT));

        boolean hasPrefix = id.length() >= 2 && isAsciiLetter(id.charAt(0)) && isAsciiLetter(id.charAt(1));
        if (!hasPrefix) {
            if (addPrefix && expected != null) {
                id = expected + id;
            } else {
                return NormalizerResult.problem(value, "vat-prefix", "VAT id '" + value + "' has no country prefix");
            }
        }
        String prefix = id.substring(0, 2);
        if (prefix.equals("GR")) {
            prefix = "EL";
            id = "EL" + id.substring(2);
        }
        if (expected != null) {
            if (!prefix.equals(expected) && !(expected.equals("GB") && prefix.equals("XI"))) {
                return NormalizerResult.problem(value, "vat-country-mismatch", "VAT id '" + value + "' has prefix "
                        + prefix + " but the record's country is " + country);
            }
        } else if (!EU_PREFIXES.contains(prefix)) {
            return NormalizerResult.problem(value, "vat-prefix", "VAT id '" + value + "' has unknown prefix '" + prefix + "'");
        }
        String national = id.substring(2);
        if (national.length() < 2 || national.length() > 15 || !lettersAndDigitsWithADigit(national)) {
            return NormalizerResult.problem(value, "invalid-vat-id", "VAT id '" + value + "' has an invalid number part '" + national + "'");
        }
        return NormalizerResult.of(value, id);
    }

    /** Only A-Z and 0-9, at least one digit. */
    private static boolean lettersAndDigitsWithADigit(String s) {
        boolean digit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (!isAsciiLetter(c)) {
                return false;
            }
        }
        return digit;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
