package io.mastersync.cleanse.constraint;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link EmailAddress} with a single pass over the characters (it runs once per customer row). */
public class EmailAddressValidator implements ConstraintValidator<EmailAddress, String> {

    private static final String LOCAL_SPECIALS = ".!#$%&'*+/=?^_`{|}~-";

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        int at = value.indexOf('@');
        if (at < 1 || at > 64 || at != value.lastIndexOf('@') || value.length() > 254) {
            return false;
        }
        return localPart(value, at) && domain(value, at + 1);
    }

    private static boolean localPart(String s, int end) {
        if (s.charAt(0) == '.' || s.charAt(end - 1) == '.') {
            return false;
        }
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            boolean ok = isLetterOrDigit(c) || LOCAL_SPECIALS.indexOf(c) >= 0;
            if (!ok || (c == '.' && s.charAt(i + 1) == '.')) {
                return false;
            }
        }
        return true;
    }

    /** Labels of letters, digits and inner hyphens, at least two of them, the last one letters only. */
    private static boolean domain(String s, int from) {
        int labels = 0;
        int labelStart = from;
        for (int i = from; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == '.') {
                int length = i - labelStart;
                if (length < 1 || length > 63 || s.charAt(labelStart) == '-' || s.charAt(i - 1) == '-') {
                    return false;
                }
                labels++;
                if (i == s.length()) {
                    return labels >= 2 && topLevel(s, labelStart, i);
                }
                labelStart = i + 1;
            } else {
                char c = s.charAt(i);
                if (!isLetterOrDigit(c) && c != '-') {
                    return false;
                }
            }
        }
        return false;
    }

    private static boolean topLevel(String s, int from, int to) {
        if (to - from < 2) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            boolean letter = c < 0x80 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') : Character.isLetter(c);
            if (!letter) {
                return false;
            }
        }
        return true;
    }

    /** {@link Character#isLetterOrDigit(char)}, answered without the Unicode tables for ASCII. */
    private static boolean isLetterOrDigit(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        return Character.isLetterOrDigit(c);
    }
}
