package io.mastersync.cleanse.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.mastersync.canonical.CanonicalField;
import io.mastersync.canonical.EntityType;
import io.mastersync.cleanse.FieldValues;

/**
 * A condition over the fields of one record, as written in a rules file ({@code when}, {@code assert}).
 *
 * <p>A deliberately small grammar of its own, so that a rules file stays data: there is no way to call a
 * method, reach a class, a bean, a variable or the file system. Everything else is refused when the file
 * is parsed, with a message saying what is not allowed:
 *
 * <pre>
 * condition  := or
 * or         := and (('or' | '||') and)*
 * and        := unary (('and' | '&amp;&amp;') unary)*
 * unary      := ('not' | '!') unary | '(' condition ')' | 'true' | 'false' | comparison
 * comparison := operand ('==' | '!=' | '&lt;' | '&lt;=' | '&gt;' | '&gt;=') operand
 *             | operand 'matches' string
 *             | operand ['not'] 'in' '(' literal (',' literal)* ')'
 * operand    := field | string | number | 'null'
 * </pre>
 *
 * <p>Fields are named in camelCase ({@code postalCode}) or kebab-case ({@code postal-code}). Their value is
 * the cleansed text; an empty text counts as {@code null}. Strings are quoted with {@code '} or {@code "}
 * (a doubled quote stands for itself; backslashes are literal, so regexes need no extra escaping).
 *
 * <p>Semantics: {@code ==}/{@code !=} compare numerically when both sides look like numbers
 * ({@code 1.50 == 1.5}), otherwise as exact text; {@code null == null} is true. The ordering operators
 * compare numerically when both sides look like numbers, otherwise as text (which orders ISO dates and
 * timestamps correctly); they are false when a side is null, and an error at run time when one side is a
 * number literal and the other a non-number text. {@code matches} is a full match of a Java regex (compiled
 * when the file is parsed) and false for null; {@code in} is {@code ==} against any of the literals.
 *
 * <p>Immutable and thread-safe.
 */
final class RuleExpression {

    private final String text;
    private final Condition root;
    private final Set<String> fields;

    private RuleExpression(String text, Condition root, Set<String> fields) {
        this.text = text;
        this.root = root;
        this.fields = Collections.unmodifiableSet(fields);
    }

