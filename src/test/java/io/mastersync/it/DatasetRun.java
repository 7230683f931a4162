package io.mastersync.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Runs a public data set (../shared/datasets/matching) through the real pipeline: migrate with the job files
 * under bench/datasets, then evaluate against a truth file written from the data set's ground truth.
 */
final class DatasetRun {

    static final Path ROOT = Path.of("..", "shared", "datasets", "matching");
    private static final Pattern F1 = Pattern.compile("f1=(\\d\\.\\d{3})");

    private DatasetRun() {
    }

    static Path require(String file) {
        Path p = ROOT.resolve(file);
        assumeTrue(Files.isRegularFile(p), () -> "shared data set not found: " + p.toAbsolutePath().normalize()
                + " (expected beside the project as ../shared); skipping");
        return p;
    }

    static List<CSVRecord> csv(Path file, Charset charset) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setTrim(true).get();
        try (Reader r = Files.newBufferedReader(file, charset)) {
            return format.parse(r).getRecords();
        }
    }

    /** Truth pairs of every two records that share an entity: rows of {system, key, entity}. */
    static void writeGroups(Path out, String system, Map<String, List<String>> groups) throws IOException {
        List<String[]> pairs = new ArrayList<>();
        for (List<String> g : groups.values()) {
            for (int i = 0; i < g.size(); i++) {
                for (int j = i + 1; j < g.size(); j++) {
                    pairs.add(new String[] {system, g.get(i), system, g.get(j)});
                }
            }
        }
        writePairs(out, pairs);
    }

    static void writePairs(Path out, List<String[]> pairs) throws IOException {
        try (CSVPrinter p = new CSVPrinter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
            p.printRecord("source_a", "key_a", "source_b", "key_b");
            for (String[] pair : pairs) {
                p.printRecord((Object[]) pair);
            }
        }
    }

    static Map<String, List<String>> group(List<CSVRecord> rows, String entityColumn, String keyColumn) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (CSVRecord r : rows) {
            groups.computeIfAbsent(r.get(entityColumn), x -> new ArrayList<>()).add(r.get(keyColumn));
        }
        return groups;
    }

    /** Migrates the jobs into a fresh database, evaluates, and returns the printed line. */
    static String migrateAndEvaluate(String purpose, String entity, Path truth, Path... jobs) throws Exception {
        try (TestDatabase db = TestDatabase.create(purpose)) {
            CliRun run = CliRun.migrate(db, jobs);
            assertThat(run.exitCode()).as(run.err()).isZero();
            List<String> args = new ArrayList<>(List.of("evaluate", "--truth", truth.toString(), "--entity", entity));
            args.addAll(db.springArgs());
            CliRun eval = CliRun.run(args);
            assertThat(eval.exitCode()).as(eval.err()).isZero();
            String line = eval.out().trim();
            System.out.println(purpose + ": " + line);
            return line;
        }
    }

    static double f1(String line) {
        Matcher m = F1.matcher(line);
        assertThat(m.find()).as(line).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
