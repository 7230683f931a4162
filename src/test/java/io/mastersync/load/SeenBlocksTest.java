package io.mastersync.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SeenBlocksTest {

    @Test
    void entriesComeBackPerSourceFileInTheOrderTheyWereAdded() {
        SeenBlocks blocks = new SeenBlocks();
        assertThat(blocks.isEmpty()).isTrue();
        for (long i = 1; i <= 200; i++) { // past the first buffer's 64 entries
            blocks.add(i % 2 == 0 ? "a.csv" : "b.csv", -i * 0x9E3779B97F4A7C15L, i, i + 1);
        }

        List<Object[]> rows = blocks.rows(7L, "feed");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).startsWith(7L, "feed", "b.csv", 100); // the first file added comes first
        assertThat(rows.get(1)).startsWith(7L, "feed", "a.csv", 100);
        List<long[]> a = new ArrayList<>();
        SeenBlocks.forEach((byte[]) rows.get(1)[4], (key, record, line) -> a.add(new long[] {key, record, line}));
        assertThat(a).hasSize(100);
        assertThat(a.get(0)).containsExactly(-2 * 0x9E3779B97F4A7C15L, 2, 3);
        assertThat(a.get(99)).containsExactly(-200 * 0x9E3779B97F4A7C15L, 200, 201);
    }
}
