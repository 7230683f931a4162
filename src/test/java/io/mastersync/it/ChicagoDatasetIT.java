package io.mastersync.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chicago early-childhood sites as a customer feed through migrate and evaluate (README figure: F1 0.881). */
class ChicagoDatasetIT {

    static final double REPORTED_F1 = 0.881;

    @Test
    void chicagoSites(@TempDir Path dir) throws Exception {
        DatasetRun.require("chicago-sites/csv_example_messy_input.csv");
        Path truthSource = DatasetRun.require("chicago-sites/csv_example_input_with_true_ids.csv");
        Path truth = dir.resolve("truth.csv");
        DatasetRun.writeGroups(truth, "CHICAGO",
                DatasetRun.group(DatasetRun.csv(truthSource, StandardCharsets.UTF_8), "True Id", "Id"));
        String line = DatasetRun.migrateAndEvaluate("chicago", "customer", truth,
                Path.of("bench/datasets/chicago-customers.yml"));
        assertThat(line).endsWith("true_pairs=6608");
        assertThat(DatasetRun.f1(line)).isGreaterThanOrEqualTo(REPORTED_F1 - 0.02);
    }
}
