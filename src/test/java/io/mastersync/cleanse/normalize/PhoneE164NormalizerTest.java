package io.mastersync.cleanse.normalize;

import static io.mastersync.cleanse.normalize.Results.assertNormalizes;
import static io.mastersync.cleanse.normalize.Results.assertProblem;
import static io.mastersync.cleanse.normalize.Results.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PhoneE164NormalizerTest {

    @Test
    void usesDefaultRegionForNationalNumbers() {
        Normalizer n = create("phone-e164", "default-region", "DE");
        assertNormalizes(n, "030 12345678", "+493012345678");
        assertNormalizes(n, "(030) 1234-5678", "+493012345678");
        assertNormalizes(n, "0049 30 12345678", "+493012345678");
        assertNormalizes(n, "+43 1 5134567", "+4315134567");
        assertNormalizes(n, "+493012345678", "+493012345678");
    }

    @Test
    void regionFromRecordWinsOverDefault() {
        Normalizer n = create("phone-e164", "default-region", "DE", "region-from-field", "country");
        NormalizerResult at = n.apply("01 5134567", RecordContext.of(Map.of("country", "AT")));
        assertThat(at.value()).isEqualTo("+4315134567");
        // an unusable country value falls back to the default region
        NormalizerResult fallback = n.apply("030 12345678", RecordContext.of(Map.of("country", "Atlantis")));
        assertThat(fallback.value()).isEqualTo("+493012345678");
    }

    @Test
    void invalidAndUnparseableNumbersAreProblems() {
        Normalizer n = create("phone-e164", "default-region", "DE");
        assertProblem(n, "12", "invalid-phone");
        assertProblem(n, "+49 30", "invalid-phone");
        assertProblem(n, "call me", "unparseable-phone");
        assertProblem(create("phone-e164"), "030 12345678", "no-region");
        assertNormalizes(n, "", "");
    }

    @Test
    void extensionIsDroppedUnlessKept() {
        assertNormalizes(create("phone-e164", "default-region", "DE"), "030 12345678 ext. 42", "+493012345678");
        assertNormalizes(create("phone-e164", "default-region", "DE", "keep-extension", "true"),
                "030 12345678 ext. 42", "+493012345678;ext=42");
    }

    @Test
    void rejectsBadRegionOption() {
        assertThatThrownBy(() -> create("phone-e164", "default-region", "Germany"))
                .hasMessageContaining("'default-region'").hasMessageContaining("Germany");
        assertThatThrownBy(() -> create("phone-e164", "defualt-region", "DE"))
                .hasMessageContaining("unknown option 'defualt-region'").hasMessageContaining("default-region");
    }
}
