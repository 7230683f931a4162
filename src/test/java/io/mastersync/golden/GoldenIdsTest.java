package io.mastersync.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class GoldenIdsTest {

    private static final String P = "G-ITEM-";

    @Test
    void newClustersGetNumbersInMemberOrder() {
        GoldenIds.Assignment a = GoldenIds.assign(List.of(new int[] {0, 2}, new int[] {1}), new String[3], P, 1);
        assertThat(a.ids()).containsExactly("G-ITEM-000001", "G-ITEM-000002");
        assertThat(a.created()).isEqualTo(2);
    }

    @Test
    void sameClustersKeepTheirIds() {
        String[] prev = {"G-ITEM-000002", "G-ITEM-000001", "G-ITEM-000002"};
        GoldenIds.Assignment a = GoldenIds.assign(List.of(new int[] {0, 2}, new int[] {1}, new int[] {3}),
                new String[] {prev[0], prev[1], prev[2], null}, P, 3);
        assertThat(a.ids()).containsExactly("G-ITEM-000002", "G-ITEM-000001", "G-ITEM-000003");
        assertThat(a.retired()).isEmpty();
    }

    @Test
    void mergeKeepsTheOlderIdAndRetiresTheOther() {
        String[] prev = {"G-ITEM-000005", "G-ITEM-000005", "G-ITEM-000005", "G-ITEM-000002"};
        GoldenIds.Assignment a = GoldenIds.assign(List.<int[]>of(new int[] {0, 1, 2, 3}), prev, P, 6);
        assertThat(a.ids()).containsExactly("G-ITEM-000002");
        assertThat(a.retired()).isEqualTo(Map.of("G-ITEM-000005", "G-ITEM-000002"));
    }

    @Test
    void splitLeavesTheIdWithTheLargerPart() {
        String[] prev = {"G-ITEM-000001", "G-ITEM-000001", "G-ITEM-000001"};
        GoldenIds.Assignment a = GoldenIds.assign(List.of(new int[] {0}, new int[] {1, 2}), prev, P, 2);
        assertThat(a.ids()).containsExactly("G-ITEM-000002", "G-ITEM-000001");
        assertThat(a.retired()).isEmpty();
    }

    @Test
    void anEvenSplitLeavesTheIdWithThePartWhoseMemberHeldItLongest() {
        // record 0 (ANTO2) joined the id in run 5; record 1 (ANTON) has held it since run 2
        String[] prev = {"G-ITEM-000003", "G-ITEM-000003"};
        long[] since = {5, 2};

        GoldenIds.Assignment a = GoldenIds.assign(List.of(new int[] {0}, new int[] {1}), prev, since, P, 10);

        assertThat(a.ids()).containsExactly("G-ITEM-000010", "G-ITEM-000003");
        assertThat(GoldenIds.assign(List.of(new int[] {0}, new int[] {1}), prev, new long[] {2, 5}, P, 10).ids())
                .containsExactly("G-ITEM-000003", "G-ITEM-000010");
    }

    @Test
    void numbersGrowPastSixDigits() {
        assertThat(GoldenIds.format(P, 1_234_567)).isEqualTo("G-ITEM-1234567");
        assertThat(GoldenIds.number("G-ITEM-1234567")).isEqualTo(1_234_567);
    }
}
