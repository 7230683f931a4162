package io.mastersync.quality;

import java.util.List;

/** Minimal JSON text writing with correct escaping; safe to embed in HTML ({@code <>&} are escaped too). */
public final class Json {

    private Json() {
    }

    /** A JSON string literal, or {@code null}. */
    public static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** A JSON number, or {@code null} for NaN and infinities (which JSON cannot express). */
    public static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "null";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** Metric detail as {@code [{"value":..,"count":..,"share":..}, ...]}, or null when there is none. */
    public static String buckets(List<Metric.Bucket> buckets) {
        if (buckets == null || buckets.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder("[");
        for (Metric.Bucket bucket : buckets) {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append("{\"value\":").append(quote(bucket.value())).append(",\"count\":").append(bucket.count())
                    .append(",\"share\":").append(number(bucket.share())).append('}');
        }
        return b.append(']').toString();
    }

    /** Rows (column -> value) as {@code [{"c":"v",...}, ...]}, or null when there are none. */
    public static String rows(List<java.util.Map<String, String>> rows) {
        if (rows == null || rows.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder("[");
        for (java.util.Map<String, String> row : rows) {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append('{');
            boolean first = true;
            for (java.util.Map.Entry<String, String> e : row.entrySet()) {
                b.append(first ? "" : ",").append(quote(e.getKey())).append(':').append(quote(e.getValue()));
                first = false;
            }
            b.append('}');
        }
        return b.append(']').toString();
    }

    /** Reads what {@link #rows} wrote; an empty list for null. */
    public static List<java.util.Map<String, String>> parseRows(String json) {
        List<java.util.Map<String, String>> rows = new java.util.ArrayList<>();
        for (Object o : array(json)) {
            if (o instanceof java.util.Map<?, ?> m) {
                java.util.Map<String, String> row = new java.util.LinkedHashMap<>();
                m.forEach((k, v) -> row.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
                rows.add(java.util.Collections.unmodifiableMap(row));
            }
        }
        return rows;
    }

    /** Reads what {@link #buckets} wrote; an empty list for null. */
    public static List<Metric.Bucket> parseBuckets(String json) {
        List<Metric.Bucket> buckets = new java.util.ArrayList<>();
        for (Object o : array(json)) {
            if (o instanceof java.util.Map<?, ?> m) {
                Object count = m.get("count");
                Object share = m.get("share");
                buckets.add(new Metric.Bucket(m.get("value") == null ? null : String.valueOf(m.get("value")),
                        count instanceof Number n ? n.longValue() : 0L,
                        share instanceof Number n ? n.doubleValue() : Double.NaN));
            }
        }
        return buckets;
    }

    /** JSON is valid YAML flow syntax: the safe YAML loader reads what this class writes. */
    private static List<?> array(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        Object parsed = new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(
                new org.yaml.snakeyaml.LoaderOptions())).load(json);
        return parsed instanceof List<?> list ? list : List.of();
    }
}
