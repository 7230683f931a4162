package io.mastersync.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmResultTextTest {

    private static final EmResult FIT = new EmResult(0.0123456789012345, new double[][] {{0.9, 0.07, 0.03}, {0.8, 0.2}},
            new double[][] {{1e-6, 0.01, 0.989999}, {0.3, 0.7}}, 12, true);

    @Test
    void aModelSurvivesTheRoundTripBitForBit() {
        EmResult back = EmResultText.parse(EmResultText.format(FIT), new int[] {3, 2});

        assertThat(back).isNotNull();
        assertThat(back.lambda()).isEqualTo(FIT.lambda());
        assertThat(back.m()).isDeepEqualTo(FIT.m());
        assertThat(back.u()).isDeepEqualTo(FIT.u());
    }

    @Test
    void aModelOfOtherComparisonsOrBrokenTextIsRefusedSoTheSyncMatchesFully() {
        String text = EmResultText.format(FIT);

        assertThat(EmResultText.parse(text, new int[] {3, 3})).as("a comparison got a level").isNull();
        assertThat(EmResultText.parse(text, new int[] {3, 2, 2})).as("a comparison was added").isNull();
        assertThat(EmResultText.parse(text.replace("0.9,", "x,"), new int[] {3, 2})).isNull();
        assertThat(EmResultText.parse(text.replace("lambda=0.0123456789012345", "lambda=1.5"), new int[] {3, 2}))
                .as("lambda is a share").isNull();
        assertThat(EmResultText.parse(null, new int[] {3, 2})).isNull();
        assertThat(EmResultText.parse("", new int[] {3, 2})).isNull();
    }
}
