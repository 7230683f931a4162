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
    /** The characters of {@link #LOCAL} besides letters and numbers. */
    private static final String LOCAL_SPECIALS = "!#$%&'*+/=?^_`{|}~-";

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
        if (local.isEmpty() || local.length() > 64 || !validLocal(local)) {
            return invalid(value, "has an invalid local part '" + local + "'");
        }
        if (!validDomain(domain)) {
            return invalid(value, "has an invalid domain '" + domain + "'");
        }
        return NormalizerResult.of(value, (lowerLocal ? local.toLowerCase(Locale.ROOT) : local) + "@" + domain);
    }

    /** Whether the local part matches {@link #LOCAL}; checked by hand when it is ASCII. */
    private static boolean validLocal(String local) {
        if (!TextChars.isAscii(local)) {
            return LOCAL.matcher(local).matches();
        }
        // ASCII: \\p{L} and \\p{N} are the letters and digits; dot-separated non-empty atoms
        boolean atomStart = true;
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (c == '.') {
                if (atomStart) {
                    return false;
                }
                atomStart = true;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || LOCAL_SPECIALS.indexOf(c) >= 0) {
                atomStart = false;
            } else {
                return false;
            }
        }
        return !atomStart;
    }

    private static boolean validDomain(String domain) {
        String ascii;
        if (ldh(domain)) {
            // IDN.toASCII returns such a domain as it is, or fails on an empty label, a label longer than 63
            // or one starting or ending with '-', all of which the label check below refuses as well
            ascii = domain;
        } else {
            try {
                // IDN labels (müller.de) are checked in their ASCII form (xn--mller-kva.de) but kept as written.
                ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        if (ascii.length() > 253 || ascii.endsWith(".")) {
            return false;
        }
        int labels = 0;
        int start = 0;
        boolean allDigits = true;
        for (int i = 0; i <= ascii.length(); i++) {
            if (i == ascii.length() || ascii.charAt(i) == '.') {
                if (!validLabel(ascii, start, i)) {
                    return false;
                }
                labels++;
                allDigits = true;
                for (int j = start; j < i; j++) {
                    allDigits &= Character.isDigit(ascii.charAt(j));
                }
                start = i + 1;
            }
        }
        // the top-level label (the last one) must not be all digits
        return labels >= 2 && !allDigits;
    }

    /** {@code [a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?} on {@code s[from, to)}. */
    private static boolean validLabel(String s, int from, int to) {
        int length = to - from;
        if (length < 1 || length > 63 || s.charAt(from) == '-' || s.charAt(to - 1) == '-') {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Only lower-case ASCII letters, digits, hyphens and dots. */
    private static boolean ldh(String domain) {
        for (int i = 0; i < domain.length(); i++) {
            char c = domain.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static NormalizerResult invalid(String value, String why) {
        return NormalizerResult.problem(value, "invalid-email", "e-mail address '" + value + "' " + why);
    }
}
