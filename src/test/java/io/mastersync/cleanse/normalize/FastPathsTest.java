package io.mastersync.cleanse.normalize;

import static io.mastersync.cleanse.normalize.Results.create;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.IDN;
import java.text.Normalizer.Form;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Normalizers with a fast path give, on every value, what their straightforward implementation gave. The
 * straightforward implementations are kept here verbatim as references (as they were before the fast
 * paths) and compared over hand-picked tricky values and many random ones: ASCII, blanks of every kind,
 * control characters, umlauts, combining marks, dotted capital I, surrogates.
 */
class FastPathsTest {

    private static final List<String> TRICKY = List.of("", " ", "  ", "\t", "\u00A0", "a", "A", "ab", "a b", "a  b", " a",
            "a ", "a\tb", "a\u00A0b", "a\u2007b", "a\u202Fb", "a\nb", "a \u00A0b", "n/a", "N/A", " n/a ", "NULL", "null",
            "none", "None", "#N/A", "#n/a", "?", "-", "--", "---", "İ", "İİİİ", "I\u0307", "ẞ", "Müller GmbH",
            "Acme\u0000Corp", "Acme\u007FCorp", "Acme\u0085Corp", "Acme\u009FCorp", "\u001B[0m", "x\u200By",
            "\uD835\uDD18", "\uD800", "a\uDC00", "Ǆ", "ǅ", "ß", "1234.56", "-1234.56", "0", "-0", "0.0", "-0.0", "00",
            "01", "1.", ".5", "-.5", "+5", "1e5", "1,5", "1.234,56", "1 234,56", "12.50", "-12.50", "100000000",
            "9999999999999999999999.999", "1-", "(5)", "５", "٣", "info@example.de", "Info@Example.DE",
            "mailto: Info@Example.DE", "a.b@c.de", ".a@b.de", "a.@b.de", "a..b@c.de", "a@b", "a@b.", "a@.b.de",
            "a@b..de", "a@-b.de", "a@b-.de", "a@b.d-e", "a@b.123", "a@1.2.3.4", "a@müller.de", "a@MÜLLER.DE",
            "a@xn--mller-kva.de", "a@b.c", "ä@b.de", "a b@c.de", "a@b c.de", "\"a\"@b.de", "a@b@c.de", "@b.de",
            "a@", "a@" + "x".repeat(63) + ".de", "a@" + "x".repeat(64) + ".de", "a@" + "x.".repeat(130) + "de",
            "a!#$%&'*+/=?^_`{|}~-@b.de", "a(b)@c.de", "a,b@c.de", "a;b@c.de", "a@b_c.de", "a@B.DE", "a@b.de.",
            "x".repeat(65) + "@b.de", "a@\u3002b.de", "a@b\uFF0Ede", "a@ｂ.de", "a@b.ⅾe", "a@ß.de", "a@ı.de",
            "de 123.456.789", "DE123456789", "CHE-123.456.789 MWST", "gr123456789", "de", "d", "123456789",
            "DE12 34 56/78-9", "DE12345678901234567", "DEabc", "DE1234x", "de\u00A0123", "ATU12345678", "XI123456789",
            "Deutschland", "DEU", "276", "040", "40", "U.S.A.", "Österreich", "Oesterreich", "España", "Çanakkale",
            "Foo GmbH", "Foo G.m.b.H.", "Foo GMBH", "Foo, Inc", "Foo GmbH & Co. KG", "Foo A/S", "Foo AS",
            "Foo UG (haftungsbeschränkt) & Co. KG", "Foo\u00A0GmbH", "Foo\u2007GmbH");

    private static final String ALPHABET = "aZ09 .-_@+/,;:'\"()#~\t\n\u00A0\u2007\u202F\u3000\u0000\u001F\u007F\u0085"
            + "\u200BäöüßÄÖÜİıÅé\u0301ﬁ１ǅẞ\u03A3\u03C3\u03C2";
    private static final List<String> ALPHABET_POINTS = codePoints(ALPHABET + "\uD835\uDD18");

    private static final List<String> CORPUS = build();

    private static List<String> corpus() {
        return CORPUS;
    }

