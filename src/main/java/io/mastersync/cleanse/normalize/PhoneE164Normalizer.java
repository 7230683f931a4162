package io.mastersync.cleanse.normalize;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Set;

/**
 * {@code phone-e164}: formats a phone number as E.164 ({@code +493012345678}) using Google libphonenumber.
 *
 * <p>Options:
 * <ul>
 *   <li>{@code region-from-field}: a canonical field (e.g. {@code country}) whose value, an ISO alpha-2 code,
 *       gives the region for numbers written without country code. Used first when present and a region
 *       libphonenumber knows; so normalize that field to ISO first;</li>
 *   <li>{@code default-region}: ISO alpha-2 region used when the record gives none;</li>
 *   <li>{@code check}: {@code valid} (default) requires a number valid for its region (right length and
 *       prefix); {@code possible} only requires a plausible length, for regions whose numbering plan
 *       libphonenumber does not know well;</li>
 *   <li>{@code keep-extension} (default false): keeps an extension as {@code ;ext=123} (RFC 3966 style)
 *       after the E.164 number; otherwise an extension is dropped.</li>
 * </ul>
 * Numbers with a leading {@code +} or international prefix ({@code 0049 ...} with a region) need no region.
 * Unparseable values are a Problem {@code unparseable-phone}; numbers failing the check are a Problem
 * {@code invalid-phone}; a national number without any region is a Problem {@code no-region}. Null and blank values pass
 * unchanged. Numbers written with digits, spaces and {@code ( ) / . -} only are read by {@link PhoneNumberShortcut},
 * which gives exactly what libphonenumber's parse gives, at a fraction of the cost. Thread-safe ({@link PhoneNumberUtil}
 * is).
 */
public final class PhoneE164Normalizer implements Normalizer {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** A copy: {@link PhoneNumberUtil#getSupportedRegions()} wraps its set anew on every call. */
    private static final Set<String> REGIONS = Set.copyOf(UTIL.getSupportedRegions());

    private final String defaultRegion;
    private final String regionField;
    private final boolean requireValid;
    private final boolean keepExtension;

    public PhoneE164Normalizer(String defaultRegion, String regionField, boolean requireValid, boolean keepExtension) {
        this.defaultRegion = defaultRegion;
        this.regionField = regionField;
        this.requireValid = requireValid;
        this.keepExtension = keepExtension;
    }

    static PhoneE164Normalizer create(NormalizerOptions options) {
        String region = options.string("default-region", null);
        if (region != null) {
            region = region.trim().toUpperCase(Locale.ROOT);
            if (!REGIONS.contains(region)) {
                throw options.invalid("default-region", "must be an ISO alpha-2 region known to libphonenumber, not '"
                        + options.string("default-region", null) + "'");
            }
        }
        String field = options.string("region-from-field", null);
        if (field != null && field.isBlank()) {
            throw options.invalid("region-from-field", "must name a field");
        }
        boolean valid = options.choice("check", "valid", "valid", "possible").equals("valid");
        return new PhoneE164Normalizer(region, field == null ? null : field.trim(), valid,
                options.bool("keep-extension", false));
    }

    @Override
    public NormalizerResult apply(String value, RecordContext record) {
        if (value == null || value.isBlank()) {
            return new NormalizerResult.Unchanged(value);
        }
        String region = region(record);
        PhoneNumber number = PhoneNumberShortcut.DEFAULT.parse(value, region);
        if (number == null) {
            try {
                // With region "ZZ" (unknown) libphonenumber only accepts numbers in international format.
                number = UTIL.parse(value, region == null ? "ZZ" : region);
            } catch (NumberParseException e) {
                if (region == null && e.getErrorType() == NumberParseException.ErrorType.INVALID_COUNTRY_CODE) {
                    return NormalizerResult.problem(value, "no-region", "phone number '" + value
                            + "' has no country code and the record gives no region");
                }
                return NormalizerResult.problem(value, "unparseable-phone", "cannot read phone number '" + value + "'");
            }
        }
        boolean ok = requireValid ? UTIL.isValidNumber(number) : PhoneNumberShortcut.DEFAULT.isPossible(number);
        if (!ok) {
            return NormalizerResult.problem(value, "invalid-phone", "invalid phone number '" + value + "'"
                    + (region == null ? "" : " for region " + region));
        }
        String e164 = UTIL.format(number, PhoneNumberFormat.E164);
        if (keepExtension && number.hasExtension() && !number.getExtension().isEmpty()) {
            e164 = e164 + ";ext=" + number.getExtension();
        }
        return NormalizerResult.of(value, e164);
    }

    private String region(RecordContext record) {
        if (regionField != null) {
            String fromRecord = record.get(regionField);
            if (fromRecord != null) {
                String r = fromRecord.trim().toUpperCase(Locale.ROOT);
                if (REGIONS.contains(r)) {
                    return r;
                }
            }
        }
        return defaultRegion;
    }
}
