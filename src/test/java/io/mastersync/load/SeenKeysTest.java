package io.mastersync.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeenKeysTest {

    @Test
    void aKeyIsNewOnceAndSeenAfterwardsAcrossGrowth() {
        SeenKeys keys = new SeenKeys();
        for (int i = 0; i < 200_000; i++) {
            assertThat(keys.add("K" + i)).isTrue();
        }
        assertThat(keys.size()).isEqualTo(200_000);
        assertThat(keys.add("K0")).isFalse();
        assertThat(keys.add("K199999")).isFalse();
        assertThat(keys.add("K200000")).isTrue();
    }

    @Test
    void theHashIsNeverTheEmptyMarker() {
        assertThat(io.mastersync.canonical.RecordFingerprint.key("")).isNotZero();
        assertThat(io.mastersync.canonical.RecordFingerprint.key("a")).isNotEqualTo(io.mastersync.canonical.RecordFingerprint.key("b"));
    }
}
