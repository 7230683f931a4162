package io.mastersync.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ReportWriterTest {

    static final String EVIL = "<script>alert(1)</script> Müller & Söhne \"GmbH\" 'x' \u0001";

    static QualityReport report() {
        List<Map<String, Object>> rows = new ArrayList<>();
        String[] names = {EVIL, "Acme & Co", null, "O'Brien"};
        for (int i = 0; i < names.length; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("source-key", "K<" + i + ">");
            row.put("name", names[i]);
            row.put("country", i % 2 == 0 ? "DE" : "=cmd|'/C calc'!A0");
            rows.add(row);
        }
        List<Analyzer<?>> analyzers = new ArrayList<>(CheckSuggester.profilingAnalyzers(List.of("name", "country")));
        Completeness name = new Completeness("name");
        List<Check> checks = List.of(
                new AssertionCheck("name-complete", CheckSeverity.ERROR, name, Assertion.parse(">= 0.95")),
                new AssertionCheck("rows", CheckSeverity.WARNING, new Size(), Assertion.parse("between 1 and 10")),
                new AssertionCheck("bad<col>", CheckSeverity.WARNING, new Completeness("nope"), Assertion.parse("> 0")));
        checks.forEach(c -> analyzers.add(c.analyzer()));
        AnalysisResult profile = new ProfileRunner("customer", analyzers, List.of("source-key"), 5).run(rows);
        List<CheckResult> results = new CheckEvaluator(MetricHistory.NONE).evaluate(checks, profile);
        return QualityReport.of(42, Instant.parse("2025-03-01T10:00:00Z"),
                List.of(new QualityReport.FeedRows("acme-customers", "customer", 10, 4, 3, 2, 1, 1)), results,
                List.of(new QualityReport.RuleCount("iso-country", "error", 2), new QualityReport.RuleCount(EVIL, "warning", 5)),
                profile.allMetrics(),
                List.of(new QualityReport.TrendSeries("customer", null, "size", List.of(new QualityReport.TrendPoint(39, 3),
                        new QualityReport.TrendPoint(40, 5), new QualityReport.TrendPoint(41, Double.NaN),
                        new QualityReport.TrendPoint(42, 4))),
                        new QualityReport.TrendSeries("customer", "name", "completeness",
                                List.of(new QualityReport.TrendPoint(42, 0.75)))));
    }

    @Test
    void reportOrdersProblemsFirstAndComputesVerdict() {
        QualityReport report = report();
        assertThat(report.verdict()).isEqualTo(QualityVerdict.FAILED);
        assertThat(report.checks()).extracting(CheckResult::checkId).containsExactly("name-complete", "bad<col>", "rows");
        assertThat(report.ruleOutcomes().get(0).ruleId()).isEqualTo(EVIL);
        assertThat(report.columns()).extracting(QualityReport.ColumnProfile::column).contains("name", "country");
    }

    @Test
    void htmlIsWellFormedSelfContainedAndEscapesEveryValue() throws Exception {
        String html = new HtmlReportWriter().toHtml(report());

        assertThat(html).doesNotContain("<script").doesNotContain("alert(1)</script>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; Müller &amp; Söhne &quot;GmbH&quot; &#39;x&#39;")
                .contains("K&lt;2&gt;").contains("=cmd|&#39;/C calc&#39;!A0")
                .doesNotContain("http://www.w3.org/1999/xlink").doesNotContain("src=").doesNotContain("href=")
                .doesNotContain("@import").doesNotContain("url(").contains("<svg").contains("<polyline");

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("html");
        assertThat(doc.getElementsByTagNameNS("*", "script").getLength()).isZero();
        assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength()).isGreaterThanOrEqualTo(4);
        assertThat(doc.getElementsByTagNameNS("*", "link").getLength()).isZero();
        // the hostile value comes back as text, exactly once per place it appears
        NodeList cells = doc.getElementsByTagNameNS("*", "td");
        boolean found = false;
        for (int i = 0; i < cells.getLength(); i++) {
            if (cells.item(i).getTextContent().equals(EVIL.replace('\u0001', '\uFFFD'))) {
                found = true;
            }
        }
        assertThat(found).isTrue();
    }

    @Test
    void jsonIsValidAndCarriesEverything() throws Exception {
        String json = new JsonReportWriter().toJson(report());
        assertThat(json).doesNotContain("<script>");
        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(root.get("runId").asLong()).isEqualTo(42);
        assertThat(root.get("verdict").asText()).isEqualTo("failed");
        assertThat(root.get("feeds").get(0).get("rejected").asLong()).isEqualTo(3);
        JsonNode first = root.get("checks").get(0);
        assertThat(first.get("id").asText()).isEqualTo("name-complete");
        assertThat(first.get("status").asText()).isEqualTo("failed");
        assertThat(first.get("value").asDouble()).isEqualTo(0.75);
        assertThat(first.get("expectation").asText()).isEqualTo(">= 0.95");
        assertThat(first.get("examples").get(0).get("source-key").asText()).isEqualTo("K<2>");
        assertThat(first.get("examples").get(0).get("name").isNull()).isTrue();
        assertThat(root.get("checks").get(1).get("value").isNull()).isTrue();
        assertThat(root.get("ruleOutcomes").get(0).get("rule").asText()).isEqualTo(EVIL);
        assertThat(root.get("trends").get(0).get("points").get(2).get("value").isNull()).isTrue();
        boolean evilInHistogram = false;
        for (JsonNode column : root.get("columns")) {
            for (JsonNode metric : column.get("metrics")) {
                if (metric.has("detail")) {
                    for (JsonNode bucket : metric.get("detail")) {
                        evilInHistogram |= bucket.get("value").asText().equals(EVIL);
                    }
                }
            }
        }
        assertThat(evilInHistogram).isTrue();
    }
}
