package io.mastersync.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Febrl dataset3: 5,000 synthetic persons, deduplicated within the table, unsupervised. */
class FebrlDatasetTest {

    static final String[] COLUMNS = {"given_name", "surname", "street_number", "address_1", "address_2", "suburb",
        "postcode", "state", "date_of_birth", "soc_sec_id"};

    @Test
    void dataset3ReachesF1OfAtLeast095() throws Exception {
        Path dir = Datasets.require("febrl", "dataset3.csv");
        List<MatchRecord> records = new ArrayList<>();
        for (CSVRecord row : Datasets.csv(dir.resolve("dataset3.csv"), Datasets.utf8())) {
            Map<String, String> f = new LinkedHashMap<>();
            for (String c : COLUMNS) {
                f.put(c, row.get(c));
            }
            records.add(Datasets.record("febrl", row.get("rec_id"), f));
        }
        assertThat(records).hasSize(5000);
        Set<PairwiseEvaluation.Pair> truth = Datasets.pairsFromGroups(Datasets.group(records,
                r -> r.sourceKey().split("-")[1], MatchRecord::id).values());
        assertThat(truth).hasSize(6538);

        MatchSettings settings = MatchSettings.read(Path.of("src/test/resources/match/febrl-persons.yaml"));
        long t0 = System.currentTimeMillis();
        MatchResult result = new Matcher(settings).run(records);
        long ms = System.currentTimeMillis() - t0;
        PairwiseEvaluation eval = PairwiseEvaluation.of(Datasets.clusterIds(result, records), truth);
        System.out.println(Datasets.summary("febrl dataset3", result, eval, ms));

        assertThat(eval.f1()).isGreaterThanOrEqualTo(0.95);
    }
}
