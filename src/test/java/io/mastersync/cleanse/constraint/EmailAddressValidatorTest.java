package io.mastersync.cleanse.constraint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class EmailAddressValidatorTest {

    private final EmailAddressValidator validator = new EmailAddressValidator();

    @Test
    void acceptsUsualAndRejectsBrokenAddresses() {
        assertThat(validator.isValid("info@example.de", null)).isTrue();
        assertThat(validator.isValid("Jörg.Müller@müller-bau.de", null)).isTrue();
        assertThat(validator.isValid(null, null)).isTrue();
        assertThat(validator.isValid("a@b", null)).isFalse();
        assertThat(validator.isValid("a..b@c.de", null)).isFalse();
        assertThat(validator.isValid("a@b.d3", null)).isFalse();
        assertThat(validator.isValid("a@-b.de", null)).isFalse();
    }

    /** The ASCII shortcut for letters and digits answers as Character.isLetterOrDigit / isLetter did. */
    @Test
    void answersAsTheUnicodeTablesDidOnRandomAddresses() {
        Random random = new Random(5);
        String chars = "aZ09.-_@+!#~ äÖß\u00AA\u00B2\u0660\u2160\u00C0\u01C5\u02B0\u3042\u00A0";
        List<String> values = new ArrayList<>(List.of("", "@", "a@b.de", "a@b.c0", "\u00AA@b.de", "a@\u0660.de"));
        for (int i = 0; i < 100_000; i++) {
            StringBuilder sb = new StringBuilder();
            int length = 1 + random.nextInt(12);
            for (int j = 0; j < length; j++) {
                sb.append(chars.charAt(random.nextInt(chars.length())));
            }
            if (random.nextBoolean()) {
                sb.insert(random.nextInt(sb.length() + 1), '@');
            }
            values.add(sb.toString());
        }
        for (String v : values) {
            assertThat(validator.isValid(v, null)).as("'%s'", v).isEqualTo(Reference.isValid(v));
        }
    }

    /** The validator as it was, with the Unicode tables for every character. */
    private static final class Reference {

        private static final String LOCAL_SPECIALS = ".!#$%&'*+/=?^_`{|}~-";

        static boolean isValid(String value) {
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
                boolean ok = Character.isLetterOrDigit(c) || LOCAL_SPECIALS.indexOf(c) >= 0;
                if (!ok || (c == '.' && s.charAt(i + 1) == '.')) {
                    return false;
                }
            }
            return true;
        }

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
                    if (!Character.isLetterOrDigit(c) && c != '-') {
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
                if (!Character.isLetter(s.charAt(i))) {
                    return false;
                }
            }
            return true;
        }
    }
}
