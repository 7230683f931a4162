package io.mastersync.cleanse.rules;

import static io.mastersync.cleanse.rules.RulesTestSupport.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.mastersync.canonical.EntityType;
import io.mastersync.cleanse.FieldValues;

class RuleExpressionTest {

    private static boolean test(String expression, String... namesAndValues) {
        return RuleExpression.parse(expression, EntityType.CUSTOMER).test(row(EntityType.CUSTOMER, namesAndValues));
    }

    @Test
    void comparesTextsAndNullsAndAcceptsCamelAndKebabNames() {
        assertThat(test("country == 'US'", "country", "US")).isTrue();
        assertThat(test("country == \"US\"", "country", "DE")).isFalse();
        assertThat(test("country != 'US'", "country", "DE")).isTrue();
        assertThat(test("postalCode == null", "postal-code", null)).isTrue();
        assertThat(test("postal-code == null", "postal-code", "")).as("empty counts as null").isTrue();
        assertThat(test("street1 != null and street-1 == 'Main St'", "street-1", "Main St")).isTrue();
        assertThat(test("name == 'O''Brien'", "name", "O'Brien")).as("doubled quote").isTrue();
    }

    @Test
    void comparesNumbersNumericallyAndIsoDatesAsText() {
        assertThat(test("creditLimit > 999.5", "credit-limit", "1000")).isTrue();
        assertThat(test("creditLimit <= 1000", "credit-limit", "1000.00")).isTrue();
        assertThat(test("creditLimit == 1000", "credit-limit", "1000.00")).isTrue();
        assertThat(test("creditLimit < -1", "credit-limit", "-5")).isTrue();
        assertThat(test("creditLimit >= 10", "credit-limit", "9")).as("not as text: '9' > '10'").isFalse();
        assertThat(test("lastChanged < '2024-01-01'", "last-changed", "2023-12-31T23:59:00")).isTrue();
        assertThat(test("creditLimit > 0", "credit-limit", null)).as("null never orders").isFalse();
    }

    @Test
    void matchesInNotAndOrWithParentheses() {
        assertThat(test("postalCode matches '\\d{5}(-\\d{4})?'", "postal-code", "12345-6789")).isTrue();
        assertThat(test("postalCode matches '\\d{5}'", "postal-code", "1234")).isFalse();
        assertThat(test("name matches '(?i)test.*'", "name", null)).as("null does not match").isFalse();
        assertThat(test("country in ('AT', 'CH')", "country", "CH")).isTrue();
        assertThat(test("country not in ('AT', 'CH')", "country", "CH")).isFalse();
        assertThat(test("not (country == 'DE' or country == 'AT') && email != null", "country", "FR", "email", "a@b.fr"))
                .isTrue();
        assertThat(test("! (country == 'DE') || false", "country", "DE")).isFalse();
        assertThat(test("country == 'DE' or country == 'AT' and email != null", "country", "DE"))
                .as("and binds tighter than or").isTrue();
    }

    @Test
    void aNonNumberComparedWithANumberIsARunTimeError() {
        RuleExpression e = RuleExpression.parse("creditLimit > 0", EntityType.CUSTOMER);
        FieldValues values = row(EntityType.CUSTOMER, "credit-limit", "lots");

        assertThatThrownBy(() -> e.test(values)).isInstanceOf(RuleExpression.EvaluationException.class)
                .hasMessageContaining("credit-limit is 'lots', not a number");
    }

