package io.mastersync.cleanse.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * The shortcut must give exactly what libphonenumber's parse gives, or nothing: compared on the example
 * numbers of every region and non-geographical entity, written in many ways (international, national,
 * with national and international prefixes, {@code (0)}, separators, too short and too long), parsed for
 * their own region, for regions with unusual prefix rules and for no region.
 */
class PhoneNumberShortcutTest {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** Regions with a national prefix (DE), a transform rule (AR, MX, BR), "8" (RU), leading zeros (IT), none. */
    private static final List<String> PARSE_REGIONS = Arrays.asList("DE", "US", "GB", "IT", "AR", "MX", "BR", "RU", "JP",
            "FR", null, "ZZ");
    /** Each example number is parsed for its own region and these (all regions for the hand-picked ones). */
    private static final List<String> SOME_REGIONS = Arrays.asList("DE", "AR", "RU", null);

    private final PhoneNumberShortcut shortcut = PhoneNumberShortcut.DEFAULT;

    @Test
    void givesWhatLibphonenumberGivesOrNothing() {
        Random random = new Random(42);
        int compared = 0;
        int shortcut = 0;
        for (String own : new TreeSet<>(UTIL.getSupportedRegions())) {
            for (String text : writings(examples(own), random)) {
                for (String region : regions(own)) {
                    compared++;
                    if (check(text, region)) {
                        shortcut++;
                    }
                }
            }
        }
        for (int code : new TreeSet<>(UTIL.getSupportedGlobalNetworkCallingCodes())) {
            PhoneNumber example = UTIL.getExampleNumberForNonGeoEntity(code);
            for (String text : writings(example == null ? List.of() : List.of(example), random)) {
                for (String region : SOME_REGIONS) {
                    compared++;
                    if (check(text, region)) {
                        shortcut++;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(100_000);
        assertThat(shortcut).as("the shortcut must cover a good part of the plain writings").isGreaterThan(compared / 4);
    }

    @Test
    void handPickedTrickyNumbers() {
        List<String> texts = List.of("+497118495480", "+49 (0)341 9179556", "0341/9179556", "(555) 123-4567",
                "555-123-4567", "1-555-123-4567", "+1 555 123 4567", "+0301234567", "+ 49 30 1234567", "+(49) 30 1234567",
                "++49301234567", "0049 30 1234567", "00 49 30 1234567", "0030 1234567", "4930 1234567", "49 30 1234567",
                "06 1234 5678", "+39 06 1234 5678", "+39 0000 1234", "+390012345", "+39 00", "+800 1234 5678",
                "+882 1234 5678", "+979 123456789", "12", "123", "+12", "+123", "+1234", "0", "00", "000", "+49",
                "+49 0", "+49 30", "+49 00000000000000000000", "1".repeat(20), "+" + "9".repeat(20), "0".repeat(251),
                "030 1234 567 ", " 030 1234567", "030.1234.567.", "(030) 1234567)", "030 1234567-", "-030 1234567",
                "030 1234567 x12", "030 1234567#", "+54 9 11 1234 5678", "011 15 1234 5678", "15 1234 5678",
                "+52 1 55 1234 5678", "044 55 1234 5678", "+55 11 91234 5678", "0 11 91234 5678", "8 495 123 45 67",
                "+7 8 495 123 45 67", "+44 (0)20 7946 0958", "020 7946 0958", "07700 900123", "+33 (0)1 23 45 67 89",
                "0033 1 23 45 67 89", "+81 3-1234-5678", "03-1234-5678");
        for (String text : texts) {
            for (String region : PARSE_REGIONS) {
                check(text, region);
            }
            check(text, "CH");
            check(text, "AT");
        }
        assertThat(shortcut.parse("+49 (0)341 9179556", "DE")).isNotNull();
        assertThat(shortcut.parse("0341/9179556", "DE")).isNotNull();
        assertThat(shortcut.parse("(555) 123-4567", "US")).isNotNull();
        assertThat(shortcut.parse("0049 341 9179556", "DE")).isNotNull();
        assertThat(shortcut.parse("1-555-123-4567", "US")).isNotNull();
    }

    @Test
    void isPossibleAgreesWithLibphonenumber() {
        Random random = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            PhoneNumber n = new PhoneNumber().setCountryCode(random.nextInt(1000))
                    .setNationalNumber((long) (random.nextDouble() * Math.pow(10, random.nextInt(18))));
            if (random.nextInt(5) == 0) {
                n.setItalianLeadingZero(true).setNumberOfLeadingZeros(1 + random.nextInt(3));
            }
            assertThat(shortcut.isPossible(n)).as("%s", n).isEqualTo(UTIL.isPossibleNumber(n));
        }
    }

    /** Compares one text; true when the shortcut answered. */
    private boolean check(String text, String region) {
        PhoneNumber fast = shortcut.parse(text, region);
        Object expected;
        try {
            expected = UTIL.parse(text, region == null ? "ZZ" : region);
        } catch (NumberParseException e) {
            expected = e.getErrorType();
        }
        if (expected instanceof PhoneNumber parsed) {
            assertThat(shortcut.isPossible(parsed)).as("'%s' possible", text).isEqualTo(UTIL.isPossibleNumber(parsed));
        }
        if (fast == null) {
            return false;
        }
        assertThat((Object) fast).as("'%s' for region %s", text, region).isEqualTo(expected);
        return true;
    }

    private static Set<String> regions(String own) {
        Set<String> regions = new LinkedHashSet<>();
        regions.add(own);
        regions.addAll(SOME_REGIONS);
        return regions;
    }

    private static List<PhoneNumber> examples(String region) {
        List<PhoneNumber> examples = new ArrayList<>();
        for (PhoneNumberType type : PhoneNumberType.values()) {
            PhoneNumber n = UTIL.getExampleNumberForType(region, type);
            if (n != null) {
                examples.add(n);
            }
        }
        PhoneNumber invalid = UTIL.getInvalidExampleNumber(region);
        if (invalid != null) {
            examples.add(invalid);
        }
        return examples;
    }

    /** Many ways to write each number, plausible and broken. */
    private static Set<String> writings(List<PhoneNumber> numbers, Random random) {
        Set<String> texts = new LinkedHashSet<>();
        for (PhoneNumber n : numbers) {
            String cc = String.valueOf(n.getCountryCode());
            String nsn = UTIL.getNationalSignificantNumber(n);
            String region = UTIL.getRegionCodeForCountryCode(n.getCountryCode());
            String national = UTIL.format(n, PhoneNumberFormat.NATIONAL);
            String prefix = "001".equals(region) ? null : UTIL.getNddPrefixForRegion(region, true);
            texts.add(UTIL.format(n, PhoneNumberFormat.E164));
            texts.add(UTIL.format(n, PhoneNumberFormat.INTERNATIONAL));
            texts.add(national);
            texts.add(national.replaceAll("[^0-9]", ""));
            texts.add(nsn);
            texts.add("+" + cc + " (0)" + nsn);
            texts.add("+" + cc + "0" + nsn);
            texts.add("+" + cc + "00" + nsn);
            texts.add("00" + cc + " " + nsn);
            texts.add("011 " + cc + " " + nsn);
            texts.add("0" + nsn);
            texts.add(cc + nsn);
            texts.add(cc + " " + nsn);
            if (prefix != null) {
                texts.add(prefix + nsn);
                texts.add("+" + cc + " " + prefix + nsn);
            }
            for (int cut = 1; cut <= 4 && cut < nsn.length(); cut++) {
                texts.add("+" + cc + nsn.substring(0, nsn.length() - cut));
                texts.add(nsn.substring(0, nsn.length() - cut));
            }
            texts.add("+" + cc + nsn + "1");
            texts.add("+" + cc + nsn + "12");
            texts.add(nsn + "123");
            texts.add(separated("+" + cc + nsn, random));
            texts.add(separated(national.replaceAll("[^0-9]", ""), random));
            texts.add(separated("0" + nsn, random));
        }
        texts.removeIf(String::isBlank);
        return texts;
    }

    private static String separated(String digits, Random random) {
        String separators = " ()/.-";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            sb.append(digits.charAt(i));
            if (i < digits.length() - 1 && random.nextInt(4) == 0) {
                sb.append(separators.charAt(random.nextInt(separators.length())));
            }
        }
        return sb.toString();
    }
}
