package io.mastersync.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Febrl dataset3 as a customer feed through migrate and evaluate (README figure: F1 0.987). */
class FebrlDatasetIT {

    static final double REPORTED_F1 = 0.987;

    @Test
    void febrl3(@TempDir Path dir) throws Exception {
        Path data = DatasetRun.require("febrl/dataset3.csv");
        List<CSVRecord> rows = DatasetRun.csv(data, StandardCharsets.UTF_8);
        Path truth = dir.resolve("truth.csv");
        java.util.Map<String, List<String>> groups = new java.util.LinkedHashMap<>();
        for (CSVRecord r : rows) {
            String id = r.get("rec_id");
            groups.computeIfAbsent(id.split("-")[1], x -> new java.util.ArrayList<>()).add(id);
        }
        DatasetRun.writeGroups(truth, "FEBRL", groups);
        String line = DatasetRun.migrateAndEvaluate("febrl3", "customer", truth,
                Path.of("bench/datasets/febrl3-customers.yml"));
        assertThat(line).endsWith("true_pairs=6538");
        assertThat(DatasetRun.f1(line)).isGreaterThanOrEqualTo(REPORTED_F1 - 0.02);
    }
}
