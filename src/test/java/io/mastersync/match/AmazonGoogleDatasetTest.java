package io.mastersync.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Amazon-Google software products: two-source linkage, scored end to end over all cross-source pairs against
 * the full mapping (closed world), unsupervised. Published: unsupervised JedAI F1 0.61.
 */
class AmazonGoogleDatasetTest {

    @Test
    void twoCatalogueLinkageUnsupervised() throws Exception {
        Path dir = Datasets.require("amazon-google", "Amazon.csv", "GoogleProducts.csv",
                "Amzon_GoogleProducts_perfectMapping.csv");
        List<MatchRecord> records = new ArrayList<>();
        for (CSVRecord row : Datasets.csv(dir.resolve("Amazon.csv"), StandardCharsets.ISO_8859_1)) {
            records.add(product("amazon", row.get("id"), row.get("title"), row));
        }
        for (CSVRecord row : Datasets.csv(dir.resolve("GoogleProducts.csv"), StandardCharsets.ISO_8859_1)) {
            records.add(product("google", row.get("id"), row.get("name"), row));
        }
        assertThat(records).hasSize(1363 + 3226);
        Set<PairwiseEvaluation.Pair> truth = new HashSet<>();
        for (CSVRecord row : Datasets.csv(dir.resolve("Amzon_GoogleProducts_perfectMapping.csv"),
                StandardCharsets.ISO_8859_1)) {
            truth.add(PairwiseEvaluation.Pair.of("amazon:" + row.get("idAmazon"), "google:" + row.get("idGoogleBase")));
        }
        assertThat(truth).hasSize(1300);

        MatchSettings settings = MatchSettings.read(Path.of("src/test/resources/match/amazon-google-products.yaml"));
        long t0 = System.currentTimeMillis();
        MatchResult result = new Matcher(settings).run(records);
        long ms = System.currentTimeMillis() - t0;
        // only pairs across the two shops count: the truth lists no pairs within one shop
        PairwiseEvaluation eval = PairwiseEvaluation.of(Datasets.clusterIds(result, records), truth,
                (x, y) -> !x.substring(0, x.indexOf(':')).equals(y.substring(0, y.indexOf(':'))));
        System.out.println(Datasets.summary("amazon-google (one-to-one)", result, eval, ms));

        // Target F1 > 0.61 (unsupervised JedAI). Measured 0.613: the single title-token rule blocks on the title,
        // so the matcher falls back to one EM over the candidates (see docs/matching.md); thin margin.
        assertThat(eval.f1()).isGreaterThan(0.61);
    }

    private static MatchRecord product(String source, String id, String title, CSVRecord row) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("title", title);
        f.put("description", row.get("description"));
        f.put("manufacturer", row.get("manufacturer"));
        // cleansing as for any legacy feed: a price of 0 means "not set"
        String price = row.get("price");
        Double p = Comparators.number(price == null ? "" : price);
        f.put("price", p == null || p == 0 ? null : price);
        return Datasets.record(source, id, f);
    }
}
