package io.mastersync.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CandidatePairsTest {

    private static MatchRecord rec(String source, String key, String name, String zip, String phone) {
        java.util.Map<String, String> f = new java.util.HashMap<>();
        f.put("name", name);
        f.put("postal-code", zip);
        f.put("phone", phone);
        return new MatchRecord(source, key, f);
    }

    private final List<MatchRecord> records = List.of(
            rec("crm", "1", "Acme Corporation", "10115", "030-1"),
            rec("crm", "2", "ACME Corp.", "10115", "030-2"),
            rec("erp", "3", "Acme Corp", "10115", "030-1"),
            rec("erp", "4", "Globex", "20095", "040-9"),
            rec("erp", "5", "Globex Inc", "20095", null));

    @Test
    void unionDedupesPairsAndReportsPerRuleCounts() {
        List<BlockingRule> rules = List.of(
                new BlockingRule("postcode-name", BlockingKey.exact("postal-code"), BlockingKey.prefix("name", 3)),
                new BlockingRule("phone", BlockingKey.exact("phone")));
        CandidatePairs pairs = CandidatePairs.build(records, rules, LinkMode.BOTH, 1000, 1_000_000);
        // postcode-name: {0,1,2} -> 3 pairs, {3,4} -> 1 pair; phone: {0,2} already there
        assertThat(pairs.size()).isEqualTo(4);
        assertThat(pairs.contains(0, 1)).isTrue();
        assertThat(pairs.contains(2, 0)).isTrue();
        assertThat(pairs.contains(3, 4)).isTrue();
        assertThat(pairs.contains(0, 3)).isFalse();
        assertThat(pairs.reports()).extracting(CandidatePairs.RuleReport::ruleId, CandidatePairs.RuleReport::pairs,
                CandidatePairs.RuleReport::newPairs).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("postcode-name", 4L, 4L),
                        org.assertj.core.groups.Tuple.tuple("phone", 1L, 0L));
        for (int i = 0; i < pairs.size(); i++) {
            assertThat(pairs.a(i)).isLessThan(pairs.b(i));
        }
        assertThat(pairs.warnings()).isEmpty();
    }

    @Test
    void linkModeKeepsOnlyCrossSourcePairsAndDedupeOnlyWithinSource() {
        List<BlockingRule> rules = List.of(new BlockingRule("zip", BlockingKey.exact("postal-code")));
        CandidatePairs link = CandidatePairs.build(records, rules, LinkMode.LINK, 1000, 1_000_000);
        assertThat(link.size()).isEqualTo(2); // (0,2) and (1,2)
        assertThat(link.contains(0, 2)).isTrue();
        assertThat(link.contains(1, 2)).isTrue();
        CandidatePairs dedupe = CandidatePairs.build(records, rules, LinkMode.DEDUPE, 1000, 1_000_000);
        assertThat(dedupe.size()).isEqualTo(2); // (0,1) and (3,4)
        assertThat(dedupe.contains(0, 1)).isTrue();
        assertThat(dedupe.contains(3, 4)).isTrue();
    }

    @Test
    void oversizedBlockIsSkippedWithAWarningNamingRuleAndKey() {
        List<MatchRecord> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(rec("s", "c" + i, "Common " + i, "99999", null));
        }
        many.add(rec("s", "x1", "Rare", "11111", null));
        many.add(rec("s", "x2", "Rare", "11111", null));
        CandidatePairs pairs = CandidatePairs.build(many, List.of(new BlockingRule("zip", BlockingKey.exact("postal-code"))),
                LinkMode.DEDUPE, 10, 1_000_000);
        assertThat(pairs.size()).isEqualTo(1);
        assertThat(pairs.warnings()).singleElement().asString().contains("'zip'").contains("'99999'")
                .contains("30 records").contains("max-block-size 10");
        assertThat(pairs.reports().get(0).skippedBlocks()).isEqualTo(1);
    }

    @Test
    void ruleOverMaxPairsLeavesOutItsLargestBlocksWholeWithAWarning() {
        // blocks of 2, 3, 4, 5 and 6 records: 1 + 3 + 6 + 10 + 15 = 35 pairs
        List<MatchRecord> many = new ArrayList<>();
        for (int size = 2; size <= 6; size++) {
            for (int i = 0; i < size; i++) {
                many.add(rec("s", size + "-" + i, "N" + i, "zip" + size, null));
            }
        }
        CandidatePairs pairs = CandidatePairs.build(many, List.of(new BlockingRule("zip", BlockingKey.exact("postal-code"))),
                LinkMode.DEDUPE, 1000, 12);
        // 1 + 3 + 6 = 10 fit under 12; the blocks of 5 and 6 are left out whole, never truncated
        assertThat(pairs.size()).isEqualTo(10);
        CandidatePairs.RuleReport report = pairs.reports().get(0);
        assertThat(report.capped()).isTrue();
        assertThat(report.cappedBlocks()).isEqualTo(2);
        assertThat(report.pairs()).isEqualTo(10);
        assertThat(pairs.warnings()).singleElement().asString().contains("'zip'").contains("35 pairs")
                .contains("max-pairs-per-rule 12").contains("2 largest blocks (5 to 6 records each, 11 records in all)")
                .contains("keeps the 10 pairs of its 3 smaller blocks");
        assertThat(pairs.contains(many.size() - 1, many.size() - 2)).isFalse();
    }

    @Test
    void focusedBuildGivesTheFullBuildsPairsOfFocusedRecordsAndLeavesOutWhatTheFullBuildLeftOut() {
        // blocks of 2..6 records by postal code, the name's first letter splits nothing (composite key)
        List<MatchRecord> many = new ArrayList<>();
        for (int size = 2; size <= 6; size++) {
            for (int i = 0; i < size; i++) {
                many.add(rec("s", size + "-" + i, "N" + i, "zip" + size, null));
            }
        }
        many.add(rec("s", "other", "Other", "zip3", null)); // same zip, other name: not in the composite blocks
        List<BlockingRule> rules = List.of(new BlockingRule("zip-name", BlockingKey.composite(
                BlockingKey.exact("postal-code"), BlockingKey.prefix("name", 1))));
        CandidatePairs full = CandidatePairs.build(many, rules, LinkMode.DEDUPE, 1000, 12);
        int leftOutFrom = full.reports().get(0).leftOutFrom();
        assertThat(leftOutFrom).as("the blocks of 5 and 6 were left out").isEqualTo(5);

        boolean[] focus = new boolean[many.size()];
        focus[2] = true;                // in the block of 3
        focus[many.size() - 2] = true;  // in the block of 6, left out
        CandidatePairs focused = CandidatePairs.build(many, rules, LinkMode.DEDUPE, 1000, 12, focus,
                java.util.Map.of("zip-name", leftOutFrom));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < full.size(); i++) {
            if (focus[full.a(i)] || focus[full.b(i)]) {
                expected.add(full.a(i) + "-" + full.b(i));
            }
        }
        List<String> got = new ArrayList<>();
        for (int i = 0; i < focused.size(); i++) {
            got.add(focused.a(i) + "-" + focused.b(i));
        }
        assertThat(got).containsExactlyElementsOf(expected).hasSize(2);
        assertThat(focused.reports().get(0).cappedBlocks()).isEqualTo(1);
    }

    @Test
    void tokenBlockingSkipsStopWordsAndPhoneticKeysGroupSoundAlikes() {
        List<MatchRecord> recs = List.of(rec("s", "1", "The Blue Chair", null, null),
                rec("s", "2", "the red table", null, null), rec("s", "3", "Blue lamp", null, null));
        CandidatePairs tokens = CandidatePairs.build(recs,
                List.of(new BlockingRule("tokens", BlockingKey.tokens("name", Set.of("the")))), LinkMode.DEDUPE, 1000, 100);
        assertThat(tokens.size()).isEqualTo(1);
        assertThat(tokens.contains(0, 2)).isTrue();

        List<MatchRecord> people = List.of(rec("s", "1", "Anna Smith", null, null), rec("s", "2", "Ann Smyth", null, null),
                rec("s", "3", "Ann Jones", null, null));
        KeyPart surnameSound = BlockingKey.phonetic("name", KeyPart.Token.LAST);
        assertThat(surnameSound.keys(people.get(0))).isEqualTo(surnameSound.keys(people.get(1)));
        CandidatePairs sound = CandidatePairs.build(people, List.of(new BlockingRule("sound", surnameSound)),
                LinkMode.DEDUPE, 1000, 100);
        assertThat(sound.size()).isEqualTo(1);
        assertThat(sound.contains(0, 1)).isTrue();
    }

    @Test
    void keyPartsNormaliseAndCompositeNeedsEveryPart() {
        MatchRecord r = rec("s", "1", "  Café de l'Époque ", "75001", null);
        assertThat(BlockingKey.exact("name").keys(r)).containsExactly("cafe de l epoque");
        assertThat(BlockingKey.prefix("name", 3).keys(r)).containsExactly("caf");
        assertThat(new KeyPart("name", 0, KeyPart.Token.FIRST, false, Set.of()).keys(r)).containsExactly("cafe");
        assertThat(BlockingKey.composite(BlockingKey.exact("postal-code"), BlockingKey.prefix("name", 3)).keys(r))
                .containsExactly("75001|caf");
        assertThat(BlockingKey.composite(BlockingKey.exact("phone"), BlockingKey.prefix("name", 3)).keys(r)).isEmpty();
    }

    @Test
    void sortedNeighbourhoodPairsNeighboursInKeyOrder() {
        List<MatchRecord> recs = List.of(rec("s", "1", "aaron", null, null), rec("s", "2", "zed", null, null),
                rec("s", "3", "aaran", null, null), rec("s", "4", "mike", null, null));
        CandidatePairs pairs = CandidatePairs.build(recs,
                List.of(new BlockingRule("sn", BlockingKey.exact("name"), 2)), LinkMode.DEDUPE, 1000, 100);
        // order: aaran(2) aaron(0) mike(3) zed(1) -> (2,0) (0,3) (3,1)
        assertThat(pairs.size()).isEqualTo(3);
        assertThat(pairs.contains(0, 2)).isTrue();
        assertThat(pairs.contains(0, 3)).isTrue();
        assertThat(pairs.contains(1, 3)).isTrue();
    }

    @Test
    void pairSetHandlesManyPairsWithoutStrings() {
        LongPairSet set = new LongPairSet(4);
        for (int i = 0; i < 2000; i++) {
            for (int j = i + 1; j < i + 50; j++) {
                set.add(LongPairSet.encode(j, i));
            }
        }
        assertThat(set.size()).isEqualTo(2000 * 49);
        assertThat(set.add(LongPairSet.encode(0, 1))).isFalse();
        assertThat(set.contains(LongPairSet.encode(1, 0))).isTrue();
        assertThat(set.contains(LongPairSet.encode(0, 60))).isFalse();
        assertThat(Map.of("first", LongPairSet.first(LongPairSet.encode(7, 3)), "second",
                LongPairSet.second(LongPairSet.encode(7, 3)))).containsEntry("first", 3).containsEntry("second", 7);
    }
}
