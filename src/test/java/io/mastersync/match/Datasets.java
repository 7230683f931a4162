package io.mastersync.match;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Test-only loaders for the shared public matching data sets ({@code ../shared/datasets/matching/}). */
final class Datasets {

    static final Path ROOT = Path.of("..", "shared", "datasets", "matching");

    private Datasets() {
    }

    /** Skips the calling test, with a message, when the shared data set folder is not there. */
    static Path require(String folder, String... files) {
        Path dir = ROOT.resolve(folder);
        for (String f : files) {
            assumeTrue(Files.isRegularFile(dir.resolve(f)), () -> "shared data set not found: " + dir.resolve(f)
                    .toAbsolutePath().normalize() + " (expected beside the project as ../shared); skipping");
        }
        return dir;
    }

    static List<CSVRecord> csv(Path file, Charset charset) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setTrim(true).get();
        try (Reader r = Files.newBufferedReader(file, charset)) {
            return format.parse(r).getRecords();
        }
    }

    /** A record from CSV columns, blank values dropped. */
    static MatchRecord record(String source, String key, Map<String, String> fields) {
        Map<String, String> clean = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                clean.put(k, v.trim());
            }
        });
        return new MatchRecord(source, key, clean);
    }

    /** Truth pairs from a grouping of record ids by entity. */
    static Set<PairwiseEvaluation.Pair> pairsFromGroups(Collection<List<String>> groups) {
        Set<PairwiseEvaluation.Pair> truth = new HashSet<>();
        for (List<String> g : groups) {
            for (int i = 0; i < g.size(); i++) {
                for (int j = i + 1; j < g.size(); j++) {
                    truth.add(PairwiseEvaluation.Pair.of(g.get(i), g.get(j)));
                }
            }
        }
        return truth;
    }

    static <T> Map<String, List<String>> group(List<T> items, Function<T, String> entity, Function<T, String> id) {
        Map<String, List<String>> groups = new HashMap<>();
        for (T t : items) {
            groups.computeIfAbsent(entity.apply(t), x -> new ArrayList<>()).add(id.apply(t));
        }
        return groups;
    }

    /** Predicted clusters as record ids. */
    static List<List<String>> clusterIds(MatchResult result, List<MatchRecord> records) {
        List<List<String>> out = new ArrayList<>();
        for (int[] c : result.clusters().clusters()) {
            List<String> ids = new ArrayList<>(c.length);
            for (int i : c) {
                ids.add(records.get(i).id());
            }
            out.add(ids);
        }
        return out;
    }

    static Charset utf8() {
        return StandardCharsets.UTF_8;
    }

    /** One line summary of a run for the test output. */
    static String summary(String name, MatchResult result, PairwiseEvaluation eval, long millis) {
        StringBuilder sb = new StringBuilder();
        sb.append(name).append(": ").append(eval.line()).append(" (").append(millis).append(" ms, candidates=")
                .append(result.candidates().size()).append(", em iterations=").append(result.em().iterations())
                .append(", review groups=").append(result.clusters().review().size()).append(")\n");
        for (CandidatePairs.RuleReport r : result.candidates().reports()) {
            sb.append("  rule ").append(r).append('\n');
        }
        if (result.training() != null) {
            sb.append(result.training().describe());
        }
        sb.append(result.model().describe());
        return sb.toString();
    }
}
