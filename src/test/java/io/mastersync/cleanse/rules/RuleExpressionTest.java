package io.mastersync.cleanse.rules;

import static io.mastersync.cleanse.rules.RulesTestSupport.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
