package io.mastersync.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Chicago early-childhood sites (dedupe-examples): 3,337 messy records from several lists, deduplicated across
 * all of them, unsupervised. The closest public stand-in for a messy customer master.
 */
class ChicagoSitesDatasetTest {

    @Test
    void sitesDeduplicatedUnsupervised() throws Exception {
        Path dir = Datasets.require("chicago-sites", "csv_example_messy_input.csv", "csv_example_input_with_true_ids.csv");
        List<MatchRecord> records = new ArrayList<>();
        for (CSVRecord row : Datasets.csv(dir.resolve("csv_example_messy_input.csv"), Datasets.utf8())) {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("name", row.get("Site name"));
            f.put("address", row.get("Address"));
            f.put("postal-code", digits(row.get("Zip")));
            f.put("phone", digits(row.get("Phone")));
            records.add(Datasets.record(row.get("Source"), row.get("Id"), f));
        }
        assertThat(records).hasSize(3337);
        Map<String, String> idToRecord = new HashMap<>();
        for (MatchRecord r : records) {
            idToRecord.put(r.sourceKey(), r.id());
        }
        List<CSVRecord> truthRows = Datasets.csv(dir.resolve("csv_example_input_with_true_ids.csv"), Datasets.utf8());
        Set<PairwiseEvaluation.Pair> truth = Datasets.pairsFromGroups(Datasets.group(truthRows,
                row -> row.get("True Id"), row -> idToRecord.get(row.get("Id"))).values());
        assertThat(truth).hasSize(6608);

        MatchSettings settings = MatchSettings.read(Path.of("src/test/resources/match/chicago-sites.yaml"));
        long t0 = System.currentTimeMillis();
        MatchResult result = new Matcher(settings).run(records);
        long ms = System.currentTimeMillis() - t0;
        PairwiseEvaluation eval = PairwiseEvaluation.of(Datasets.clusterIds(result, records), truth);
        System.out.println(Datasets.summary("chicago sites", result, eval, ms));

        // Target is F1 >= 0.85: measured 0.871 with per-rule training (m and u by EM per blocking rule without the
        // rule's own fields, add-one smoothing; 0.848 while u was fixed from random pairs) and chained clusters
        // rebuilt merge by merge under the guard (0.860 while a failing rebuilt part was left as singletons). Regression floor 0.02
        // below, not tuned on the truth.
        assertThat(eval.f1()).isGreaterThanOrEqualTo(0.84);
    }

    /** Cleansing a legacy feed would do anyway: phone and zip as digits only. */
    private static String digits(String s) {
        return s == null ? null : s.replaceAll("[^0-9]", "");
    }
}
