package io.mastersync.cleanse.normalize;

/**
 * The GS1 mod-10 check digit used by GTIN-8, UPC-A (GTIN-12), EAN-13 and GTIN-14 (and SSCC, GLN).
 *
 * <p>From the right, the digits before the check digit are weighted 3, 1, 3, 1 ...; the check digit
 * brings the weighted sum up to a multiple of ten. Leading zeros do not change the result, which is why a
 * zero-padded GTIN-14 keeps the check digit of the original code. Stateless and thread-safe.
 */
public final class GtinCheckDigit {

    private GtinCheckDigit() {
    }

    /**
     * @param digits a complete code including its check digit
     * @return true when {@code digits} consists of at least two ASCII digits and its last digit is the
     *         correct check digit; false otherwise (also for null)
     */
    public static boolean isValid(String digits) {
        if (digits == null || digits.length() < 2 || !isDigits(digits)) {
            return false;
        }
        return compute(digits.substring(0, digits.length() - 1)) == digits.charAt(digits.length() - 1);
    }

    /**
     * @param withoutCheck the code without its check digit; at least one ASCII digit
     * @return the check digit as a character {@code '0'..'9'}
     * @throws IllegalArgumentException when {@code withoutCheck} is empty or contains a non-digit
     */
    public static char compute(String withoutCheck) {
        if (withoutCheck == null || withoutCheck.isEmpty() || !isDigits(withoutCheck)) {
            throw new IllegalArgumentException("not a digit string: '" + withoutCheck + "'");
        }
        int sum = 0;
        boolean three = true; // the digit next to the check digit has weight 3
        for (int i = withoutCheck.length() - 1; i >= 0; i--) {
            int d = withoutCheck.charAt(i) - '0';
            sum += three ? 3 * d : d;
            three = !three;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