    /**
     * Parses an expression.
     *
     * @throws IllegalArgumentException naming the position and the problem: a syntax error, an unknown field,
     *                                  an invalid regex or a construct that is not allowed
     */
    static RuleExpression parse(String text, EntityType entity) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("expression is empty");
        }
        Parser parser = new Parser(text, entity);
        Condition root = parser.parseAll();
        return new RuleExpression(text, root, parser.fieldsUsed);
    }

    /**
     * Evaluates the condition against a record.
     *
     * @throws EvaluationException when the record's values do not fit the expression (e.g. a non-number
     *                             compared with a number)
     */
    boolean test(FieldValues values) {
        return root.test(values);
    }

    /** The canonical (kebab-case) names of the fields the expression reads. */
    Set<String> fields() {
        return fields;
    }

    @Override
    public String toString() {
        return text;
    }

    /** The values of one record do not fit the expression. */
    static final class EvaluationException extends RuntimeException {
        EvaluationException(String message) {
            super(message);
        }
    }

    // ---------------------------------------------------------------- tree

    private interface Condition {
        boolean test(FieldValues values);
    }

    private interface Operand {
        String value(FieldValues values);

        /** For messages: the field name or the literal as written. */
        String describe();

        default boolean isNumberLiteral() {
            return false;
        }

        /** The operand's value as a number, or null when it does not look like one: see {@link RuleExpression#number}. */
        BigDecimal number(String value);
    }

    private record Field(int index, String name) implements Operand {
        @Override
        public String value(FieldValues values) {
            String v = values.get(index);
            return v == null || v.isEmpty() ? null : v;
        }

        @Override
        public String describe() {
            return name;
        }

        @Override
        public BigDecimal number(String value) {
            return RuleExpression.number(value);
        }
    }

    /**
     * @param number  whether it was written as a number (not quoted)
     * @param numeric its value as a number when it looks like one, quoted or not (decided once, when parsed)
     */
    private record Literal(String text, boolean number, BigDecimal numeric) implements Operand {
        Literal(String text, boolean number) {
            this(text, number, RuleExpression.number(text));
        }

        @Override
        public String value(FieldValues values) {
            return text;
        }

        @Override
        public String describe() {
            return text == null ? "null" : number ? text : "'" + text + "'";
        }

        @Override
        public boolean isNumberLiteral() {
            return number;
        }

        @Override
        public BigDecimal number(String value) {
            return numeric;
        }
    }

    private enum Op {
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }
    }

    private record Comparison(Operand left, Op op, Operand right) implements Condition {
        @Override
        public boolean test(FieldValues values) {
            String a = left.value(values);
            String b = right.value(values);
            if (op == Op.EQ) {
                return equal(left, a, right, b);
            }
            if (op == Op.NE) {
                return !equal(left, a, right, b);
            }
            if (a == null || b == null) {
                return false;
            }
            int c;
            BigDecimal x = left.number(a);
            BigDecimal y = right.number(b);
            if (x != null && y != null) {
                c = x.compareTo(y);
            } else if (left.isNumberLiteral() || right.isNumberLiteral()) {
                Operand bad = x == null ? left : right;
                throw new EvaluationException(bad.describe() + " is '" + (x == null ? a : b)
                        + "', not a number, in " + left.describe() + " " + op.symbol + " " + right.describe());
            } else {
                c = a.compareTo(b);
            }
            switch (op) {
                case LT:
                    return c < 0;
                case LE:
                    return c <= 0;
                case GT:
                    return c > 0;
                default:
                    return c >= 0;
            }
        }
    }

    private record Matches(Operand left, Pattern regex) implements Condition {
        @Override
        public boolean test(FieldValues values) {
            String v = left.value(values);
            return v != null && regex.matcher(v).matches();
        }
    }

    private record In(Operand left, List<Literal> candidates) implements Condition {
        @Override
        public boolean test(FieldValues values) {
            String v = left.value(values);
            for (Literal c : candidates) {
                if (equal(left, v, c, c.text())) {
                    return true;
                }
            }
            return false;
        }
    }

    private record Not(Condition inner) implements Condition {
        @Override
        public boolean test(FieldValues values) {
            return !inner.test(values);
        }
    }

    private record And(Condition left, Condition right) implements Condition {
        @Override
        public boolean test(FieldValues values) {
            return left.test(values) && right.test(values);
        }
    }

    private record Or(Condition left, Condition right) implements Condition {
        @Override
        public boolean test(FieldValues values) {
            return left.test(values) || right.test(values);
        }
    }

    private record Constant(boolean value) implements Condition {
        @Override
        public boolean test(FieldValues values) {
            return value;
        }
    }

    /**
     * {@code a == b}: numerically when both look like numbers, otherwise as exact text; null equals only null.
     * A literal's number-ness was decided when the expression was parsed, and a text literal that is not a
     * number makes it a plain text comparison without looking at the other side.
     */
    private static boolean equal(Operand left, String a, Operand right, String b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        BigDecimal y = right.number(b);
        if (y == null) {
            return a.equals(b);
        }
        BigDecimal x = left.number(a);
        return x != null ? x.compareTo(y) == 0 : a.equals(b);
    }

    /**
     * The value as a number when it looks like a plain decimal number, otherwise null. "Looks like" is the
     * regular expression {@code [+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?} (ASCII digits) on at most 100
     * characters, checked by hand because it runs on every operand of every comparison.
     */
    static BigDecimal number(String text) {
        if (text == null || text.length() > 100 || !looksLikeNumber(text)) {
            return null;
        }
        try {
            return new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether the whole text matches {@code [+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?}. */
    static boolean looksLikeNumber(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int intDigits = skipDigits(s, i);
        i += intDigits;
        int fractionDigits = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            fractionDigits = skipDigits(s, i);
            i += fractionDigits;
        }
        if (intDigits == 0 && fractionDigits == 0) {
            return false; // no digit before the exponent: "", "+", ".", "-.", ".e5"
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = skipDigits(s, i);
            if (exponentDigits == 0) {
                return false;
            }
            i += exponentDigits;
        }
        return i == n;
    }

    private static int skipDigits(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }

    // ---------------------------------------------------------------- parsing

    private enum Kind { IDENT, STRING, NUMBER, SYMBOL, END }

    private record Token(Kind kind, String text, int pos) {
        boolean is(String symbolOrKeyword) {
            return (kind == Kind.SYMBOL || kind == Kind.IDENT) && text.equalsIgnoreCase(symbolOrKeyword);
        }
    }

    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "matches", "in", "null", "true", "false");

    private static final class Parser {
        private final String text;
        private final EntityType entity;
        private final List<Token> tokens;
        private final Set<String> fieldsUsed = new LinkedHashSet<>();
        private int next;

        Parser(String text, EntityType entity) {
            this.text = text;
            this.entity = entity;
            this.tokens = tokenize(text);
        }

        Condition parseAll() {
            Condition c = or();
            Token t = peek();
            if (t.kind() != Kind.END) {
                throw unexpected(t, "expected 'and', 'or' or the end of the expression");
            }
            return c;
        }

        private Condition or() {
            Condition left = and();
            while (peek().is("or") || peek().is("||")) {
                next++;
                left = new Or(left, and());
            }
            return left;
        }

        private Condition and() {
            Condition left = unary();
            while (peek().is("and") || peek().is("&&")) {
                next++;
                left = new And(left, unary());
            }
            return left;
        }

        private Condition unary() {
            Token t = peek();
            if (t.is("not") || t.is("!")) {
                next++;
                return new Not(unary());
            }
            if (t.is("(")) {
                next++;
                Condition inner = or();
                expect(")");
                return inner;
            }
            if (t.is("true") || t.is("false")) {
                next++;
                return new Constant(t.is("true"));
            }
            return comparison();
        }

        private Condition comparison() {
            Operand left = operand();
            Token t = peek();
            for (Op op : Op.values()) {
                if (t.kind() == Kind.SYMBOL && t.text().equals(op.symbol)) {
                    next++;
                    return new Comparison(left, op, operand());
                }
            }
            if (t.is("matches")) {
                next++;
                Token regex = take();
                if (regex.kind() != Kind.STRING) {
                    throw unexpected(regex, "'matches' needs a quoted regular expression on its right");
                }
                try {
                    return new Matches(left, Pattern.compile(regex.text()));
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("invalid regular expression '" + regex.text() + "' at position "
                            + (regex.pos() + 1) + ": " + e.getDescription());
                }
            }
            boolean negated = false;
            if (t.is("not") && tokens.get(next + 1).is("in")) {
                next++;
                negated = true;
                t = peek();
            }
            if (t.is("in")) {
                next++;
                expect("(");
                List<Literal> candidates = new ArrayList<>();
                do {
                    Operand o = operand();
                    if (!(o instanceof Literal)) {
                        throw new IllegalArgumentException("'in' takes a list of literals, not the field '"
                                + o.describe() + "'");
                    }
                    candidates.add((Literal) o);
                } while (accept(","));
                expect(")");
                Condition in = new In(left, List.copyOf(candidates));
                return negated ? new Not(in) : in;
            }
            throw unexpected(t, "'" + left.describe() + "' is a value, not a condition: compare it, e.g. "
                    + left.describe() + " != null");
        }

        private Operand operand() {
            Token t = take();
            if (t.kind() == Kind.STRING) {
                return new Literal(t.text(), false);
            }
            if (t.kind() == Kind.NUMBER) {
                return new Literal(t.text(), true);
            }
            if (t.is("null")) {
                return new Literal(null, false);
            }
            if (t.kind() == Kind.IDENT && !KEYWORDS.contains(t.text().toLowerCase(Locale.ROOT))) {
                String name = fieldName(t.text());
                int index = entity.indexOf(name);
                if (index < 0) {
                    throw new IllegalArgumentException("unknown field '" + t.text() + "' at position " + (t.pos() + 1)
                            + "; " + entity.code() + " fields are " + fieldList(entity));
                }
                fieldsUsed.add(name);
                return new Field(index, name);
            }
            throw unexpected(t, "expected a field, a quoted text, a number or null");
        }

        private boolean accept(String symbol) {
            if (peek().is(symbol)) {
                next++;
                return true;
            }
            return false;
        }

        private void expect(String symbol) {
            Token t = take();
            if (!t.is(symbol)) {
                throw unexpected(t, "expected '" + symbol + "'");
            }
        }

        private Token peek() {
            return tokens.get(next);
        }

        private Token take() {
            Token t = tokens.get(next);
            if (t.kind() != Kind.END) {
                next++;
            }
            return t;
        }

        private IllegalArgumentException unexpected(Token t, String expected) {
            String found = t.kind() == Kind.END ? "the end of the expression"
                    : "'" + t.text() + "' at position " + (t.pos() + 1);
            return new IllegalArgumentException("found " + found + ": " + expected);
        }

        private List<Token> tokenize(String s) {
            List<Token> out = new ArrayList<>();
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '\'' || c == '"') {
                    StringBuilder sb = new StringBuilder();
                    int start = i++;
                    while (true) {
                        if (i >= s.length()) {
                            throw new IllegalArgumentException("text starting at position " + (start + 1)
                                    + " has no closing " + c);
                        }
                        char d = s.charAt(i++);
                        if (d == c) {
                            if (i < s.length() && s.charAt(i) == c) {
                                sb.append(c);
                                i++;
                            } else {
                                break;
                            }
                        } else {
                            sb.append(d);
                        }
                    }
                    out.add(new Token(Kind.STRING, sb.toString(), start));
                } else if (Character.isDigit(c)
                        || (c == '-' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                    int start = i++;
                    while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                        i++;
                    }
                    String number = s.substring(start, i);
                    if (RuleExpression.number(number) == null) {
                        throw new IllegalArgumentException("'" + number + "' at position " + (start + 1)
                                + " is not a number");
                    }
                    out.add(new Token(Kind.NUMBER, number, start));
                } else if (Character.isLetter(c) || c == '_') {
                    int start = i++;
                    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_'
                            || (s.charAt(i) == '-' && i + 1 < s.length() && Character.isLetterOrDigit(s.charAt(i + 1))))) {
                        i++;
                    }
                    String word = s.substring(start, i);
                    int after = skipSpace(s, i);
                    if (word.equalsIgnoreCase("new")) {
                        throw refused("creating objects ('new') is not allowed", start);
                    }
                    if (after < s.length() && s.charAt(after) == '(' && !KEYWORDS.contains(word.toLowerCase(Locale.ROOT))) {
                        throw refused(word.equals("T") ? "type references T(...) are not allowed"
                                : "calling methods or functions ('" + word + "(') is not allowed", start);
                    }
                    out.add(new Token(Kind.IDENT, word, start));
                } else {
                    String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
                    if (two.equals("==") || two.equals("!=") || two.equals("<=") || two.equals(">=")
                            || two.equals("&&") || two.equals("||")) {
                        out.add(new Token(Kind.SYMBOL, two, i));
                        i += 2;
                    } else if ("<>()!,".indexOf(c) >= 0) {
                        out.add(new Token(Kind.SYMBOL, String.valueOf(c), i));
                        i++;
                    } else {
                        throw refused(describeForbidden(c), i);
                    }
                }
            }
            out.add(new Token(Kind.END, "", s.length()));
            return out;
        }

        private static String describeForbidden(char c) {
            switch (c) {
                case '.':
                    return "'.' (property access or method calls) is not allowed";
                case '@':
                case '&':
                    return "bean references ('" + c + "') are not allowed";
                case '#':
                    return "variables and functions ('#') are not allowed";
                case '=':
                    return "assignment ('=') is not allowed; compare with '=='";
                case '[':
                case ']':
                case '{':
                case '}':
                    return "indexing, lists and maps ('" + c + "') are not allowed";
                case '$':
                    return "templates and properties ('$') are not allowed";
                default:
                    return "the character '" + c + "' is not part of the rules expression language";
            }
        }

        private IllegalArgumentException refused(String what, int pos) {
            return new IllegalArgumentException(what + " (at position " + (pos + 1)
                    + "); rules expressions can only compare fields with literals, see docs/rules.md");
        }

        private static int skipSpace(String s, int i) {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            return i;
        }
    }

    /** {@code postalCode} → {@code postal-code}; kebab-case names pass unchanged. */
    static String fieldName(String identifier) {
        StringBuilder sb = new StringBuilder(identifier.length() + 4);
        for (int i = 0; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            if (Character.isUpperCase(c)) {
                sb.append('-').append(Character.toLowerCase(c));
            } else if (c == '_') {
                sb.append('-');
            } else {
                sb.append(c);
            }
        }
        String name = sb.toString();
        // street1 → street-1
        return name.replaceAll("([a-z])(\\d)", "$1-$2");
    }

    /** {@code postal-code} → {@code postalCode}. */
    static String camelName(String field) {
        StringBuilder sb = new StringBuilder(field.length());
        boolean upper = false;
        for (char c : field.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }

    static String fieldList(EntityType entity) {
        List<String> names = new ArrayList<>();
        for (CanonicalField f : entity.fields()) {
            names.add(camelName(f.name()));
        }
        return String.join(", ", names);
    }
}
