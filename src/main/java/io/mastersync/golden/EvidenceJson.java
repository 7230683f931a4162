package io.mastersync.golden;

import java.util.List;

import io.mastersync.match.Evidence;

/**
 * The {@code evidence} column of {@code mdm_match_pair}:
 * {@code {"<comparison>": {"similarity": 0.9312, "level": ">=0.92", "weight": 3.1000}, ..., "steward": "same"}},
 * numbers with four decimals as {@link JsonText} writes them. Written straight into a StringBuilder: a run stores
 * a JSON object per scored pair, millions of them, and {@code String.format} per number took longer than the
 * matching.
 */
final class EvidenceJson {

    private EvidenceJson() {
    }

    static String write(List<Evidence> evidence, String steward) {
        StringBuilder sb = new StringBuilder(64 * evidence.size() + 24);
        sb.append('{');
        boolean first = true;
        for (Evidence e : evidence) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            JsonText.string(sb, e.comparisonId());
            sb.append(":{\"similarity\":");
            number(sb, e.similarity() == null ? Double.NaN : e.similarity());
            sb.append(",\"level\":");
            JsonText.string(sb, e.level());
            sb.append(",\"weight\":");
            number(sb, e.weight());
            sb.append('}');
        }
        if (steward != null) {
            if (!first) {
                sb.append(',');
            }
            sb.append("\"steward\":");
            JsonText.string(sb, steward);
        }
        return sb.append('}').toString();
    }

    /**
     * Four decimals, like {@code String.format("%.4f")}, or null for NaN and infinities. Rounds the binary value
     * (half away from zero) where the formatter rounds its shortest decimal form, which can differ in the last
     * digit for values exactly halfway: irrelevant for evidence shown to stewards.
     */
    static void number(StringBuilder sb, double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            sb.append("null");
            return;
        }
        double abs = Math.abs(d);
        if (abs >= 1e14) {
            sb.append(String.format(java.util.Locale.ROOT, "%.4f", d));
            return;
        }
        if (d < 0 || (d == 0 && 1 / d < 0)) {
            sb.append('-');
        }
        long scaled = Math.round(abs * 10_000);
        sb.append(scaled / 10_000).append('.');
        long frac = scaled % 10_000;
        if (frac < 1000) {
            sb.append('0');
        }
        if (frac < 100) {
            sb.append('0');
        }
        if (frac < 10) {
            sb.append('0');
        }
        sb.append(frac);
    }
}
