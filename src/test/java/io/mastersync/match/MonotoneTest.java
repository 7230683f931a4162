package io.mastersync.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MonotoneTest {

    @Test
    void poolsLevelsWhoseRatioIncreasesTowardsWorseLevels() {
        double[] m = {0.8, 0.2};
        double[] u = {0.99, 0.01};
        ExpectationMaximisation.monotone(m, u);
        assertThat(m[0] / u[0]).isCloseTo(m[1] / u[1], within(1e-12));
        assertThat(m[0] + m[1]).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void leavesOrderedRatiosAlone() {
        double[] m = {0.7, 0.2, 0.1};
        double[] u = {0.01, 0.1, 0.89};
        ExpectationMaximisation.monotone(m, u);
        assertThat(m[0]).isCloseTo(0.7, within(1e-12));
        assertThat(m[1]).isCloseTo(0.2, within(1e-12));
        assertThat(m[2]).isCloseTo(0.1, within(1e-12));
    }
}
