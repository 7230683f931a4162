package io.mastersync.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The union of the pairs produced by a list of blocking rules, each unordered pair once. Pairs are record
 * indices into the list given to {@link #build}, kept as primitive longs.
 *
 * <p>Guards: a block with more than {@code maxBlockSize} records is skipped (not truncated: a truncated block
 * pairs an arbitrary subset) with a warning naming the rule and the key; a rule that reaches
 * {@code maxPairsPerRule} distinct pairs stops there with a warning. Skipped blocks of token rules are expected
 * (a frequent token is a stop word in disguise), so only the first few are named per rule.
 */
public final class CandidatePairs {

    private static final System.Logger LOG = System.getLogger(CandidatePairs.class.getName());
    private static final int NAMED_SKIPS_PER_RULE = 5;

    /** What one rule produced: distinct pairs it yields, of which new (not already from an earlier rule). */
    public record RuleReport(String ruleId, long pairs, long newPairs, int blocks, int skippedBlocks, boolean capped) {
    }

    /** Rules beyond this many are still used for blocking but are not tracked per pair. */
    public static final int MAX_TRACKED_RULES = 64;

    private final long[] pairs;
    private final long[] ruleMasks;
    private final List<RuleReport> reports;
    private final List<String> warnings;

    private CandidatePairs(long[] pairs, long[] ruleMasks, List<RuleReport> reports, List<String> warnings) {
        this.pairs = pairs;
        this.ruleMasks = ruleMasks;
        this.reports = reports;
        this.warnings = warnings;
    }

    public static CandidatePairs build(List<MatchRecord> records, List<BlockingRule> rules, LinkMode mode,
            int maxBlockSize, long maxPairsPerRule) {
        if (records.size() > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("too many records");
        }
        LongIntMap union = new LongIntMap(Math.max(1024, records.size() * 4));
        LongPairSet perRule = new LongPairSet(1024);
        PairList out = new PairList();
        List<RuleReport> reports = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            BlockingRule rule = rules.get(r);
            perRule.clear();
            RuleRun run = new RuleRun(rule, r < MAX_TRACKED_RULES ? 1L << r : 0L, records, mode, union, perRule, out,
                    maxPairsPerRule);
            int blocks;
            int skipped = 0;
            if (rule.sortedNeighbourhood()) {
                blocks = 1;
                run.sortedNeighbourhood(rule.window());
            } else {
                Map<String, IntList> index = new HashMap<>();
                for (int i = 0; i < records.size(); i++) {
                    for (String k : rule.key().keys(records.get(i))) {
                        index.computeIfAbsent(k, x -> new IntList()).add(i);
                    }
                }
                blocks = index.size();
                List<String> keys = new ArrayList<>(index.keySet());
                Collections.sort(keys);
                for (String key : keys) {
                    IntList block = index.get(key);
                    if (block.size < 2) {
                        continue;
                    }
                    if (block.size > maxBlockSize) {
                        skipped++;
                        if (skipped <= NAMED_SKIPS_PER_RULE) {
                            warn(warnings, "blocking rule '" + rule.id() + "': block '" + key + "' has " + block.size
                                    + " records, more than max-block-size " + maxBlockSize + "; skipped");
                        }
                        continue;
                    }
                    if (!run.block(block)) {
                        break;
                    }
                }
                if (skipped > NAMED_SKIPS_PER_RULE) {
                    warn(warnings, "blocking rule '" + rule.id() + "': " + (skipped - NAMED_SKIPS_PER_RULE)
                            + " more blocks over max-block-size " + maxBlockSize + " skipped");
                }
            }
            if (run.capped) {
                warn(warnings, "blocking rule '" + rule.id() + "' reached max-pairs-per-rule " + maxPairsPerRule
                        + "; its remaining pairs were not generated");
            }
            reports.add(new RuleReport(rule.id(), perRule.size(), run.newPairs, blocks, skipped, run.capped));
        }
        return new CandidatePairs(out.toArray(), out.masks(), List.copyOf(reports), List.copyOf(warnings));
    }

    /** Every allowed pair (no blocking): for small sets and tests. */
    public static CandidatePairs all(List<MatchRecord> records, LinkMode mode) {
        PairList out = new PairList();
        for (int i = 0; i < records.size(); i++) {
            for (int j = i + 1; j < records.size(); j++) {
                if (mode.allows(records.get(i), records.get(j))) {
                    out.add(LongPairSet.encode(i, j), 1L);
                }
            }
        }
        long[] p = out.toArray();
        return new CandidatePairs(p, out.masks(), List.of(new RuleReport("all-pairs", p.length, p.length, 1, 0, false)), List.of());
    }

    private static void warn(List<String> warnings, String message) {
        warnings.add(message);
        LOG.log(System.Logger.Level.WARNING, message);
    }

    public int size() {
        return pairs.length;
    }

    /** Smaller record index of pair {@code i}. */
    public int a(int i) {
        return LongPairSet.first(pairs[i]);
    }

    /** Larger record index of pair {@code i}. */
    public int b(int i) {
        return LongPairSet.second(pairs[i]);
    }

    /**
     * Bit {@code r} is set when blocking rule {@code r} (in settings order, the first {@link #MAX_TRACKED_RULES})
     * produced pair {@code i}, whether or not an earlier rule produced it too.
     */
    public long ruleMask(int i) {
        return ruleMasks[i];
    }

    public List<RuleReport> reports() {
        return reports;
    }

    public List<String> warnings() {
        return warnings;
    }

    /** True when the pair (in either order) is a candidate. Linear scan: for tests and small sets. */
    public boolean contains(int a, int b) {
        long key = LongPairSet.encode(a, b);
        for (long p : pairs) {
            if (p == key) {
                return true;
            }
        }
        return false;
    }

    private static final class RuleRun {
        final BlockingRule rule;
        final long bit;
        final List<MatchRecord> records;
        final LinkMode mode;
        final LongIntMap union;
        final LongPairSet perRule;
        final PairList out;
        final long cap;
        long newPairs;
        boolean capped;

        RuleRun(BlockingRule rule, long bit, List<MatchRecord> records, LinkMode mode, LongIntMap union,
                LongPairSet perRule, PairList out, long cap) {
            this.rule = rule;
            this.bit = bit;
            this.records = records;
            this.mode = mode;
            this.union = union;
            this.perRule = perRule;
            this.out = out;
            this.cap = cap;
        }

        /** Pairs every two records of a block; false once the rule's cap is reached. */
        boolean block(IntList block) {
            for (int x = 0; x < block.size; x++) {
                for (int y = x + 1; y < block.size; y++) {
                    if (!offer(block.data[x], block.data[y])) {
                        return false;
                    }
                }
            }
            return true;
        }

        void sortedNeighbourhood(int window) {
            List<Map.Entry<String, Integer>> entries = new ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                for (String k : rule.key().keys(records.get(i))) {
                    entries.add(Map.entry(k, i));
                }
            }
            entries.sort(Map.Entry.<String, Integer>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
            for (int x = 0; x < entries.size(); x++) {
                for (int y = x + 1; y < Math.min(entries.size(), x + window); y++) {
                    if (!offer(entries.get(x).getValue(), entries.get(y).getValue())) {
                        return;
                    }
                }
            }
        }

        private boolean offer(int i, int j) {
            if (i == j || !mode.allows(records.get(i), records.get(j))) {
                return true;
            }
            if (perRule.size() >= cap) {
                capped = true;
                return false;
            }
            long key = LongPairSet.encode(i, j);
            if (perRule.add(key)) {
                int existing = union.putIfAbsent(key, out.size);
                if (existing < 0) {
                    out.add(key, bit);
                    newPairs++;
                } else {
                    out.masks[existing] |= bit;
                }
            }
            return true;
        }
    }

    static final class IntList {
        int[] data = new int[4];
        int size;

        void add(int v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }
    }

    private static final class PairList {
        long[] data = new long[1024];
        long[] masks = new long[1024];
        int size;

        void add(long v, long mask) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
                masks = Arrays.copyOf(masks, size * 2);
            }
            masks[size] = mask;
            data[size++] = v;
        }

        long[] toArray() {
            return Arrays.copyOf(data, size);
        }

        long[] masks() {
            return Arrays.copyOf(masks, size);
        }
    }
}
