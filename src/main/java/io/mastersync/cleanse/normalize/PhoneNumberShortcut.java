package io.mastersync.cleanse.normalize;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;

/**
 * {@link PhoneNumberUtil#parse(CharSequence, String)} for the shape most phone numbers in ERP exports have,
 * without the general-purpose regular expressions that make up most of its cost: ASCII digits, the
 * separators {@code ( ) / . -} and spaces, and optionally a {@code +} as the very first character
 * ({@code +49 (0)341 9179556}, {@code 0341/9179556}, {@code (555) 123-4567}, {@code +497118495480},
 * {@code 0049 341 9179556}, {@code 1-555-123-4567}).
 *
 * <p>For such a text, libphonenumber's parse reduces to digit handling plus a few region-specific rules:
 * no extension can be written with these characters, every text with at least three digits is a viable
 * number, and normalizing keeps exactly the digits. The shortcut replays those rules with the same
 * metadata and the same regular expressions (country calling code, international dialling prefix,
 * national prefix, possible lengths) and gives up, returning null, wherever libphonenumber would take a
 * rarer branch: no valid calling code after a {@code +} or the international prefix, an international prefix
 * followed by 0, a national prefix with a transform rule, missing metadata, or any length libphonenumber
 * rejects. The caller then parses the original text with libphonenumber, so
 * the outcome is identical either way ({@code PhoneNumberShortcutTest} compares both on many numbers of
 * every region). Based on libphonenumber 9.0's {@code parseHelper}; its tests guard against upgrades.
 *
 * <p>Thread-safe; the per-region rules are looked up once and cached.
 */
final class PhoneNumberShortcut {

    /** {@code PhoneNumberUtil.MAX_INPUT_STRING_LENGTH}: longer texts are an error there. */
    private static final int MAX_INPUT_LENGTH = 250;
    /** {@code PhoneNumberUtil.MIN_LENGTH_FOR_NSN} and {@code MAX_LENGTH_FOR_NSN}. */
    private static final int MIN_NATIONAL_LENGTH = 2;
    private static final int MAX_NATIONAL_LENGTH = 17;
    private static final String NON_GEOGRAPHICAL = "001";

    static final PhoneNumberShortcut DEFAULT = new PhoneNumberShortcut(PhoneNumberUtil.getInstance(),
            DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource());

    private final PhoneNumberUtil util;
    private final MetadataSource metadata;
    private final boolean[] callingCodes = new boolean[1000];
    private final Map<String, Optional<RegionRules>> byRegion = new ConcurrentHashMap<>();
    private final Map<Integer, Optional<RegionRules>> byCallingCode = new ConcurrentHashMap<>();

    PhoneNumberShortcut(PhoneNumberUtil util, MetadataSource metadata) {
        this.util = util;
        this.metadata = metadata;
        for (int code : util.getSupportedCallingCodes()) {
            if (code > 0 && code < callingCodes.length) {
                callingCodes[code] = true;
            }
        }
    }

    /**
     * What {@code util.parse(text, region)} returns, or null when the shortcut does not apply (then call
     * libphonenumber; it may also throw there).
     *
     * @param region an ISO region code libphonenumber supports, or null/unknown for "none"
     */
    PhoneNumber parse(String text, String region) {
        if (text.isEmpty() || text.length() > MAX_INPUT_LENGTH) {
            return null;
        }
        boolean plus = text.charAt(0) == '+';
        String digits = digitsOf(text, plus ? 1 : 0);
        // fewer than three digits: not viable, or only viable as exactly two digits; leave that to libphonenumber
        if (digits == null || digits.length() < 3) {
            return null;
        }
        return plus ? international(digits) : national(digits, region);
    }

