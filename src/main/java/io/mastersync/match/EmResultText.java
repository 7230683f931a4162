package io.mastersync.match;

import java.util.Arrays;
import java.util.Locale;

/**
 * An estimated model as text, so that an incremental match can score with the parameters the last full match
 * estimated: {@code lambda=...}, then one line {@code m=} and one {@code u=}, comparisons separated by {@code ;},
 * levels by {@code ,}. Doubles are written in their shortest exact form, so a round trip gives the same bits.
 */
public final class EmResultText {

    private EmResultText() {
    }

    public static String format(EmResult fit) {
        return "lambda=" + fit.lambda() + "\nm=" + matrix(fit.m()) + "\nu=" + matrix(fit.u()) + "\n";
    }

    /**
     * The model in {@code text}, or null when it is not one or does not fit comparisons with these level counts
     * (the match settings changed since it was estimated).
     */
    public static EmResult parse(String text, int[] levelCounts) {
        if (text == null) {
            return null;
        }
        String[] lines = text.strip().split("\n");
        if (lines.length != 3 || !lines[0].startsWith("lambda=") || !lines[1].startsWith("m=")
                || !lines[2].startsWith("u=")) {
            return null;
        }
        try {
            double lambda = Double.parseDouble(lines[0].substring(7));
            double[][] m = matrix(lines[1].substring(2));
            double[][] u = matrix(lines[2].substring(2));
            if (!fits(m, levelCounts) || !fits(u, levelCounts) || !(lambda > 0 && lambda < 1)) {
                return null;
            }
            return new EmResult(lambda, m, u, 0, true);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean fits(double[][] p, int[] levelCounts) {
        if (p.length != levelCounts.length) {
            return false;
        }
        for (int c = 0; c < p.length; c++) {
            if (p[c].length != levelCounts[c] || Arrays.stream(p[c]).anyMatch(v -> !(v >= 0 && v <= 1))) {
                return false;
            }
        }
        return true;
    }

    private static String matrix(double[][] p) {
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < p.length; c++) {
            out.append(c == 0 ? "" : ";");
            for (int l = 0; l < p[c].length; l++) {
                out.append(l == 0 ? "" : ",").append(Double.toString(p[c][l]));
            }
        }
        return out.toString();
    }

    private static double[][] matrix(String text) {
        if (text.isEmpty()) {
            return new double[0][];
        }
        String[] rows = text.split(";", -1);
        double[][] p = new double[rows.length][];
        for (int c = 0; c < rows.length; c++) {
            String[] cells = rows[c].split(",", -1);
            p[c] = new double[cells.length];
            for (int l = 0; l < cells.length; l++) {
                p[c][l] = Double.parseDouble(cells[l].trim().toLowerCase(Locale.ROOT));
            }
        }
        return p;
    }
}
