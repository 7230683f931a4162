package io.mastersync.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mastersync.bench.CustomerCsvGenerator;
import io.mastersync.canonical.EntityType;
import io.mastersync.golden.MatchFile;

/**
 * Incremental matching against the definition it must agree with: with one model, matching only the changed
 * records (plus the earlier run's pairs between unchanged ones) gives the same pairs and clusters as scoring every
 * candidate pair of the changed data set again.
 */
class IncrementalMatchTest {

    private static final MatchSettings SETTINGS = MatchFile.read(Path.of("rules/customer-match.yml"),
            EntityType.CUSTOMER).match();
    private static List<MatchRecord> generated;

    @BeforeAll
    static void generate(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("customers.csv");
        new CustomerCsvGenerator(7, 0.15, 0.05).generate(3000, csv);
        generated = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                Map<String, String> f = new HashMap<>();
                f.put("name", r.get("name"));
                f.put("street-1", r.get("street"));
                f.put("postal-code", r.get("postal_code"));
                f.put("city", r.get("city"));
                f.put("phone", blankToNull(r.get("phone")));
                f.put("email", blankToNull(r.get("email")));
                f.put("vat-id", blankToNull(r.get("vat_id")));
                generated.add(new MatchRecord("BENCH", r.get("customer_no"), f));
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Test
    void matchingOnlyChangedRecordsGivesTheClustersOfScoringEverythingAgain() {
        Matcher matcher = new Matcher(SETTINGS);
        EmResult fit = matcher.run(generated).em();
        boolean[] all = new boolean[generated.size()];
        java.util.Arrays.fill(all, true);
        MatchResult before = matcher.runIncremental(generated, all, earlier(fit, List.of()), new int[0]);
        assertThat(before.matches()).as("the fixture has duplicates").hasSizeGreaterThan(100);

        // the next state: one record deleted, one made a copy of another customer (joins its cluster), one
        // member of a matched pair renamed and moved (leaves its cluster), and a new record copying a customer
        ScoredPair matched = before.matches().get(0);
        MatchRecord leaver = generated.get(matched.b());
        MatchRecord target = generated.get(1500);
        List<MatchRecord> after = new ArrayList<>();
        MatchRecord copy = null;
        Set<String> changedIds = new TreeSet<>();
        for (int i = 0; i < generated.size(); i++) {
            MatchRecord r = generated.get(i);
            if (i == 10 && i != matched.a() && i != matched.b()) {
                continue; // deleted
            }
            if (r == leaver) {
                r = with(r, Map.of("name", "Zyxwvut Qqqq", "street-1", "Nowhere 99", "postal-code", "00000",
                        "city", "Elsewhere"), true);
            } else if (i == 20) {
                r = new MatchRecord(r.sourceSystem(), r.sourceKey(), target.fields());
                copy = r;
            }
            if (r != generated.get(i)) {
                changedIds.add(r.id());
            }
            after.add(r);
        }
        MatchRecord fresh = new MatchRecord("BENCH", "NEW-1", generated.get(2000).fields());
        after.add(fresh);
        changedIds.add(fresh.id());

        boolean[] changed = new boolean[after.size()];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < after.size(); i++) {
            changed[i] = changedIds.contains(after.get(i).id());
            index.put(after.get(i).id(), i);
        }
        // what the earlier run stored: its scored pairs, by record, mapped onto the new indices (dropped if gone)
        List<int[]> kept = new ArrayList<>();
        for (ScoredPair p : before.scored()) {
            Integer a = index.get(generated.get(p.a()).id());
            Integer b = index.get(generated.get(p.b()).id());
            if (a != null && b != null) {
                kept.add(new int[] {a, b});
            }
        }
        MatchResult incremental = matcher.runIncremental(after, changed, earlier(fit, kept), new int[0]);
        boolean[] everything = new boolean[after.size()];
        java.util.Arrays.fill(everything, true);
        MatchResult full = matcher.runIncremental(after, everything, earlier(fit, List.of()), new int[0]);

        assertThat(incremental.candidates().size()).as("only pairs of changed records are compared")
                .isLessThan(full.candidates().size() / 20);
        assertThat(pairs(incremental.matches(), after)).isEqualTo(pairs(full.matches(), after));
        assertThat(pairs(incremental.scored(), after)).isEqualTo(pairs(full.scored(), after));
        assertThat(clusters(incremental, after)).isEqualTo(clusters(full, after));
        // the changes did what they were meant to
        Set<Set<String>> merged = clusters(incremental, after);
        String copyId = copy.id();
        assertThat(merged).anySatisfy(c -> assertThat(c).contains(copyId, target.id()));
        assertThat(merged).anySatisfy(c -> assertThat(c).contains(fresh.id(), generated.get(2000).id()));
        assertThat(merged).noneSatisfy(c -> assertThat(c).contains(leaver.id()));
    }

    private static Matcher.EarlierMatch earlier(EmResult fit, List<int[]> pairs) {
        return new Matcher.EarlierMatch(fit, Map.of(), pairs.stream().mapToInt(p -> p[0]).toArray(),
                pairs.stream().mapToInt(p -> p[1]).toArray());
    }

    private static MatchRecord with(MatchRecord r, Map<String, String> changes, boolean dropContacts) {
        Map<String, String> f = new HashMap<>(r.fields());
        f.putAll(changes);
        if (dropContacts) {
            f.put("phone", null);
            f.put("email", null);
            f.put("vat-id", null);
        }
        return new MatchRecord(r.sourceSystem(), r.sourceKey(), f);
    }

    private static Set<String> pairs(List<ScoredPair> pairs, List<MatchRecord> recs) {
        Set<String> out = new TreeSet<>();
        for (ScoredPair p : pairs) {
            out.add(recs.get(p.a()).id() + "~" + recs.get(p.b()).id());
        }
        return out;
    }

    private static Set<Set<String>> clusters(MatchResult r, List<MatchRecord> recs) {
        Set<Set<String>> out = new java.util.HashSet<>();
        for (int[] c : r.clusters().merged()) {
            Set<String> ids = new TreeSet<>();
            for (int i : c) {
                ids.add(recs.get(i).id());
            }
            out.add(ids);
        }
        return out;
    }
}
