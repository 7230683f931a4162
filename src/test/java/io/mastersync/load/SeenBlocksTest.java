package io.mastersync.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SeenBlocksTest {

    @Test
    void entriesComeBackPerSourceFileInTheOrderTheyWereAdded() throws Exception {
        SeenBlocks blocks = new SeenBlocks();
        assertThat(blocks.isEmpty()).isTrue();
        for (long i = 1; i <= 300; i++) { // past the first buffer and past a row
            blocks.add(i % 2 == 0 ? "a.csv" : "b.csv", -i * 0x9E3779B97F4A7C15L, i, i + 1);
        }

        List<Object[]> rows = blocks.rows(7L, "feed");

        // 150 entries per file: rows of 64, 64 and 22 each, the first file added first
        assertThat(rows).extracting(r -> r[2] + ":" + r[3]).containsExactly("b.csv:64", "b.csv:64", "b.csv:22",
                "a.csv:64", "a.csv:64", "a.csv:22");
        assertThat(rows).allMatch(r -> r[0].equals(7L) && r[1].equals("feed") && ((byte[]) r[4]).length <= 1536);
        List<long[]> a = new ArrayList<>();
        for (Object[] row : rows.subList(3, 6)) {
            SeenBlocks.forEach((String) row[2], (byte[]) row[4], (file, key, record, line) -> a.add(new long[] {key,
                    record, line}));
        }
        assertThat(a).hasSize(150);
        assertThat(a.get(0)).containsExactly(-2 * 0x9E3779B97F4A7C15L, 2, 3);
        assertThat(a.get(149)).containsExactly(-300 * 0x9E3779B97F4A7C15L, 300, 301);
    }
}
