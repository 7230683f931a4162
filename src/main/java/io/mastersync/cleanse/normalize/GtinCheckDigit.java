package io.mastersync.cleanse.normalize;

/** The GS1 mod-10 check digit of GTIN-8, -12, -13 and -14 codes. Stateless and thread-safe. */
public final class GtinCheckDigit {

    private GtinCheckDigit() {
    }

    /** True when {@code digits} is 8, 12, 13 or 14 digits long and its last digit is the right check digit. */
    public static boolean isValid(String digits) {
        if (digits == null) {
            return false;
        }
        int n = digits.length();
        if (n != 8 && n != 12 && n != 13 && n != 14) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return false;
            }
        }
        return compute(digits.substring(0, n - 1)) == digits.charAt(n - 1);
    }

    /** The check digit for a code given without it. */
    public static char compute(String withoutCheck) {
        int sum = 0;
        // weights alternate 3,1,... starting from the digit next to the check digit
        for (int i = withoutCheck.length() - 1, w = 3; i >= 0; i--, w = 4 - w) {
            sum += (withoutCheck.charAt(i) - '0') * w;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }
}
