package io.mastersync.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Amazon and Google as item feeds of two source systems through migrate and evaluate (README: F1 0.611). */
class AmazonGoogleDatasetIT {

    static final double REPORTED_F1 = 0.611;

    @Test
    void amazonGoogle(@TempDir Path dir) throws Exception {
        DatasetRun.require("amazon-google/Amazon.csv");
        DatasetRun.require("amazon-google/GoogleProducts.csv");
        Path mapping = DatasetRun.require("amazon-google/Amzon_GoogleProducts_perfectMapping.csv");
        List<String[]> pairs = new ArrayList<>();
        for (CSVRecord r : DatasetRun.csv(mapping, StandardCharsets.ISO_8859_1)) {
            pairs.add(new String[] {"AMAZON", r.get("idAmazon"), "GOOGLE", r.get("idGoogleBase")});
        }
        Path truth = dir.resolve("truth.csv");
        DatasetRun.writePairs(truth, pairs);
        String line = DatasetRun.migrateAndEvaluate("amazon_google", "item", truth,
                Path.of("bench/datasets/amazon-items.yml"), Path.of("bench/datasets/google-items.yml"));
        assertThat(line).endsWith("true_pairs=1300");
        assertThat(DatasetRun.f1(line)).isGreaterThanOrEqualTo(REPORTED_F1 - 0.02);
    }
}
