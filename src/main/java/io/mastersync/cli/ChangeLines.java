package io.mastersync.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import io.mastersync.golden.JsonText;
import io.mastersync.quality.SpreadsheetCell;

/** One change-feed row as a JSON object or a CSV line (with spreadsheet formulas neutralised). */
final class ChangeLines {

    private static final String[] COLUMNS = {"seq", "run_id", "feed", "entity", "source_system", "source_key",
            "change_kind", "changed_at"};

    private ChangeLines() {
    }

    static String json(Map<String, Object> row) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String c : COLUMNS) {
            Object v = row.get(c);
            ordered.put(c, v == null || v instanceof Number ? v : text(v));
        }
        return JsonText.write(ordered);
    }

    static String csv(Map<String, Object> row) {
        StringJoiner j = new StringJoiner(",");
        for (String c : COLUMNS) {
            Object v = row.get(c);
            j.add(v == null ? "" : csvCell(text(v)));
        }
        return j.toString();
    }

    private static String text(Object v) {
        return v instanceof java.sql.Timestamp t ? t.toLocalDateTime().toString() : v.toString();
    }

    private static String csvCell(String s) {
        String safe = SpreadsheetCell.neutralise(s);
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
