package io.mastersync.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The union of the pairs produced by a list of blocking rules, each unordered pair once, in ascending order of
 * (smaller record index, larger record index). Pairs are record indices into the list given to {@link #build},
 * kept as primitive longs; each rule's pairs are collected in an array, sorted and merged into the union, so no
 * hash table of tens of millions of pairs is needed.
 *
 * <p>Guards: a block with more than {@code maxBlockSize} records is skipped (not truncated: a truncated block pairs
 * an arbitrary subset) with a warning naming the rule and the key. When a rule's remaining blocks hold more than
 * {@code maxPairsPerRule} pairs, its largest blocks are left out, whole, until the rest fits (the pairs of the
 * biggest blocks are the least selective ones), with a warning saying how many blocks of which sizes. Pairs are
 * counted for this cap before removing pairs that two blocks of the same rule share (token blocking). Skipped
 * blocks of token rules are expected (a frequent token is a stop word in disguise), so only the first few are
 * named per rule.
 */
public final class CandidatePairs {

    private static final System.Logger LOG = System.getLogger(CandidatePairs.class.getName());
    private static final int NAMED_SKIPS_PER_RULE = 5;
    /** Longest Java array of pairs a rule may collect, whatever max-pairs-per-rule says. */
    private static final long MAX_RULE_PAIRS = Integer.MAX_VALUE - 16;

    /**
     * What one rule produced: distinct pairs it yields, of which new (not already from an earlier rule); blocks
     * (distinct key values), blocks skipped for max-block-size, blocks left out for max-pairs-per-rule and the
     * size of the smallest of those (0 when none was).
     */
    public record RuleReport(String ruleId, long pairs, long newPairs, int blocks, int skippedBlocks, boolean capped,
            int cappedBlocks, int leftOutFrom) {
    }

    /** Rules beyond this many are still used for blocking but are not tracked per pair. */
    public static final int MAX_TRACKED_RULES = 64;

    private final long[] pairs;
    /** Rule bits per pair: bytes while there are at most 8 rules, else longs. */
    private final byte[] smallMasks;
    private final long[] masks;
    private final List<RuleReport> reports;
    private final List<String> warnings;

    private CandidatePairs(long[] pairs, byte[] smallMasks, long[] masks, List<RuleReport> reports,
            List<String> warnings) {
        this.pairs = pairs;
        this.smallMasks = smallMasks;
        this.masks = masks;
        this.reports = reports;
        this.warnings = warnings;
    }

    public static CandidatePairs build(List<MatchRecord> records, List<BlockingRule> rules, LinkMode mode,
            int maxBlockSize, long maxPairsPerRule) {
        return build(records, rules, mode, maxBlockSize, maxPairsPerRule, null, Map.<String, Integer>of());
    }

    /**
     * The candidate pairs that touch a focused record: the pairs of {@link #build(List, List, LinkMode, int, long)}
     * with at least one record where {@code focus} is true (null: every pair). Blocks are formed over all records
     * as in a full build, so a changed record is compared with every record that shares a block with it. Only the
     * blocks holding a focused record are formed, so max-pairs-per-rule cannot be weighed as in a full build:
     * instead a rule leaves out its blocks of {@code leftOutFrom.get(ruleId)} records or more, the size from which
     * the last full build left blocks out ({@link RuleReport#leftOutFrom}).
     */
    public static CandidatePairs build(List<MatchRecord> records, List<BlockingRule> rules, LinkMode mode,
            int maxBlockSize, long maxPairsPerRule, boolean[] focus, Map<String, Integer> leftOutFrom) {
        if (records.size() > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("too many records");
        }
        Sources sources = Sources.of(records, mode);
        boolean small = rules.size() <= 8;
        long[] union = new long[0];
        byte[] unionSmall = new byte[0];
        long[] unionMasks = small ? null : new long[0];
        List<RuleReport> reports = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        long cap = Math.min(maxPairsPerRule, MAX_RULE_PAIRS);
        for (int r = 0; r < rules.size(); r++) {
            BlockingRule rule = rules.get(r);
            long bit = r < MAX_TRACKED_RULES ? 1L << r : 0L;
            RulePairs rp = rule.sortedNeighbourhood()
                    ? sortedNeighbourhood(records, rule, sources, cap, focus)
                    : blocks(records, rule, sources, maxBlockSize, maxPairsPerRule, warnings, focus,
                            leftOutFrom.getOrDefault(rule.id(), 0));
            if (rp.capped && rule.sortedNeighbourhood()) {
                warn(warnings, "blocking rule '" + rule.id() + "' reached max-pairs-per-rule " + maxPairsPerRule
                        + "; its remaining pairs were not generated");
            }
            long[] mine = sortedUnique(rp.pairs, rp.size);
            // merge the rule's sorted pairs into the sorted union
            int newPairs = countNew(union, mine);
            int total = union.length + newPairs;
            long[] merged = new long[total];
            byte[] mergedSmall = small ? new byte[total] : null;
            long[] mergedMasks = small ? null : new long[total];
            int i = 0;
            int j = 0;
            int o = 0;
            while (i < union.length || j < mine.length) {
                long next;
                long mask;
                if (j >= mine.length || (i < union.length && union[i] < mine[j])) {
                    next = union[i];
                    mask = small ? unionSmall[i] : unionMasks[i];
                    i++;
                } else if (i >= union.length || mine[j] < union[i]) {
                    next = mine[j++];
                    mask = bit;
                } else {
                    next = union[i];
                    mask = (small ? unionSmall[i] : unionMasks[i]) | bit;
                    i++;
                    j++;
                }
                merged[o] = next;
                if (small) {
                    mergedSmall[o] = (byte) mask;
                } else {
                    mergedMasks[o] = mask;
                }
                o++;
            }
            union = merged;
            unionSmall = mergedSmall;
            unionMasks = mergedMasks;
            reports.add(new RuleReport(rule.id(), mine.length, newPairs, rp.blocks, rp.skipped, rp.capped,
                    rp.cappedBlocks, rp.leftOutFrom));
        }
        return new CandidatePairs(union, small ? unionSmall : null, unionMasks, List.copyOf(reports),
                List.copyOf(warnings));
    }

    /** The pairs one rule gathered, possibly repeated, in {@code pairs[0..size)}. */
    private record RulePairs(long[] pairs, int size, int blocks, int skipped, int cappedBlocks, boolean capped,
            int leftOutFrom) {
    }

    /** Source of each record as a small number, and which pairs the link mode allows. */
    private record Sources(int[] ids, LinkMode mode) {

        static Sources of(List<MatchRecord> records, LinkMode mode) {
            Map<String, Integer> codes = new HashMap<>();
            int[] ids = new int[records.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = codes.computeIfAbsent(records.get(i).sourceSystem(), s -> codes.size());
            }
            return new Sources(ids, mode);
        }

        boolean allows(int a, int b) {
            return switch (mode) {
                case DEDUPE -> ids[a] == ids[b];
                case LINK -> ids[a] != ids[b];
                case BOTH -> true;
            };
        }
    }

    /** A block: a key value and the records that have it. */
    private record Block(String key, int[] members) {

        long pairs() {
            return (long) members.length * (members.length - 1) / 2;
        }

        /** Pairs with at least one focused member (all pairs without a focus). */
        long pairs(boolean[] focus) {
            if (focus == null) {
                return pairs();
            }
            long others = 0;
            for (int m : members) {
                others += focus[m] ? 0 : 1;
            }
            return pairs() - others * (others - 1) / 2;
        }
    }

    private static RulePairs blocks(List<MatchRecord> records, BlockingRule rule, Sources sources, int maxBlockSize,
            long maxPairsPerRule, List<String> warnings, boolean[] focus, int leftOutFrom) {
        long cap = Math.min(maxPairsPerRule, MAX_RULE_PAIRS);
        Index index = index(records, rule, focus);
        int distinctKeys = index.distinctKeys();
        List<Block> kept = new ArrayList<>();
        List<Block> oversized = new ArrayList<>();
        for (Block b : index.blocks()) {
            (b.members.length > maxBlockSize ? oversized : kept).add(b);
        }
        int skipped = oversized.size();
        oversized.sort(Comparator.comparing(Block::key));
        for (Block b : oversized.subList(0, Math.min(skipped, NAMED_SKIPS_PER_RULE))) {
            warn(warnings, "blocking rule '" + rule.id() + "': block '" + b.key + "' has " + b.members.length
                    + " records, more than max-block-size " + maxBlockSize + "; skipped");
        }
        if (skipped > NAMED_SKIPS_PER_RULE) {
            warn(warnings, "blocking rule '" + rule.id() + "': " + (skipped - NAMED_SKIPS_PER_RULE)
                    + " more blocks over max-block-size " + maxBlockSize + " skipped");
        }
        long total = 0;
        for (Block b : kept) {
            total += b.pairs();
        }
        int cappedBlocks = 0;
        int smallestLeftOut = 0;
        if (focus != null && leftOutFrom > 0) {
            List<Block> within = new ArrayList<>();
            for (Block b : kept) {
                if (b.members.length < leftOutFrom) {
                    within.add(b);
                } else {
                    cappedBlocks++;
                    total -= b.pairs();
                }
            }
            kept = within;
            smallestLeftOut = leftOutFrom;
        } else if (total > cap) {
            // the smallest blocks first (ties in the order their keys first occur); the largest are left out until
            // the rest fits
            List<Block> bySize = new ArrayList<>(kept);
            bySize.sort(Comparator.comparingInt((Block b) -> b.members.length));
            long taken = 0;
            int fit = 0;
            while (fit < bySize.size() && taken + bySize.get(fit).pairs() <= cap) {
                taken += bySize.get(fit++).pairs();
            }
            List<Block> left = bySize.subList(fit, bySize.size());
            cappedBlocks = left.size();
            smallestLeftOut = left.get(0).members.length;
            long leftRecords = 0;
            for (Block b : left) {
                leftRecords += b.members.length;
            }
            warn(warnings, String.format(Locale.ROOT, "blocking rule '%s': its blocks hold %,d pairs, more than "
                    + "max-pairs-per-rule %,d; its %,d largest blocks (%,d to %,d records each, %,d records in all) "
                    + "were left out, so pairs that only this rule would find there are not compared; the rule "
                    + "keeps the %,d pairs of its %,d smaller blocks (use a more selective key, or raise "
                    + "max-pairs-per-rule)", rule.id(), total, maxPairsPerRule, cappedBlocks, left.get(0).members.length,
                    left.get(left.size() - 1).members.length, leftRecords, taken, fit));
            kept = new ArrayList<>(bySize.subList(0, fit));
            total = taken;
        }
        long emitted = 0;
        for (Block b : kept) {
            emitted += b.pairs(focus);
        }
        long[] out = new long[(int) emitted];
        int size = 0;
        for (Block b : kept) {
            if (focus != null && b.pairs(focus) == 0) {
                continue;
            }
            int[] m = b.members;
            for (int x = 0; x < m.length; x++) {
                for (int y = x + 1; y < m.length; y++) {
                    if ((focus == null || focus[m[x]] || focus[m[y]]) && sources.allows(m[x], m[y])) {
                        out[size++] = LongPairSet.encode(m[x], m[y]);
                    }
                }
            }
        }
        return new RulePairs(out, size, distinctKeys, skipped, cappedBlocks, cappedBlocks > 0, smallestLeftOut);
    }

    /**
     * A rule's blocks of two or more records in the order their keys first occur, and how many distinct key values
     * there were.
     */
    private record Index(List<Block> blocks, int distinctKeys) {
    }

    /**
     * Member record indices of each block are ascending. Keys are numbered in an open-addressing table and the
     * members placed by a counting sort: a million keys in a {@code HashMap} with a growing list each were most of
     * the time blocking took.
     */
    private static Index index(List<MatchRecord> records, BlockingRule rule, boolean[] focus) {
        @SuppressWarnings("unchecked")
        List<String>[] keys = new List[records.size()];
        if (focus == null) {
            IntStream.range(0, keys.length).parallel().forEach(i -> keys[i] = rule.key().keys(records.get(i)));
        } else {
            focusedKeys(records, rule.key(), focus, keys);
        }
        KeyNumbers numbers = new KeyNumbers(records.size());
        int total = 0;
        for (List<String> k : keys) {
            total += k.size();
        }
        int[] keyOf = new int[total];
        int[] recordOf = new int[total];
        int e = 0;
        for (int i = 0; i < keys.length; i++) {
            for (String k : keys[i]) {
                keyOf[e] = numbers.number(k);
                recordOf[e++] = i;
            }
            keys[i] = null;
        }
        int distinct = numbers.size();
        int[] start = new int[distinct + 1];
        for (int k : keyOf) {
            start[k + 1]++;
        }
        for (int k = 0; k < distinct; k++) {
            start[k + 1] += start[k];
        }
        int[] members = new int[total];
        int[] fill = Arrays.copyOf(start, distinct);
        for (int x = 0; x < total; x++) {
            members[fill[keyOf[x]]++] = recordOf[x];
        }
        List<Block> blocks = new ArrayList<>();
        for (int k = 0; k < distinct; k++) {
            if (start[k + 1] - start[k] > 1) {
                blocks.add(new Block(numbers.key(k), Arrays.copyOfRange(members, start[k], start[k + 1])));
            }
        }
        return new Index(blocks, distinct);
    }

    /**
     * The keys that a focused record has too, per record: only the blocks holding a focused record matter, with
     * all their members. Of a composite key the first part is computed first, and the rest only for records whose
     * first part a focused record shares (a postal code, say), which spares most records the costly parts.
     */
    private static void focusedKeys(List<MatchRecord> records, BlockingKey key, boolean[] focus,
            List<String>[] keys) {
        BlockingKey first = key instanceof CompositeKey c && c.parts().size() > 1 ? c.parts().get(0) : null;
        java.util.Set<String> wanted = new java.util.HashSet<>();
        java.util.Set<String> wantedFirst = new java.util.HashSet<>();
        for (int i = 0; i < focus.length; i++) {
            if (focus[i]) {
                keys[i] = key.keys(records.get(i));
                wanted.addAll(keys[i]);
                if (first != null) {
                    wantedFirst.addAll(first.keys(records.get(i)));
                }
            }
        }
        IntStream.range(0, keys.length).parallel().forEach(i -> {
            if (focus[i]) {
                return;
            }
            MatchRecord r = records.get(i);
            if (first != null && java.util.Collections.disjoint(first.keys(r), wantedFirst)) {
                keys[i] = List.of();
                return;
            }
            List<String> all = key.keys(r);
            List<String> kept = new ArrayList<>(1);
            for (String k : all) {
                if (wanted.contains(k)) {
                    kept.add(k);
                }
            }
            keys[i] = kept.isEmpty() ? List.of() : kept;
        });
    }

    /** Numbers distinct key strings 0, 1, 2, ... in the order they are first seen (open addressing). */
    private static final class KeyNumbers {
        private String[] table;
        private int[] values;
        private String[] byNumber;
        private int size;

        KeyNumbers(int expected) {
            int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
            table = new String[cap];
            values = new int[cap];
            byNumber = new String[Math.max(16, expected)];
        }

        int number(String key) {
            int mask = table.length - 1;
            int i = spread(key.hashCode()) & mask;
            while (table[i] != null) {
                if (table[i].equals(key)) {
                    return values[i];
                }
                i = (i + 1) & mask;
            }
            table[i] = key;
            values[i] = size;
            if (size == byNumber.length) {
                byNumber = Arrays.copyOf(byNumber, size * 2);
            }
            byNumber[size] = key;
            if (++size * 2 > table.length) {
                grow();
            }
            return size - 1;
        }

        String key(int number) {
            return byNumber[number];
        }

        int size() {
            return size;
        }

        private void grow() {
            String[] oldTable = table;
            int[] oldValues = values;
            table = new String[oldTable.length * 2];
            values = new int[oldTable.length * 2];
            int mask = table.length - 1;
            for (int j = 0; j < oldTable.length; j++) {
                if (oldTable[j] != null) {
                    int i = spread(oldTable[j].hashCode()) & mask;
                    while (table[i] != null) {
                        i = (i + 1) & mask;
                    }
                    table[i] = oldTable[j];
                    values[i] = oldValues[j];
                }
            }
        }

        private static int spread(int h) {
            return (h ^ (h >>> 16)) * 0x9E3779B9;
        }
    }

    private static RulePairs sortedNeighbourhood(List<MatchRecord> records, BlockingRule rule, Sources sources,
            long cap, boolean[] focus) {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            for (String k : rule.key().keys(records.get(i))) {
                entries.add(Map.entry(k, i));
            }
        }
        entries.sort(Map.Entry.<String, Integer>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
        LongList out = new LongList();
        boolean capped = false;
        for (int x = 0; x < entries.size() && !capped; x++) {
            for (int y = x + 1; y < Math.min(entries.size(), x + rule.window()); y++) {
                int i = entries.get(x).getValue();
                int j = entries.get(y).getValue();
                if (i == j || !sources.allows(i, j) || (focus != null && !focus[i] && !focus[j])) {
                    continue;
                }
                if (out.size >= cap) {
                    capped = true;
                    break;
                }
                out.add(LongPairSet.encode(i, j));
            }
        }
        return new RulePairs(out.data, out.size, 1, 0, 0, capped, 0);
    }

    /** The first {@code size} values sorted, each once. */
    private static long[] sortedUnique(long[] values, int size) {
        Arrays.parallelSort(values, 0, size);
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (n == 0 || values[i] != values[n - 1]) {
                values[n++] = values[i];
            }
        }
        return n == values.length ? values : Arrays.copyOf(values, n);
    }

    private static int countNew(long[] union, long[] mine) {
        int i = 0;
        int fresh = 0;
        for (long p : mine) {
            while (i < union.length && union[i] < p) {
                i++;
            }
            if (i >= union.length || union[i] != p) {
                fresh++;
            }
        }
        return fresh;
    }

    /** Every allowed pair (no blocking): for small sets and tests. */
    public static CandidatePairs all(List<MatchRecord> records, LinkMode mode) {
        LongList out = new LongList();
        for (int i = 0; i < records.size(); i++) {
            for (int j = i + 1; j < records.size(); j++) {
                if (mode.allows(records.get(i), records.get(j))) {
                    out.add(LongPairSet.encode(i, j));
                }
            }
        }
        long[] p = Arrays.copyOf(out.data, out.size);
        byte[] m = new byte[p.length];
        Arrays.fill(m, (byte) 1);
        return new CandidatePairs(p, m, null, List.of(new RuleReport("all-pairs", p.length, p.length, 1, 0, false, 0, 0)),
                List.of());
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
        return smallMasks != null ? smallMasks[i] & 0xFFL : masks[i];
    }

    public List<RuleReport> reports() {
        return reports;
    }

    public List<String> warnings() {
        return warnings;
    }

    /** True when the pair (in either order) is a candidate. */
    public boolean contains(int a, int b) {
        return a != b && Arrays.binarySearch(pairs, LongPairSet.encode(a, b)) >= 0;
    }

    private static final class LongList {
        long[] data = new long[1024];
        int size;

        void add(long v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }
    }
}