    static Stream<Arguments> attacks() {
        return Stream.of(
            Arguments.of("T(java.lang.Runtime).getRuntime().exec('id') == null",
                    "type references T(...) are not allowed"),
            Arguments.of("new java.io.File('/') == null",
                    "creating objects ('new') is not allowed"),
            Arguments.of("@bean == null",
                    "bean references ('@') are not allowed"),
            Arguments.of("&factory == null",
                    "bean references ('&') are not allowed"),
            Arguments.of("''.getClass().forName('java.lang.Runtime') == null",
                    "'.' (property access or method calls) is not allowed"),
            Arguments.of("name.getClass() == null",
                    "'.' (property access or method calls) is not allowed"),
            Arguments.of("exec('id') == null",
                    "calling methods or functions ('exec(') is not allowed"),
            Arguments.of("#root == null",
                    "variables and functions ('#') are not allowed"),
            Arguments.of("#this.getClass() == null",
                    "variables and functions ('#') are not allowed"),
            Arguments.of("name = 'x'",
                    "assignment ('=') is not allowed"),
            Arguments.of("{1,2} == null",
                    "indexing, lists and maps ('{') are not allowed"),
            Arguments.of("name[0] == 'x'",
                    "indexing, lists and maps ('[') are not allowed"),
            Arguments.of("${user.home} == null",
                    "templates and properties ('$') are not allowed"));
    }

