package io.mastersync.golden;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.JdbcTemplate;

import io.mastersync.canonical.EntityType;
import io.mastersync.match.PairwiseEvaluation;
import io.mastersync.yaml.DefinitionException;

/**
 * Scores the golden records against a truth file ({@code source_a,key_a,source_b,key_b}, closed world: every
 * pair not listed is a non-match): predicted pairs are the pairs of staged records sharing a golden id in
 * {@code mdm_xref}.
 */
public final class TruthEvaluation {

    private TruthEvaluation() {
    }

    /**
     * The score, and the truth pairs naming a record that has no golden id (not staged, or a typo in the truth
     * file): they count as missed matches, which a steward should know.
     *
     * @param unknownPairs truth pairs with at least one record that is not in {@code mdm_xref}
     * @param firstUnknown such a record as {@code SYSTEM/key}, or null
     */
    public record Result(PairwiseEvaluation score, long unknownPairs, String firstUnknown) {
    }

    public static Result evaluate(JdbcTemplate jdbc, EntityType entity, Path truthFile) throws IOException {
        Set<PairwiseEvaluation.Pair> truth = new HashSet<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (Reader r = ReviewCsv.utf8WithoutBom(truthFile)) {
            var parser = format.parse(r);
            for (String col : List.of("source_a", "key_a", "source_b", "key_b")) {
                if (parser.getHeaderMap() == null || !parser.getHeaderMap().containsKey(col)) {
                    throw new DefinitionException(truthFile, 1, "truth file needs the header source_a,key_a,source_b,"
                            + "key_b (missing '" + col + "')");
                }
            }
            for (CSVRecord rec : parser) {
                String a = id(rec.get("source_a"), rec.get("key_a"));
                String b = id(rec.get("source_b"), rec.get("key_b"));
                if (!a.equals(b)) {
                    truth.add(PairwiseEvaluation.Pair.of(a, b));
                }
            }
        }
        Map<String, List<String>> clusters = new LinkedHashMap<>();
        jdbc.query("SELECT golden_id, source_system, source_key FROM mdm_xref WHERE entity = ? ORDER BY golden_id",
                rs -> {
                    clusters.computeIfAbsent(rs.getString(1), x -> new ArrayList<>(2))
                            .add(id(rs.getString(2), rs.getString(3)));
                }, entity.code());
        List<List<String>> merged = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (List<String> c : clusters.values()) {
            known.addAll(c);
            if (c.size() > 1) {
                merged.add(c);
            }
        }
        long unknownPairs = 0;
        String firstUnknown = null;
        for (PairwiseEvaluation.Pair p : truth) {
            String missing = !known.contains(p.a()) ? p.a() : !known.contains(p.b()) ? p.b() : null;
            if (missing != null) {
                unknownPairs++;
                if (firstUnknown == null || missing.compareTo(firstUnknown) < 0) {
                    firstUnknown = missing;
                }
            }
        }
        return new Result(PairwiseEvaluation.of(merged, truth), unknownPairs,
                firstUnknown == null ? null : firstUnknown.replace('\u0000', '/'));
    }

    private static String id(String system, String key) {
        return system + '\u0000' + key;
    }
}
