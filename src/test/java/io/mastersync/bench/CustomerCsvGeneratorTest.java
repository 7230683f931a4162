package io.mastersync.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mastersync.canonical.Customer;
import io.mastersync.cleanse.RecordValidator;
import io.mastersync.cleanse.Violation;

class CustomerCsvGeneratorTest {

    private static final int ROWS = 5000;

    @TempDir
    static Path dir;

    private static Path file;
    private static BenchCsvGenerator.Summary summary;
    private static List<CSVRecord> rows;
    private static final RecordValidator VALIDATOR = new RecordValidator();

    @BeforeAll
    static void generate() throws IOException {
        file = dir.resolve("out/customers.csv");
        summary = new CustomerCsvGenerator(7, 0.10, 0.02).generate(ROWS, file);
        rows = read(file);
    }

    @AfterAll
    static void close() {
        VALIDATOR.close();
    }

    private static List<CSVRecord> read(Path csv) throws IOException {
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().get().parse(r).getRecords();
        }
    }

    @Test
    void writesHeaderAndRequestedRowsOfTwelveColumns() {
        assertThat(String.join(",", rows.get(0).values())).isEqualTo(CustomerCsvGenerator.HEADER);
        assertThat(rows).hasSize(ROWS + 1);
        assertThat(rows).allSatisfy(r -> assertThat(r.size()).isEqualTo(12));
        assertThat(summary.rows()).isEqualTo(ROWS);
        assertThat(rows.stream().skip(1).map(r -> r.get(0)).distinct().count()).as("customer_no unique").isEqualTo(ROWS);
    }

    @Test
    void averagesAbout140BytesPerRow() {
        double perRow = (double) summary.bytes() / ROWS;
        assertThat(perRow).isBetween(125.0, 155.0);
    }

    @Test
    void sameSeedSameFilesOtherSeedOtherFile() throws IOException {
        Path again = dir.resolve("again.csv");
        new CustomerCsvGenerator(7, 0.10, 0.02).generate(ROWS, again);
        assertThat(Files.mismatch(file, again)).isEqualTo(-1L);
        assertThat(Files.mismatch(BenchCsvGenerator.truthFile(file), BenchCsvGenerator.truthFile(again))).isEqualTo(-1L);
        Path other = dir.resolve("other.csv");
        new CustomerCsvGenerator(8, 0.10, 0.02).generate(ROWS, other);
        assertThat(Files.mismatch(file, other)).isNotEqualTo(-1L);
    }

    @Test
    void aPrefixOfTheFileDoesNotDependOnTheRowCount() throws IOException {
        Path shorter = dir.resolve("shorter.csv");
        new CustomerCsvGenerator(7, 0.10, 0.02).generate(100, shorter);
        List<CSVRecord> first = read(shorter);
        for (int i = 0; i < first.size(); i++) {
            assertThat(first.get(i).values()).containsExactly(rows.get(i).values());
        }
    }

    @Test
    void truthFileListsPairsOfExistingRowsThatLookAlike() throws IOException {
        List<CSVRecord> truth = read(BenchCsvGenerator.truthFile(file));
        assertThat(String.join(",", truth.get(0).values())).isEqualTo("source_a,key_a,source_b,key_b");
        List<CSVRecord> pairs = truth.subList(1, truth.size());
        assertThat(summary.duplicates()).isBetween((long) (ROWS * 0.08), (long) (ROWS * 0.12));

        Map<String, CSVRecord> byKey = new HashMap<>();
        Map<String, Integer> position = new HashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            byKey.put(rows.get(i).get(0), rows.get(i));
            position.put(rows.get(i).get(0), i);
        }
        Set<String> listed = new HashSet<>();
        for (CSVRecord pair : pairs) {
            assertThat(pair.get(0)).isEqualTo("BENCH");
            assertThat(pair.get(2)).isEqualTo("BENCH");
            CSVRecord a = byKey.get(pair.get(1));
            CSVRecord b = byKey.get(pair.get(3));
            assertThat(a).as("key_a %s exists", pair.get(1)).isNotNull();
            assertThat(b).as("key_b %s exists", pair.get(3)).isNotNull();
            assertThat(position.get(pair.get(1))).isLessThan(position.get(pair.get(3)));
            assertThat(listed.add(pair.get(1) + "|" + pair.get(3))).as("each pair listed once").isTrue();
            // a near-duplicate: same country, city, postal code, e-mail; not an identical row
            assertThat(b.get(9)).isEqualTo(a.get(9));
            assertThat(b.get(8)).isEqualTo(a.get(8));
            assertThat(b.get(7)).isEqualTo(a.get(7));
            assertThat(b.get(4)).isEqualTo(a.get(4));
            List<String> va = new ArrayList<>(a.toList());
            List<String> vb = new ArrayList<>(b.toList());
            va.remove(0);
            vb.remove(0);
            assertThat(vb).isNotEqualTo(va);
            // the original is a clean row, never a defective one
            assertThat(errors(a)).isEmpty();
            assertThat(errors(b)).isEmpty();
        }
    }

    @Test
    void truthFileListsEveryPairOfADuplicateGroupAsTheClosedWorldNeeds() throws IOException {
        List<CSVRecord> pairs = read(BenchCsvGenerator.truthFile(file));
        pairs = pairs.subList(1, pairs.size());
        Set<String> listed = new HashSet<>();
        Map<String, String> originalOf = new HashMap<>();
        for (CSVRecord pair : pairs) {
            listed.add(pair.get(1) + "|" + pair.get(3));
        }
        // a pair whose first record is no one's copy names a copy's original: one per copy
        Set<String> copies = new HashSet<>();
        for (CSVRecord pair : pairs) {
            copies.add(pair.get(3));
        }
        for (CSVRecord pair : pairs) {
            if (!copies.contains(pair.get(1))) {
                assertThat(originalOf.put(pair.get(3), pair.get(1))).as("one original of %s", pair.get(3)).isNull();
            }
        }
        assertThat((long) originalOf.size()).isEqualTo(summary.duplicates());
        Map<String, Integer> position = new HashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            position.put(rows.get(i).get(0), i);
        }
        Map<String, List<String>> groups = new HashMap<>();
        originalOf.forEach((copy, original) -> groups.computeIfAbsent(original, o -> new ArrayList<>()).add(copy));
        long expected = 0;
        int biggest = 0;
        for (var group : groups.entrySet()) {
            List<String> members = new ArrayList<>(group.getValue());
            members.add(group.getKey());
            members.sort(Comparator.comparing(position::get));
            for (int i = 0; i < members.size(); i++) {
                for (int k = i + 1; k < members.size(); k++) {
                    assertThat(listed).as("pair of one group").contains(members.get(i) + "|" + members.get(k));
                }
            }
            expected += (long) members.size() * (members.size() - 1) / 2;
            biggest = Math.max(biggest, members.size());
        }
        assertThat(biggest).as("some original has two copies").isGreaterThanOrEqualTo(3);
        assertThat((long) pairs.size()).isEqualTo(expected);
    }

    @Test
    void dirtyRowsAreRejectedByValidationAndTheRestPass() {
        int rejected = 0;
        for (CSVRecord r : rows.subList(1, rows.size())) {
            if (!errors(r).isEmpty()) {
                rejected++;
            }
        }
        assertThat((long) rejected).isEqualTo(summary.dirty());
        assertThat(rejected).isBetween((int) (ROWS * 0.01), (int) (ROWS * 0.03));
    }

    @Test
    void noDuplicatesAndNoDirtRowsWhenAskedForNone() throws IOException {
        Path clean = dir.resolve("clean.csv");
        BenchCsvGenerator.Summary s = new CustomerCsvGenerator(1, 0, 0).generate(1000, clean);
        assertThat(s.duplicates()).isZero();
        assertThat(s.dirty()).isZero();
        assertThat(read(BenchCsvGenerator.truthFile(clean))).hasSize(1);
        assertThat(read(clean).subList(1, 1001)).allSatisfy(r -> assertThat(errors(r)).isEmpty());
    }

    @Test
    void rejectsSharesOutOfRange() {
        assertThatThrownBy(() -> new CustomerCsvGenerator(1, 1.0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CustomerCsvGenerator(1, 0.5, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CustomerCsvGenerator(1, 0, -0.1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void slugsAndAsciiForEmailAddresses() {
        assertThat(CustomerCsvGenerator.slug("Müller, Schmidt & Partner")).isEqualTo("mueller-schmidt-partner");
        assertThat(CustomerCsvGenerator.ascii("Étienne")).isEqualTo("etienne");
        assertThat(CustomerCsvGenerator.ascii("O'Brien")).isEqualTo("obrien");
    }

    /** The errors the canonical constraints find in a generated row, mapped the way bench/customers-bench.yml does. */
    private static List<Violation> errors(CSVRecord r) {
        Customer c = new Customer("BENCH", r.get(0), r.get(0), blank(r.get(1)), null, blank(r.get(2)), blank(r.get(3)),
                blank(r.get(4)), blank(r.get(5)), blank(r.get(6)), null, blank(r.get(7)), blank(r.get(8)), null,
                blank(r.get(9)), null, r.get(10).isEmpty() ? null : new BigDecimal(r.get(10)), blank(r.get(11)), null,
                null, null);
        List<Violation> found = new ArrayList<>();
        VALIDATOR.validate(c, found);
        found.removeIf(v -> !v.isError());
        return found;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
