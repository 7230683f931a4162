package io.mastersync.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class LongLongMapTest {

    @Test
    void holdsWhatAHashMapHoldsThroughManyGrowthsIncludingKeysThatCollideInTheLowBits() {
        LongLongMap map = new LongLongMap();
        Map<Long, Long> expected = new HashMap<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 300_000; i++) {
            long key = i % 3 == 0 ? (random.nextLong() | 1) : ((long) i << 40) | 5; // same low bits: long probe runs
            long value = random.nextLong();
            map.put(key, value);
            expected.put(key, value);
        }
        map.put(5L << 40 | 5, 99); // overwrite keeps the size

        expected.put(5L << 40 | 5, 99L);
        assertThat(map.size()).isEqualTo(expected.size());
        expected.forEach((k, v) -> assertThat(map.get(k)).isEqualTo(v));
        assertThat(map.get(123456789L << 20)).as("absent").isZero();
    }

    @Test
    void zeroIsNotAKeyBecauseItMarksEmptySlots() {
        assertThatThrownBy(() -> new LongLongMap().put(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
