package io.mastersync.quality;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders a {@link QualityReport} as one self-contained XHTML page: inline CSS and inline SVG charts
 * (completeness bars, value histograms, trend lines), no scripts, fonts or external resources. Every data
 * value is escaped, and characters XML cannot carry are replaced, so the page is well-formed XML.
 */
public final class HtmlReportWriter {

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:24px;color:#1d2430}
            h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #d0d7de}
            table{border-collapse:collapse;margin:8px 0;font-size:13px}
            th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
            th{background:#f6f8fa}td.n{text-align:right;font-variant-numeric:tabular-nums}
            .badge{display:inline-block;padding:4px 10px;border-radius:12px;color:#fff;font-weight:bold}
            .passed{background:#1a7f37}.passed-with-warnings,.warning{background:#9a6700}.failed,.error{background:#cf222e}
            .skipped{background:#6e7781}
            tr.failed td,tr.error td{background:#ffebe9}tr.warning td{background:#fff8c5}
            .muted{color:#6e7781}svg{display:block;margin:8px 0}
            """;

    public String toHtml(QualityReport report) {
        StringWriter out = new StringWriter();
        write(report, out);
        return out.toString();
    }

    public void write(QualityReport report, Writer writer) {
        StringBuilder h = new StringBuilder(16384);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n");
        h.append("<meta charset=\"utf-8\"/>\n<title>Data quality report, run ").append(report.runId()).append("</title>\n");
        h.append("<style>").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>Data quality report, run ").append(report.runId()).append("</h1>\n");
        h.append("<p>Verdict: <span class=\"badge ").append(report.verdict().code()).append("\">")
                .append(esc(report.verdict().code())).append("</span>")
                .append(report.blockingChecks() > 0 ? " " + report.blockingChecks() + " error-level check(s) failed" : "")
                .append(" <span class=\"muted\">generated ")
                .append(esc(String.valueOf(report.generatedAt()))).append("</span></p>\n");
        feeds(h, report);
        checks(h, report);
        rules(h, report);
        profile(h, report);
        trends(h, report);
        h.append("</body>\n</html>\n");
        try {
            writer.write(h.toString());
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void feeds(StringBuilder h, QualityReport report) {
        h.append("<h2>Rows per feed</h2>\n");
        if (report.feeds().isEmpty()) {
            h.append("<p class=\"muted\">No feeds.</p>\n");
            return;
        }
        h.append("<table>\n<tr><th>Feed</th><th>Entity</th><th>Read</th><th>Loaded</th><th>Rejected</th>"
                + "<th>Superseded</th><th>Filtered</th><th>Flagged</th></tr>\n");
        for (QualityReport.FeedRows f : report.feeds()) {
            h.append("<tr><td>").append(esc(f.feed())).append("</td><td>").append(esc(f.entity())).append("</td>");
            for (long n : new long[] {f.read(), f.loaded(), f.rejected(), f.superseded(), f.filtered(), f.flagged()}) {
                h.append("<td class=\"n\">").append(n).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void checks(StringBuilder h, QualityReport report) {
        h.append("<h2>Checks</h2>\n");
        if (report.checks().isEmpty()) {
            h.append("<p class=\"muted\">No checks declared.</p>\n");
            return;
        }
        h.append("<table>\n<tr><th>Status</th><th>Check</th><th>Severity</th><th>Column</th><th>Metric</th>"
                + "<th>Value</th><th>Expected</th><th>Message</th><th>Examples</th></tr>\n");
        for (CheckResult r : report.checks()) {
            String status = r.status().code();
            h.append("<tr class=\"").append(status).append("\"><td><span class=\"badge ").append(status).append("\">")
                    .append(status).append("</span></td><td>").append(esc(r.checkId())).append("</td><td>")
                    .append(esc(r.severity().code())).append("</td><td>").append(esc(qualified(r.dataset(), r.column())))
                    .append("</td><td>").append(esc(r.metric())).append("</td><td class=\"n\">").append(fmt(r.metricValue()))
                    .append("</td><td>").append(esc(r.expectation())).append("</td><td>").append(esc(r.message()))
                    .append("</td><td>");
            examples(h, r.examples());
            h.append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void examples(StringBuilder h, List<Map<String, String>> examples) {
        if (examples.isEmpty()) {
            return;
        }
        Set<String> columns = new LinkedHashSet<>();
        examples.forEach(e -> columns.addAll(e.keySet()));
        h.append("<table><tr>");
        columns.forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
        h.append("</tr>");
        for (Map<String, String> e : examples) {
            h.append("<tr>");
            for (String c : columns) {
                String v = e.get(c);
                h.append("<td>").append(v == null ? "<span class=\"muted\">null</span>" : esc(v)).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table>");
    }

    private static void rules(StringBuilder h, QualityReport report) {
        h.append("<h2>Rule outcomes</h2>\n");
        if (report.ruleOutcomes().isEmpty()) {
            h.append("<p class=\"muted\">No rule fired.</p>\n");
        } else {
            h.append("<table>\n<tr><th>Feed</th><th>Rule</th><th>Severity</th><th>Rows</th><th>Examples</th></tr>\n");
            for (QualityReport.RuleCount r : report.ruleOutcomes()) {
                h.append("<tr><td>").append(esc(r.feed())).append("</td><td>").append(esc(r.ruleId())).append("</td><td>")
                        .append(esc(r.severity())).append("</td><td class=\"n\">").append(r.count()).append("</td><td>");
                examples(h, r.examples());
                h.append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<h3>Normalizers</h3>\n");
        if (report.normalizers().isEmpty()) {
            h.append("<p class=\"muted\">No value was changed by a normalizer.</p>\n");
            return;
        }
        h.append("<table>\n<tr><th>Feed</th><th>Normalizer</th><th>Field</th><th>Values changed</th><th>Examples</th></tr>\n");
        for (QualityReport.NormalizerCount n : report.normalizers()) {
            h.append("<tr><td>").append(esc(n.feed())).append("</td><td>").append(esc(n.normalizer())).append("</td><td>")
                    .append(esc(n.field())).append("</td><td class=\"n\">").append(n.changed()).append("</td><td>");
            if (!n.examples().isEmpty()) {
                h.append("<table><tr><th>before</th><th>after</th></tr>");
                for (QualityReport.Change c : n.examples()) {
                    h.append("<tr><td>").append(c.before() == null ? "<span class=\"muted\">null</span>" : esc(c.before()))
                            .append("</td><td>").append(c.after() == null ? "<span class=\"muted\">null</span>" : esc(c.after()))
                            .append("</td></tr>");
                }
                h.append("</table>");
            }
            h.append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void profile(StringBuilder h, QualityReport report) {
        h.append("<h2>Column profile</h2>\n");
        if (report.columns().isEmpty()) {
            h.append("<p class=\"muted\">No profile.</p>\n");
            return;
        }
        completenessChart(h, report.columns());
        for (QualityReport.ColumnProfile c : report.columns()) {
            h.append("<h3>").append(esc(qualified(c.dataset(), c.column()))).append("</h3>\n<table>\n");
            for (Metric m : c.metrics()) {
                h.append("<tr><th>").append(esc(m.name())).append("</th><td class=\"n\">").append(fmt(m.value()))
                        .append("</td></tr>\n");
            }
            h.append("</table>\n");
            Metric distribution = c.metric("histogram").orElse(c.metric("top-values").orElse(null));
            if (distribution != null && !distribution.detail().isEmpty()) {
                histogram(h, c.column(), distribution.detail());
            }
        }
    }

    private static void completenessChart(StringBuilder h, List<QualityReport.ColumnProfile> columns) {
        List<QualityReport.ColumnProfile> with = new ArrayList<>();
        columns.stream().filter(c -> c.metric("completeness").isPresent()).forEach(with::add);
        if (with.isEmpty()) {
            return;
        }
        int rowH = 20;
        int labelW = 200;
        int barW = 400;
        int height = with.size() * rowH + 10;
        h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(labelW + barW + 70).append("\" height=\"")
                .append(height).append("\" role=\"img\"><title>Completeness per column</title>\n");
        for (int i = 0; i < with.size(); i++) {
            double v = with.get(i).value("completeness");
            double w = Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v)) * barW;
            int y = i * rowH + 5;
            String color = v >= 0.99 ? "#1a7f37" : v >= 0.9 ? "#9a6700" : "#cf222e";
            h.append("<text x=\"").append(labelW - 6).append("\" y=\"").append(y + 14)
                    .append("\" text-anchor=\"end\" font-size=\"12\">").append(esc(with.get(i).column())).append("</text>");
            h.append("<rect x=\"").append(labelW).append("\" y=\"").append(y).append("\" width=\"").append(barW)
                    .append("\" height=\"16\" fill=\"#eaeef2\"/>");
            h.append("<rect x=\"").append(labelW).append("\" y=\"").append(y).append("\" width=\"").append(num(w))
                    .append("\" height=\"16\" fill=\"").append(color).append("\"/>");
            h.append("<text x=\"").append(labelW + barW + 6).append("\" y=\"").append(y + 14).append("\" font-size=\"12\">")
                    .append(Double.isNaN(v) ? "n/a" : num(v * 100) + "%").append("</text>\n");
        }
        h.append("</svg>\n");
    }

    private static void histogram(StringBuilder h, String column, List<Metric.Bucket> buckets) {
        List<Metric.Bucket> shown = buckets.subList(0, Math.min(20, buckets.size()));
        long max = shown.stream().mapToLong(Metric.Bucket::count).max().orElse(1);
        int rowH = 18;
        int labelW = 200;
        int barW = 300;
        h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(labelW + barW + 80).append("\" height=\"")
                .append(shown.size() * rowH + 10).append("\" role=\"img\"><title>Most frequent values of ")
                .append(esc(column)).append("</title>\n");
        for (int i = 0; i < shown.size(); i++) {
            Metric.Bucket b = shown.get(i);
            int y = i * rowH + 5;
            String label = b.value().length() > 30 ? b.value().substring(0, 29) + "\u2026" : b.value();
            h.append("<text x=\"").append(labelW - 6).append("\" y=\"").append(y + 12)
                    .append("\" text-anchor=\"end\" font-size=\"11\">").append(esc(label)).append("</text>");
            h.append("<rect x=\"").append(labelW).append("\" y=\"").append(y).append("\" width=\"")
                    .append(num(max == 0 ? 0 : (double) b.count() / max * barW)).append("\" height=\"14\" fill=\"#0969da\"/>");
            h.append("<text x=\"").append(labelW + barW + 6).append("\" y=\"").append(y + 12).append("\" font-size=\"11\">")
                    .append(b.count()).append("</text>\n");
        }
        h.append("</svg>\n");
    }

    private static void trends(StringBuilder h, QualityReport report) {
        h.append("<h2>Trends</h2>\n");
        if (report.trends().isEmpty()) {
            h.append("<p class=\"muted\">No history yet.</p>\n");
            return;
        }
        for (QualityReport.TrendSeries t : report.trends()) {
            String title = t.metric() + " of " + qualified(t.dataset(), t.column());
            h.append("<h3>").append(esc(title)).append("</h3>\n");
            List<QualityReport.TrendPoint> pts = t.points().stream().filter(p -> !Double.isNaN(p.value())).toList();
            if (pts.isEmpty()) {
                h.append("<p class=\"muted\">No values.</p>\n");
                continue;
            }
            double min = pts.stream().mapToDouble(QualityReport.TrendPoint::value).min().orElse(0);
            double max = pts.stream().mapToDouble(QualityReport.TrendPoint::value).max().orElse(1);
            if (max == min) {
                max = min + 1;
            }
            int w = 480;
            int ht = 160;
            int pad = 40;
            h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w + 2 * pad).append("\" height=\"")
                    .append(ht + 2 * pad).append("\" role=\"img\"><title>").append(esc(title)).append("</title>\n");
            h.append("<line x1=\"").append(pad).append("\" y1=\"").append(pad + ht).append("\" x2=\"").append(pad + w)
                    .append("\" y2=\"").append(pad + ht).append("\" stroke=\"#8c959f\"/>");
            h.append("<text x=\"2\" y=\"").append(pad + 4).append("\" font-size=\"10\">").append(fmt(max)).append("</text>");
            h.append("<text x=\"2\" y=\"").append(pad + ht).append("\" font-size=\"10\">").append(fmt(min)).append("</text>\n");
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < pts.size(); i++) {
                double x = pad + (pts.size() == 1 ? w / 2.0 : (double) i * w / (pts.size() - 1));
                double y = pad + ht - (pts.get(i).value() - min) / (max - min) * ht;
                line.append(i == 0 ? "" : " ").append(num(x)).append(',').append(num(y));
                h.append("<circle cx=\"").append(num(x)).append("\" cy=\"").append(num(y)).append("\" r=\"3\" fill=\"#0969da\">")
                        .append("<title>run ").append(pts.get(i).runId()).append(": ").append(fmt(pts.get(i).value()))
                        .append("</title></circle>");
                h.append("<text x=\"").append(num(x)).append("\" y=\"").append(pad + ht + 14)
                        .append("\" text-anchor=\"middle\" font-size=\"10\">").append(pts.get(i).runId()).append("</text>\n");
            }
            h.append("<polyline points=\"").append(line).append("\" fill=\"none\" stroke=\"#0969da\" stroke-width=\"2\"/>\n");
            h.append("</svg>\n");
        }
    }

    private static String qualified(String dataset, String column) {
        if (column == null) {
            return dataset == null ? "" : dataset;
        }
        return dataset == null ? column : dataset + "." + column;
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return Assertion.format(Math.abs(v) >= 1e6 || v == Math.rint(v) ? v : Math.round(v * 10000) / 10000.0);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Escapes text for XHTML content and attributes; characters XML 1.0 cannot carry become U+FFFD. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        b.append(c).append(s.charAt(++i));
                    } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || Character.isSurrogate(c)
                            || c == '\uFFFE' || c == '\uFFFF') {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
