package io.mastersync.cleanse.normalize;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code email}: cleans an e-mail address: trims, removes a {@code mailto:} prefix and lower-cases the
 * domain ({@code mailto: Info@Example.DE} becomes {@code Info@example.de}).
 *
 * <p>Option {@code lower-local} (default false): also lower-case the local part. Off by default because the
 * local part is case-sensitive by RFC 5321, even if most servers ignore case.
 *
 * <p>Checked, else a Problem {@code invalid-email}: exactly one {@code @}; a non-empty local part of at most
 * 64 characters without blanks, quotes, brackets, commas or semicolons and without leading, trailing or double
 * dots; a domain of at least two labels, each 1-63 letters, digits or hyphens (internationalized labels
 * allowed) not starting or ending with a hyphen, with a top-level label that is not all digits. Blank values
 * pass unchanged. Thread-safe.
 */
public final class EmailNormalizer implements Normalizer {

    private static final Pattern LOCAL = Pattern.compile("[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private final boolean lowerLocal;

    public EmailNormalizer(boolean lowerLocal) {
        this.lowerLocal = lowerLocal;
    }

    static EmailNormalizer create(NormalizerOptions options) {
        return new EmailNormalizer(options.bool("lower-local", false));
    }

    @Override
    public NormalizerResult apply(String value, RecordContext record) {
        if (value == null || value.isBlank()) {
            return new NormalizerResult.Unchanged(value);
        }
        String s = TextChars.trim(value);
        if (s.regionMatches(true, 0, "mailto:", 0, 7)) {
            s = TextChars.trim(s.substring(7));
        }
        int at = s.indexOf('@');
        if (at < 0 || s.indexOf('@', at + 1) >= 0) {
            return invalid(value, "must contain exactly one '@'");
        }
        String local = s.substring(0, at);
        String domain = s.substring(at + 1).toLowerCase(Locale.ROOT);
        if (local.isEmpty() || local.length() > 64 || !LOCAL.matcher(local).matches()) {
            return invalid(value, "has an invalid local part '" + local + "'");
        }
        if (!validDomain(domain)) {
            return invalid(value, "has an invalid domain '" + domain + "'");
        }
        return NormalizerResult.of(value, (lowerLocal ? local.toLowerCase(Locale.ROOT) : local) + "@" + domain);
    }

    private static boolean validDomain(String domain) {
        String ascii;
        try {
            // IDN labels (müller.de) are checked in their ASCII form (xn--mller-kva.de) but kept as written.
            ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (ascii.length() > 253 || ascii.endsWith(".")) {
            return false;
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return !labels[labels.length - 1].chars().allMatch(Character::isDigit);
    }

    private static NormalizerResult invalid(String value, String why) {
        return NormalizerResult.problem(value, "invalid-email", "e-mail address '" + value + "' " + why);
    }
}
