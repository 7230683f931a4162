package io.mastersync.quality;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

import static io.mastersync.quality.Json.number;
import static io.mastersync.quality.Json.quote;

/** Writes a {@link QualityReport} as JSON (by hand: no JSON library needed, every string escaped). */
public final class JsonReportWriter {

    public String toJson(QualityReport report) {
        StringWriter out = new StringWriter();
        write(report, out);
        return out.toString();
    }

    public void write(QualityReport report, Writer writer) {
        StringBuilder b = new StringBuilder(4096);
        b.append("{\n  \"runId\": ").append(report.runId());
        b.append(",\n  \"generatedAt\": ").append(quote(String.valueOf(report.generatedAt())));
        b.append(",\n  \"verdict\": ").append(quote(report.verdict().code()));
        b.append(",\n  \"feeds\": [");
        sep(b, report.feeds(), (f, s) -> s.append("{\"feed\":").append(quote(f.feed())).append(",\"entity\":")
                .append(quote(f.entity())).append(",\"read\":").append(f.read()).append(",\"loaded\":").append(f.loaded())
                .append(",\"rejected\":").append(f.rejected()).append(",\"superseded\":").append(f.superseded())
                .append(",\"filtered\":").append(f.filtered()).append(",\"flagged\":").append(f.flagged()).append('}'));
        b.append("],\n  \"checks\": [");
        sep(b, report.checks(), (r, s) -> {
            s.append("{\"id\":").append(quote(r.checkId())).append(",\"severity\":").append(quote(r.severity().code()))
                    .append(",\"status\":").append(quote(r.status().code())).append(",\"dataset\":").append(quote(r.dataset()))
                    .append(",\"column\":").append(quote(r.column())).append(",\"metric\":").append(quote(r.metric()))
                    .append(",\"value\":").append(number(r.metricValue())).append(",\"expectation\":")
                    .append(quote(r.expectation())).append(",\"message\":").append(quote(r.message())).append(",\"examples\":[");
            sep(s, r.examples(), (ex, t) -> row(t, ex));
            s.append("]}");
        });
        b.append("],\n  \"ruleOutcomes\": [");
        sep(b, report.ruleOutcomes(), (r, s) -> {
            s.append("{\"feed\":").append(quote(r.feed())).append(",\"rule\":").append(quote(r.ruleId()))
                    .append(",\"severity\":").append(quote(r.severity())).append(",\"count\":").append(r.count())
                    .append(",\"examples\":[");
            sep(s, r.examples(), (ex, t) -> row(t, ex));
            s.append("]}");
        });
        b.append("],\n  \"normalizers\": [");
        sep(b, report.normalizers(), (n, s) -> {
            s.append("{\"feed\":").append(quote(n.feed())).append(",\"normalizer\":").append(quote(n.normalizer()))
                    .append(",\"field\":").append(quote(n.field())).append(",\"changed\":").append(n.changed())
                    .append(",\"examples\":[");
            sep(s, n.examples(), (c, t) -> t.append("{\"before\":").append(quote(c.before())).append(",\"after\":")
                    .append(quote(c.after())).append('}'));
            s.append("]}");
        });
        b.append("],\n  \"columns\": [");
        sep(b, report.columns(), (c, s) -> {
            s.append("{\"dataset\":").append(quote(c.dataset())).append(",\"column\":").append(quote(c.column()))
                    .append(",\"metrics\":[");
            sep(s, c.metrics(), (m, t) -> {
                t.append("{\"name\":").append(quote(m.name())).append(",\"value\":").append(number(m.value()));
                if (!m.detail().isEmpty()) {
                    t.append(",\"detail\":").append(Json.buckets(m.detail()));
                }
                t.append('}');
            });
            s.append("]}");
        });
        b.append("],\n  \"trends\": [");
        sep(b, report.trends(), (t, s) -> {
            s.append("{\"dataset\":").append(quote(t.dataset())).append(",\"column\":").append(quote(t.column()))
                    .append(",\"metric\":").append(quote(t.metric())).append(",\"points\":[");
            sep(s, t.points(), (p, u) -> u.append("{\"runId\":").append(p.runId()).append(",\"value\":")
                    .append(number(p.value())).append('}'));
            s.append("]}");
        });
        b.append("]\n}\n");
        try {
            writer.write(b.toString());
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(StringBuilder b, Map<String, String> row) {
        b.append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : row.entrySet()) {
            if (!first) {
                b.append(',');
            }
            first = false;
            b.append(quote(e.getKey())).append(':').append(quote(e.getValue()));
        }
        b.append('}');
    }

    private interface Item<T> {
        void append(T item, StringBuilder b);
    }

    private static <T> void sep(StringBuilder b, List<T> items, Item<T> item) {
        for (int i = 0; i < items.size(); i++) {
            b.append(i == 0 ? "\n    " : ",\n    ");
            item.append(items.get(i), b);
        }
        if (!items.isEmpty()) {
            b.append("\n  ");
        }
    }
}