    @ParameterizedTest
    @MethodSource("attacks")
    void codeIsRefusedWhenParsing(String expression, String reason) {
        assertThatThrownBy(() -> RuleExpression.parse(expression.trim(), EntityType.CUSTOMER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason.trim())
                .hasMessageContaining("rules expressions can only compare fields with literals");
    }

    @Test
    void syntaxErrorsUnknownFieldsAndBadRegexesAreRefusedWhenParsing() {
        assertThatThrownBy(() -> RuleExpression.parse("postCode == '1'", EntityType.CUSTOMER))
                .hasMessageContaining("unknown field 'postCode'").hasMessageContaining("postalCode");
        assertThatThrownBy(() -> RuleExpression.parse("name", EntityType.CUSTOMER))
                .hasMessageContaining("'name' is a value, not a condition");
        assertThatThrownBy(() -> RuleExpression.parse("name == ", EntityType.CUSTOMER))
                .hasMessageContaining("found the end of the expression");
        assertThatThrownBy(() -> RuleExpression.parse("name == 'x", EntityType.CUSTOMER))
                .hasMessageContaining("has no closing '");
        assertThatThrownBy(() -> RuleExpression.parse("name matches '(['", EntityType.CUSTOMER))
                .hasMessageContaining("invalid regular expression '(['");
        assertThatThrownBy(() -> RuleExpression.parse("name matches city", EntityType.CUSTOMER))
                .hasMessageContaining("'matches' needs a quoted regular expression");
        assertThatThrownBy(() -> RuleExpression.parse("(country == 'DE'", EntityType.CUSTOMER))
                .hasMessageContaining("expected ')'");
        assertThatThrownBy(() -> RuleExpression.parse("country in (city)", EntityType.CUSTOMER))
                .hasMessageContaining("'in' takes a list of literals");
    }

    @Test
    void reportsTheFieldsItReads() {
        assertThat(RuleExpression.parse("country == 'US' and postalCode != null", EntityType.CUSTOMER).fields())
                .containsExactly("country", "postal-code");
    }

    // ---- the hand-written number test and parse-time literals give the same answers as the regex did

    /** The definition of "looks like a number" that {@link RuleExpression#looksLikeNumber} implements by hand. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private static final List<String> TRICKY = List.of("", " ", "0", "00", "-0", "+0", "1", "12", "1.", ".1", ".", "+", "-",
            "+.", "-.5", "+5.", "1.5", "1.50", "01.5", "1e5", "1E5", "1e", "1e+", "1e-3", "1.e3", ".5e2", "e5", ".e5",
            "1e5.5", "1..5", "1.5.", "--1", "+-1", "1-", " 1", "1 ", "1,5", "1_000", "١٢", "１", "0x10", "NaN",
            "Infinity", "1d", "1f", "1000.00", "-1000", "99999999999999999999999.5", "1" + "0".repeat(99),
            "1" + "0".repeat(100), "lots", "DE", "2024-01-31", "12345-6789");

    private static BigDecimal referenceNumber(String text) {
        if (text == null || text.length() > 100 || !NUMBER.matcher(text).matches()) {
            return null;
        }
        return new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
    }

    private static boolean referenceEqual(String a, String b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        BigDecimal x = referenceNumber(a);
        BigDecimal y = referenceNumber(b);
        return x != null && y != null ? x.compareTo(y) == 0 : a.equals(b);
    }

    @Test
    void looksLikeNumberAgreesWithTheRegexOnTrickyAndOnAllShortTexts() {
        for (String s : TRICKY) {
            assertThat(RuleExpression.looksLikeNumber(s)).as("'%s'", s).isEqualTo(NUMBER.matcher(s).matches());
            assertThat(RuleExpression.number(s)).as("'%s'", s).isEqualTo(referenceNumber(s));
        }
        char[] alphabet = {'0', '9', '.', '+', '-', 'e', 'E', ' ', 'x'};
        List<String> texts = new ArrayList<>(List.of(""));
        for (int length = 1; length <= 5; length++) {
            List<String> longer = new ArrayList<>();
            for (String t : texts) {
                if (t.length() == length - 1) {
                    for (char c : alphabet) {
                        longer.add(t + c);
                    }
                }
            }
            texts.addAll(longer);
        }
        for (String s : texts) {
            assertThat(RuleExpression.looksLikeNumber(s)).as("'%s'", s).isEqualTo(NUMBER.matcher(s).matches());
        }
    }

    @Test
    void comparisonsAgreeWithTheReferenceSemanticsForFieldsAndQuotedOrNumberLiterals() {
        List<String> values = new ArrayList<>(TRICKY);
        values.add(null);
        List<String> literals = Arrays.asList("0", "1.5", "1000", "-1", "'1e5'", "'1.50'", "'abc'", "'1.5'", "'DE'",
                "'1 '", "''", "null");
        for (String literal : literals) {
            String literalText = literal.equals("null") ? null
                    : literal.startsWith("'") ? literal.substring(1, literal.length() - 1) : literal;
            RuleExpression eq = RuleExpression.parse("creditLimit == " + literal, EntityType.CUSTOMER);
            RuleExpression ne = RuleExpression.parse(literal + " != creditLimit", EntityType.CUSTOMER);
            RuleExpression in = RuleExpression.parse("creditLimit in ('x', " + literal + ")", EntityType.CUSTOMER);
            for (String value : values) {
                FieldValues row = row(EntityType.CUSTOMER, "credit-limit", value);
                String v = value == null || value.isEmpty() ? null : value;
                boolean expected = referenceEqual(v, literalText);
                assertThat(eq.test(row)).as("%s == %s", value, literal).isEqualTo(expected);
                assertThat(ne.test(row)).as("%s != %s", literal, value).isEqualTo(!expected);
                assertThat(in.test(row)).as("%s in (x, %s)", value, literal)
                        .isEqualTo(expected || referenceEqual(v, "x"));
            }
        }
        RuleExpression fields = RuleExpression.parse("creditLimit == customerGroup", EntityType.CUSTOMER);
        RuleExpression less = RuleExpression.parse("creditLimit < customerGroup", EntityType.CUSTOMER);
        for (String a : values) {
            for (String b : values) {
                FieldValues row = row(EntityType.CUSTOMER, "credit-limit", a, "customer-group", b);
                String x = a == null || a.isEmpty() ? null : a;
                String y = b == null || b.isEmpty() ? null : b;
                assertThat(fields.test(row)).as("%s == %s", a, b).isEqualTo(referenceEqual(x, y));
                boolean expectedLess = x != null && y != null && (referenceNumber(x) != null && referenceNumber(y) != null
                        ? referenceNumber(x).compareTo(referenceNumber(y)) < 0 : x.compareTo(y) < 0);
                assertThat(less.test(row)).as("%s < %s", a, b).isEqualTo(expectedLess);
            }
        }
    }
}
