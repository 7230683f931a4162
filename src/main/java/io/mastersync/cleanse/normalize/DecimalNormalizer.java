package io.mastersync.cleanse.normalize;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code decimal}: reads a number written in a national format and writes it plain and canonical:
 * {@code 1.234,56} (de-DE) becomes {@code 1234.56}.
 *
 * <p>Options:
 * <ul>
 *   <li>{@code locale}: language tag whose separators apply, e.g. {@code de-DE} ({@code 1.234,56}),
 *       {@code en-US} ({@code 1,234.56}), {@code fr-FR} ({@code 1 234,56}), {@code de-CH}
 *       ({@code 1'234.56});</li>
 *   <li>{@code decimal-separator}, {@code grouping-separator}: explicit single characters, overriding the
 *       locale; {@code grouping-separator: none} allows no grouping. Without any option the format is the
 *       canonical one: {@code .} as decimal separator and no grouping;</li>
 *   <li>{@code trailing-minus} (default true): accepts SAP-style {@code 123-} as negative;</li>
 *   <li>{@code parentheses} (default false): accepts accounting-style {@code (123)} as negative;</li>
 *   <li>{@code strip-trailing-zeros} (default false): {@code 12.50} becomes {@code 12.5};</li>
 *   <li>{@code currency-field} (default none): for amounts that carry their currency, such as {@code 69.71 gbp}
 *       or {@code EUR 12,50}: an ISO 4217 code (any case) before or after the number is taken off and written,
 *       upper case, to this field; an amount without a code leaves that field as it is. Three letters that are
 *       no ISO 4217 code are a Problem {@code unknown-currency}. The unambiguous symbols {@code € £ ₹ ₽ ₩ ₺ ₪}
 *       stand for their code too; {@code currency-symbols} (a list such as {@code $=USD|¥=JPY}) adds or
 *       overrides symbols, since {@code $} and {@code ¥} mean different currencies in different exports.</li>
 * </ul>
 * Strict: grouping is only accepted in the integer part and in groups of three ({@code 1.234.567,8}); a second
 * decimal separator, misplaced grouping, letters or exponents are a Problem {@code invalid-number}. Any space
 * character (also no-break and narrow no-break space) stands for a space grouping separator, and any
 * apostrophe ({@code ' ’}) for an apostrophe one, because exports mix them. Blank values pass unchanged.
 * Thread-safe.
 */
public final class DecimalNormalizer implements Normalizer {

    private static final String SPACES = " \u00A0\u202F\u2009\u2007";
    private static final String APOSTROPHES = "'\u2019\u02BC";

    private final char decimalSeparator;
    /** Accepted grouping characters; empty when grouping is not allowed. */
    private final String grouping;
    private final boolean trailingMinus;
    private final boolean parentheses;
    private final boolean stripTrailingZeros;
    private final String formatDescription;
    /** The field that receives a currency code written with the amount; null when amounts carry none. */
    private final String currencyField;
    /** Currency symbols and their ISO 4217 codes, for amounts written as {@code € 12,50}. */
    private final Map<String, String> currencySymbols;

    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    public DecimalNormalizer(char decimalSeparator, Character groupingSeparator, boolean trailingMinus,
                             boolean parentheses, boolean stripTrailingZeros) {
        this(decimalSeparator, groupingSeparator, trailingMinus, parentheses, stripTrailingZeros, null, DEFAULT_SYMBOLS);
    }

    public DecimalNormalizer(char decimalSeparator, Character groupingSeparator, boolean trailingMinus,
                             boolean parentheses, boolean stripTrailingZeros, String currencyField,
                             Map<String, String> currencySymbols) {
        if (groupingSeparator != null && groupingSeparator == decimalSeparator) {
            throw new IllegalArgumentException("decimal and grouping separator are both '" + decimalSeparator + "'");
        }
        this.decimalSeparator = decimalSeparator;
        this.grouping = groupingSeparator == null ? "" : equivalents(groupingSeparator);
        this.trailingMinus = trailingMinus;
        this.parentheses = parentheses;
        this.stripTrailingZeros = stripTrailingZeros;
        this.currencyField = currencyField;
        this.currencySymbols = currencySymbols;
        this.formatDescription = "decimal separator '" + decimalSeparator + "'"
                + (groupingSeparator == null ? ", no grouping" : ", grouping '" + groupingSeparator + "'");
    }

    static DecimalNormalizer create(NormalizerOptions options) {
        Locale locale = options.locale("locale", null);
        String dec = options.string("decimal-separator", null);
        String grp = options.string("grouping-separator", null);
        char decimal = '.';
        Character grouping = null;
        if (locale != null) {
            DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
            decimal = symbols.getDecimalSeparator();
            grouping = symbols.getGroupingSeparator();
        }
        if (dec != null) {
            if (dec.length() != 1 || Character.isDigit(dec.charAt(0))) {
                throw options.invalid("decimal-separator", "must be a single non-digit character, not '" + dec + "'");
            }
            decimal = dec.charAt(0);
        }
        if (grp != null) {
            if (grp.isEmpty() || grp.equalsIgnoreCase("none")) {
                grouping = null;
            } else if (grp.length() != 1 || Character.isDigit(grp.charAt(0))) {
                throw options.invalid("grouping-separator", "must be a single non-digit character or none, not '" + grp + "'");
            } else {
                grouping = grp.charAt(0);
            }
        }
        if (grouping != null && grouping == decimal) {
            throw options.invalid(grp != null ? "grouping-separator" : "decimal-separator",
                    "makes decimal and grouping separator both '" + decimal + "'");
        }
        Map<String, String> symbols = new HashMap<>(DEFAULT_SYMBOLS);
        for (String entry : options.list("currency-symbols", List.of())) {
            int eq = entry.indexOf('=');
            String symbol = eq < 0 ? "" : entry.substring(0, eq).trim();
            String code = eq < 0 ? "" : entry.substring(eq + 1).trim().toUpperCase(Locale.ROOT);
            if (symbol.isEmpty() || symbol.chars().anyMatch(ch -> Character.isLetterOrDigit(ch))
                    || !CURRENCIES.contains(code)) {
                throw options.invalid("currency-symbols", "entries are symbol=ISO 4217 code, such as $=USD, not '"
                        + entry + "'");
            }
            symbols.put(symbol, code);
        }
        return new DecimalNormalizer(decimal, grouping, options.bool("trailing-minus", true),
                options.bool("parentheses", false), options.bool("strip-trailing-zeros", false),
                options.string("currency-field", null), Map.copyOf(symbols));
    }

    /** Symbols that stand for one currency only (not $, ¥, kr: several currencies write those). */
    private static final Map<String, String> DEFAULT_SYMBOLS = Map.of("€", "EUR", "£", "GBP", "₹", "INR", "₽", "RUB",
            "₩", "KRW", "₺", "TRY", "₪", "ILS");

    private static String equivalents(char c) {
        if (SPACES.indexOf(c) >= 0) {
            return SPACES;
        }
        if (APOSTROPHES.indexOf(c) >= 0) {
            return APOSTROPHES;
        }
        return String.valueOf(c);
    }

    /** The canonical plain form of {@code value}, or null when it is not a number in the configured format. */
    public String parse(String value) {
        String s = TextChars.trim(value);
        boolean negative = false;
        if (parentheses && s.length() > 2 && s.startsWith("(") && s.endsWith(")")) {
            negative = true;
            s = TextChars.trim(s.substring(1, s.length() - 1));
        }
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '\u2212' || s.charAt(0) == '+')) {
            if (negative) {
                return null; // "(-5)" is not a sign convention anyone uses on purpose
            }
            negative = s.charAt(0) != '+';
            s = s.substring(1);
        } else if (trailingMinus && s.length() > 1 && (s.endsWith("-") || s.endsWith("\u2212"))) {
            if (negative) {
                return null;
            }
            negative = true;
            s = s.substring(0, s.length() - 1);
        }
        int dec = s.indexOf(decimalSeparator);
        if (dec >= 0 && s.indexOf(decimalSeparator, dec + 1) >= 0) {
            return null;
        }
        String integer = dec >= 0 ? s.substring(0, dec) : s;
        String fraction = dec >= 0 ? s.substring(dec + 1) : "";
        if ((dec >= 0 && fraction.isEmpty()) || (integer.isEmpty() && fraction.isEmpty())
                || !allDigits(fraction)) {
            return null;
        }
        String digits = integerDigits(integer);
        if (digits == null) {
            return null;
        }
        BigDecimal number = new BigDecimal((digits.isEmpty() ? "0" : digits) + (fraction.isEmpty() ? "" : "." + fraction));
        if (negative) {
            number = number.negate();
        }
        if (stripTrailingZeros) {
            number = number.stripTrailingZeros();
        }
        if (number.signum() == 0) {
            number = number.abs(); // no "-0"
        }
        return number.toPlainString();
    }

    /** The digits of the integer part, or null when grouping is misplaced or a non-digit occurs. */
    private String integerDigits(String integer) {
        if (allDigits(integer)) {
            return integer;
        }
        if (grouping.isEmpty()) {
            return null;
        }
        StringBuilder digits = new StringBuilder();
        int groupLength = 0;
        boolean first = true;
        for (int i = 0; i < integer.length(); i++) {
            char c = integer.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
                groupLength++;
            } else if (grouping.indexOf(c) >= 0) {
                // a first group with a leading zero is no grouping: "0.012" is a decimal in another notation,
                // not twelve
                if (groupLength == 0 || (first && (groupLength > 3 || digits.charAt(0) == '0'))
                        || (!first && groupLength != 3)) {
                    return null;
                }
                first = false;
                groupLength = 0;
            } else {
                return null;
            }
        }
        return groupLength == 3 ? digits.toString() : null;
    }

    /**
     * True when {@link #parse} would return the value itself, decided without parsing: with {@code .} as
     * decimal separator and trailing zeros kept, that is {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?} except a
     * negative zero (parse writes no "-0").
     */
    private boolean alreadyCanonical(String value) {
        if (decimalSeparator != '.' || stripTrailingZeros) {
            return false;
        }
        int i = value.charAt(0) == '-' ? 1 : 0;
        int integerStart = i;
        boolean nonZero = false;
        while (i < value.length() && value.charAt(i) >= '0' && value.charAt(i) <= '9') {
            nonZero |= value.charAt(i) != '0';
            i++;
        }
        int integerLength = i - integerStart;
        if (integerLength == 0 || (integerLength > 1 && value.charAt(integerStart) == '0')) {
            return false;
        }
        if (i < value.length()) {
            if (value.charAt(i) != '.' || i == value.length() - 1) {
                return false;
            }
            for (i++; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < '0' || c > '9') {
                    return false;
                }
                nonZero |= c != '0';
            }
        }
        return integerStart == 0 || nonZero;
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean writesCanonicalNotation() {
        return true;
    }

    @Override
    public NormalizerResult apply(String value, RecordContext record) {
        if (value == null || value.isBlank() || alreadyCanonical(value)) {
            return new NormalizerResult.Unchanged(value);
        }
        if (currencyField != null) {
            String[] split = splitCurrency(TextChars.trim(value));
            if (split == null) {
                split = splitSymbol(TextChars.trim(value));
            }
            if (split != null) {
                return withCurrency(value, split[0], split[1]);
            }
        }
        String canonical = parse(value);
        if (canonical == null) {
            return NormalizerResult.problem(value, "invalid-number",
                    "'" + value + "' is not a number with " + formatDescription);
        }
        return NormalizerResult.of(value, canonical);
    }

    private NormalizerResult withCurrency(String value, String amount, String code) {
        if (!CURRENCIES.contains(code)) {
            return NormalizerResult.problem(value, "unknown-currency",
                    "'" + value + "': '" + code + "' is not an ISO 4217 currency code");
        }
        String canonical = parse(amount);
        if (canonical == null) {
            return NormalizerResult.problem(value, "invalid-number",
                    "'" + value + "' is not a number with " + formatDescription + " and a currency code");
        }
        return NormalizerResult.of(value, canonical, Map.of(currencyField, code));
    }

    /**
     * {amount, upper-case code} when the text is three letters and a number, in either order, with or without
     * blanks between them; null when it has no such code (then it is parsed as a plain number).
     */
    static String[] splitCurrency(String text) {
        if (text.length() < 4) {
            return null;
        }
        if (letters(text, 0) && !Character.isLetter(text.charAt(3))) {
            return new String[] {TextChars.trim(text.substring(3)), text.substring(0, 3).toUpperCase(Locale.ROOT)};
        }
        int end = text.length() - 3;
        if (letters(text, end) && !Character.isLetter(text.charAt(end - 1))) {
            return new String[] {TextChars.trim(text.substring(0, end)), text.substring(end).toUpperCase(Locale.ROOT)};
        }
        return null;
    }

    /** {amount, code} when the text starts or ends with one of the currency symbols; null otherwise. */
    private String[] splitSymbol(String text) {
        for (Map.Entry<String, String> e : currencySymbols.entrySet()) {
            String symbol = e.getKey();
            if (text.length() > symbol.length()) {
                if (text.startsWith(symbol)) {
                    return new String[] {TextChars.trim(text.substring(symbol.length())), e.getValue()};
                }
                if (text.endsWith(symbol)) {
                    return new String[] {TextChars.trim(text.substring(0, text.length() - symbol.length())),
                            e.getValue()};
                }
            }
        }
        return null;
    }

    private static boolean letters(String text, int from) {
        for (int i = from; i < from + 3; i++) {
            char c = text.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return true;
    }
}
