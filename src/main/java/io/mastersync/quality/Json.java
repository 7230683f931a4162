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
}