    /** The digits of {@code text} from {@code from} on, or null when another character than a separator occurs. */
    private static String digitsOf(String text, int from) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            } else if (c != ' ' && c != '(' && c != ')' && c != '/' && c != '.' && c != '-') {
                return null;
            }
        }
        return sb.toString();
    }

    /**
     * Whether {@code util.isPossibleNumber(number)}: the length of the national significant number against
     * the possible lengths of the calling code's main region, from the cached rules.
     */
    boolean isPossible(PhoneNumber number) {
        int code = number.getCountryCode();
        if (code <= 0 || code >= callingCodes.length || !callingCodes[code]) {
            return util.isPossibleNumber(number);
        }
        RegionRules rules = byCallingCode.computeIfAbsent(code, this::rulesForCallingCode).orElse(null);
        if (rules == null) {
            return util.isPossibleNumber(number);
        }
        Length length = rules.testLength(util.getNationalSignificantNumber(number).length());
        return length == Length.POSSIBLE || length == Length.LOCAL_ONLY;
    }

    /** Digits after {@code +} or an international prefix: the calling code comes first; the region does not matter. */
    private PhoneNumber international(String digits) {
        // country calling codes are prefix-free and never start with 0; libphonenumber tries 1, 2, 3 digits
        int code = 0;
        int length = 0;
        for (int i = 1; i <= 3 && digits.charAt(0) != '0'; i++) {
            int candidate = Integer.parseInt(digits.substring(0, i));
            if (callingCodes[candidate]) {
                code = candidate;
                length = i;
                break;
            }
        }
        if (code == 0) {
            return null; // libphonenumber retries without the plus
        }
        RegionRules rules = byCallingCode.computeIfAbsent(code, this::rulesForCallingCode).orElse(null);
        if (rules == null) {
            return null;
        }
        return finish(code, digits.substring(length), rules);
    }

    /**
     * Digits without {@code +}: after the region's international prefix an international number, else a
     * national number of the region, which may start with the region's own calling code
     * (PhoneNumberUtil.maybeExtractCountryCode).
     */
    private PhoneNumber national(String digits, String region) {
        if (region == null) {
            return null;
        }
        RegionRules rules = byRegion.computeIfAbsent(region, this::rulesForRegion).orElse(null);
        if (rules == null) {
            return null;
        }
        Matcher idd = rules.internationalPrefix.matcher(digits);
        if (idd.lookingAt()) {
            String rest = digits.substring(idd.end());
            // too short after the prefix is an error there; a 0 after it makes it a national number again
            return rest.length() <= 2 || rest.charAt(0) == '0' ? null : international(rest);
        }
        if (digits.startsWith(rules.callingCodeText)) {
            String potential = rules.stripNationalPrefix(digits.substring(rules.callingCodeText.length()));
            if (potential == null) {
                return null;
            }
            // the calling code is taken as such when the rest is a valid national number and the whole is
            // not, or when the whole is too long
            if ((!rules.matchesGeneral(digits) && rules.matchesGeneral(potential))
                    || rules.testLength(digits.length()) == Length.TOO_LONG) {
                RegionRules main = byCallingCode.computeIfAbsent(rules.callingCode, this::rulesForCallingCode)
                        .orElse(null);
                return main == null ? null : finish(rules.callingCode, potential, main);
            }
        }
        return finish(rules.callingCode, digits, rules);
    }

    private PhoneNumber finish(int callingCode, String nationalNumber, RegionRules rules) {
        if (nationalNumber.length() < MIN_NATIONAL_LENGTH) {
            return null;
        }
        String number = rules.withoutNationalPrefix(nationalNumber);
        if (number == null || number.length() < MIN_NATIONAL_LENGTH || number.length() > MAX_NATIONAL_LENGTH) {
            return null;
        }
        PhoneNumber result = new PhoneNumber().setCountryCode(callingCode);
        // PhoneNumberUtil.setItalianLeadingZerosForPhoneNumber
        if (number.length() > 1 && number.charAt(0) == '0') {
            result.setItalianLeadingZero(true);
            int zeros = 1;
            while (zeros < number.length() - 1 && number.charAt(zeros) == '0') {
                zeros++;
            }
            if (zeros != 1) {
                result.setNumberOfLeadingZeros(zeros);
            }
        }
        return result.setNationalNumber(Long.parseLong(number));
    }

    private Optional<RegionRules> rulesForRegion(String region) {
        if (!util.getSupportedRegions().contains(region)) {
            return Optional.empty();
        }
        return rules(() -> metadata.getMetadataForRegion(region));
    }

    private Optional<RegionRules> rulesForCallingCode(int code) {
        String region = util.getRegionCodeForCountryCode(code);
        if (NON_GEOGRAPHICAL.equals(region)) {
            return rules(() -> metadata.getMetadataForNonGeographicalRegion(code));
        }
        return rulesForRegion(region);
    }

    private static Optional<RegionRules> rules(java.util.function.Supplier<PhoneMetadata> lookup) {
        try {
            PhoneMetadata m = lookup.get();
            return m == null ? Optional.empty() : Optional.ofNullable(RegionRules.of(m));
        } catch (RuntimeException e) {
            return Optional.empty(); // libphonenumber would fail on the same lookup: let it
        }
    }

    /**
     * The parts of a region's metadata that parsing a national number uses, compiled once (libphonenumber
     * compiles them without flags, through its own regex cache).
     *
     * @param nationalPrefix  {@code national_prefix_for_parsing}, or null when the region has none
     * @param transformRule   whether the region rewrites the national prefix ({@code national_prefix_transform_rule})
     * @param generalNumber   the general national number pattern, or null when empty (then nothing matches it)
     */
    private record RegionRules(int callingCode, String callingCodeText, Pattern internationalPrefix,
            Pattern nationalPrefix, boolean transformRule, Pattern generalNumber, List<Integer> possibleLengths,
            List<Integer> localOnlyLengths) {

        static RegionRules of(PhoneMetadata m) {
            PhoneNumberDesc general = m.getGeneralDesc();
            if (general.getPossibleLengthList().isEmpty()) {
                return null;
            }
            String prefix = m.getNationalPrefixForParsing();
            String rule = m.getNationalPrefixTransformRule();
            String pattern = general.getNationalNumberPattern();
            return new RegionRules(m.getCountryCode(), String.valueOf(m.getCountryCode()),
                    Pattern.compile(m.getInternationalPrefix()),
                    prefix == null || prefix.isEmpty() ? null : Pattern.compile(prefix),
                    rule != null && !rule.isEmpty(),
                    pattern == null || pattern.isEmpty() ? null : Pattern.compile(pattern),
                    List.copyOf(general.getPossibleLengthList()), List.copyOf(general.getPossibleLengthLocalOnlyList()));
        }

        /**
         * parseHelper's last step: the national number without its national prefix where libphonenumber
         * strips it and the rest has a usable length, else unchanged; null where the transform rule applies.
         */
        String withoutNationalPrefix(String number) {
            String stripped = stripNationalPrefix(number);
            if (stripped == null || stripped == number) {
                return stripped;
            }
            Length length = testLength(stripped.length());
            return length == Length.TOO_SHORT || length == Length.LOCAL_ONLY || length == Length.INVALID ? number
                    : stripped;
        }

        /**
         * PhoneNumberUtil.maybeStripNationalPrefixAndCarrierCode: the number without its national prefix,
         * the same instance when it keeps it, null where the transform rule applies (not replayed here).
         */
        String stripNationalPrefix(String number) {
            if (nationalPrefix == null || number.isEmpty()) {
                return number;
            }
            Matcher m = nationalPrefix.matcher(number);
            if (!m.lookingAt()) {
                return number;
            }
            if (transformRule && m.group(m.groupCount()) != null) {
                return null;
            }
            String stripped = number.substring(m.end());
            return matchesGeneral(number) && !matchesGeneral(stripped) ? number : stripped;
        }

        boolean matchesGeneral(String number) {
            return generalNumber != null && generalNumber.matcher(number).matches();
        }

        /** PhoneNumberUtil.testNumberLength for the general description (type UNKNOWN). */
        Length testLength(int length) {
            int min = possibleLengths.get(0);
            if (min == -1) {
                return Length.INVALID;
            }
            if (localOnlyLengths.contains(length)) {
                return Length.LOCAL_ONLY;
            }
            if (min == length) {
                return Length.POSSIBLE;
            }
            if (min > length) {
                return Length.TOO_SHORT;
            }
            if (possibleLengths.get(possibleLengths.size() - 1) < length) {
                return Length.TOO_LONG;
            }
            return possibleLengths.subList(1, possibleLengths.size()).contains(length) ? Length.POSSIBLE
                    : Length.INVALID;
        }
    }

    private enum Length {
        POSSIBLE, LOCAL_ONLY, TOO_SHORT, TOO_LONG, INVALID
    }
}