    private static List<String> build() {
        Set<String> values = new LinkedHashSet<>(TRICKY);
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            values.add(random(random, random.nextInt(14)));
        }
        // shapes that reach the deeper branches: e-mail addresses, numbers, VAT ids
        String local = "aZ09.!#-_+ä'\" ";
        String domain = "az09.-AZüß_ ";
        for (int i = 0; i < 12_000; i++) {
            values.add(pick(random, local, 1 + random.nextInt(8)) + "@" + pick(random, domain, 1 + random.nextInt(10)));
            values.add(pick(random, "0123456789.-,( )", 1 + random.nextInt(8)));
            values.add(pick(random, "DEATGRCHdexi", 2) + pick(random, "0123456789ABZ .-/", random.nextInt(14)));
        }
        return List.copyOf(values);
    }

    @Test
    void collapseWhitespace() {
        Normalizer fast = create("collapse-whitespace");
        for (String v : corpus()) {
            assertSame(fast.apply(v, RecordContext.empty()), NormalizerResult.of(v, referenceCollapse(v)), v);
        }
    }

    @Test
    void removeControl() {
        for (boolean tab : new boolean[] {false, true}) {
            for (boolean newline : new boolean[] {false, true}) {
                Normalizer fast = new RemoveControlNormalizer(tab, newline);
                for (String v : corpus()) {
                    assertSame(fast.apply(v, RecordContext.empty()),
                            NormalizerResult.of(v, referenceRemoveControl(v, tab, newline)), v);
                }
            }
        }
    }

    @Test
    void nullIf() {
        List<List<String>> placeholderSets = List.of(NullIfNormalizer.DEFAULT_VALUES, List.of("unbekannt", "İ", "ẞ"),
                List.of("", "x"), List.of());
        for (List<String> placeholders : placeholderSets) {
            for (boolean ci : new boolean[] {true, false}) {
                for (boolean blank : new boolean[] {true, false}) {
                    Normalizer fast = new NullIfNormalizer(placeholders, ci, blank);
                    for (String v : corpus()) {
                        assertSame(fast.apply(v, RecordContext.empty()), referenceNullIf(v, placeholders, ci, blank), v);
                    }
                }
            }
        }
    }

    /** What the null-if shortcut relies on: root-locale lower-casing never makes a text shorter. */
    @Test
    void lowerCasingNeverShortens() {
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            String s = new String(Character.toChars(cp));
            assertThat(s.toLowerCase(Locale.ROOT).length()).as("U+%04X", cp).isGreaterThanOrEqualTo(s.length());
        }
    }

    @Test
    void email() {
        for (boolean lowerLocal : new boolean[] {false, true}) {
            Normalizer fast = new EmailNormalizer(lowerLocal);
            for (String v : corpus()) {
                assertSame(fast.apply(v, RecordContext.empty()), referenceEmail(v, lowerLocal), v);
            }
        }
    }

    @Test
    void decimal() {
        List<Normalizer> formats = List.of(create("decimal"), create("decimal", "locale", "de-DE"),
                create("decimal", "locale", "en-US"), create("decimal", "strip-trailing-zeros", "true"),
                create("decimal", "parentheses", "true", "trailing-minus", "false"),
                create("decimal", "decimal-separator", ",", "grouping-separator", "."));
        for (Normalizer n : formats) {
            DecimalNormalizer fast = (DecimalNormalizer) n;
            for (String v : corpus()) {
                // the reference: parse (unchanged) decides, apply only wraps its answer
                NormalizerResult actual = fast.apply(v, RecordContext.empty());
                if (v.isBlank()) {
                    assertSame(actual, new NormalizerResult.Unchanged(v), v);
                } else if (fast.parse(v) == null) {
                    assertThat(actual).as("'%s'", v).isInstanceOf(NormalizerResult.Problem.class);
                } else {
                    assertSame(actual, NormalizerResult.of(v, fast.parse(v)), v);
                }
            }
        }
    }

    @Test
    void vatId() {
        for (String country : new String[] {null, "DE", "GR", "GB", " de "}) {
            for (boolean add : new boolean[] {false, true}) {
                Normalizer fast = new VatIdNormalizer(country == null && add ? null : "country", add && country != null);
                RecordContext record = country == null ? RecordContext.empty() : RecordContext.of(Map.of("country", country));
                for (String v : corpus()) {
                    assertSame(fast.apply(v, record), referenceVatId(v, country == null ? null : "country", add
                            && country != null, record), v);
                }
            }
        }
    }

    @Test
    void foldKeyAndLegalFormKey() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String v = String.valueOf(c);
            assertThat(TextChars.foldKey(v)).as("U+%04X", (int) c).isEqualTo(referenceFold(v));
            assertThat(LegalFormSplitter.key(v)).as("U+%04X", (int) c).isEqualTo(referenceLegalFormKey(v));
        }
        for (String v : corpus()) {
            assertThat(TextChars.foldKey(v)).as("'%s'", v).isEqualTo(referenceFold(v));
            assertThat(LegalFormSplitter.key(v)).as("'%s'", v).isEqualTo(referenceLegalFormKey(v));
        }
    }

    private static void assertSame(NormalizerResult actual, NormalizerResult expected, String value) {
        assertThat(actual).as("'%s'", value).isEqualTo(expected);
    }

    // ------------------------------------------------------------ the references, as they were

    private static String referenceCollapse(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        boolean pendingSpace = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (TextChars.isSpace(c)) {
                pendingSpace = sb.length() > 0;
            } else {
                if (pendingSpace) {
                    sb.append(' ');
                    pendingSpace = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String referenceRemoveControl(String value, boolean keepTab, boolean keepNewline) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean keeps = (keepTab && c == '\t') || (keepNewline && (c == '\n' || c == '\r'));
            if (Character.getType(c) != Character.CONTROL || keeps) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static NormalizerResult referenceNullIf(String value, List<String> placeholders, boolean ci, boolean blank) {
        Set<String> keys = new java.util.HashSet<>();
        for (String p : placeholders) {
            keys.add(ci ? TextChars.trim(p).toLowerCase(Locale.ROOT) : TextChars.trim(p));
        }
        String t = TextChars.trim(value);
        String k = ci ? t.toLowerCase(Locale.ROOT) : t;
        if ((blank && k.isEmpty()) || keys.contains(k)) {
            return new NormalizerResult.Changed(value, null);
        }
        return new NormalizerResult.Unchanged(value);
    }

    private static final Pattern LOCAL = Pattern.compile("[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private static NormalizerResult referenceEmail(String value, boolean lowerLocal) {
        if (value == null || value.isBlank()) {
            return new NormalizerResult.Unchanged(value);
        }
        String s = TextChars.trim(value);
        if (s.regionMatches(true, 0, "mailto:", 0, 7)) {
            s = TextChars.trim(s.substring(7));
        }
        int at = s.indexOf('@');
        if (at < 0 || s.indexOf('@', at + 1) >= 0) {
            return invalidEmail(value, "must contain exactly one '@'");
        }
        String local = s.substring(0, at);
        String domain = s.substring(at + 1).toLowerCase(Locale.ROOT);
        if (local.isEmpty() || local.length() > 64 || !LOCAL.matcher(local).matches()) {
            return invalidEmail(value, "has an invalid local part '" + local + "'");
        }
        if (!referenceValidDomain(domain)) {
            return invalidEmail(value, "has an invalid domain '" + domain + "'");
        }
        return NormalizerResult.of(value, (lowerLocal ? local.toLowerCase(Locale.ROOT) : local) + "@" + domain);
    }

    private static boolean referenceValidDomain(String domain) {
        String ascii;
        try {
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

    private static NormalizerResult invalidEmail(String value, String why) {
        return NormalizerResult.problem(value, "invalid-email", "e-mail address '" + value + "' " + why);
    }

    private static NormalizerResult referenceVatId(String value, String countryField, boolean addPrefix,
            RecordContext record) {
        if (value == null || value.isBlank()) {
            return new NormalizerResult.Unchanged(value);
        }
        StringBuilder sb = new StringBuilder();
        value.codePoints().filter(cp -> !TextChars.isSpace(cp) && cp != '.' && cp != '-' && cp != '/')
                .forEach(sb::appendCodePoint);
        String id = sb.toString().toUpperCase(Locale.ROOT);
        String country = countryField == null ? null : record.get(countryField);
        String expected = country == null || country.isBlank() ? null
                : VatIdNormalizer.prefixOf(country.trim().toUpperCase(Locale.ROOT));
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
        } else if (!VatIdNormalizer.EU_PREFIXES.contains(prefix)) {
            return NormalizerResult.problem(value, "vat-prefix", "VAT id '" + value + "' has unknown prefix '" + prefix + "'");
        }
        String national = id.substring(2);
        if (national.length() < 2 || national.length() > 15
                || !national.chars().allMatch(c -> isAsciiLetter((char) c) || (c >= '0' && c <= '9'))
                || national.chars().noneMatch(c -> c >= '0' && c <= '9')) {
            return NormalizerResult.problem(value, "invalid-vat-id", "VAT id '" + value + "' has an invalid number part '"
                    + national + "'");
        }
        return NormalizerResult.of(value, id);
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static String referenceFold(String s) {
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

    private static String referenceLegalFormKey(String s) {
        StringBuilder sb = new StringBuilder();
        s.toLowerCase(Locale.ROOT).codePoints()
                .filter(cp -> cp != '.' && !TextChars.isSpace(cp))
                .forEach(sb::appendCodePoint);
        return sb.toString();
    }

    // ------------------------------------------------------------ random values

    private static String random(Random random, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET_POINTS.get(random.nextInt(ALPHABET_POINTS.size())));
        }
        return sb.toString();
    }

    private static String pick(Random random, String chars, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(chars.charAt(random.nextInt(chars.length())));
        }
        return sb.toString();
    }

    private static List<String> codePoints(String s) {
        List<String> points = new ArrayList<>();
        s.codePoints().forEach(cp -> points.add(new String(Character.toChars(cp))));
        return points;
    }
}
