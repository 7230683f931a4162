package io.mastersync.canonical;

import java.util.Locale;

/** The canonical form of a currency code: ISO 4217 codes are upper case, whatever case a feed writes them in. */
final class CurrencyCode {

    private CurrencyCode() {
    }

    /** {@code gbp} to {@code GBP}; null stays null. Anything else is left for the ISO 4217 check to judge. */
    static String canonical(String code) {
        if (code == null) {
            return null;
        }
        for (int i = 0; i < code.length(); i++) {
            if (Character.isLowerCase(code.charAt(i))) {
                return code.toUpperCase(Locale.ROOT);
            }
        }
        return code;
    }
}
