package io.mastersync.cli;

import java.util.Map;
import java.util.StringJoiner;

/** One change-feed row as a JSON object or a CSV line (with spreadsheet formulas neutralised). */
final class ChangeLines {

    private static final String[] COLUMNS = {"seq", "run_id", "feed", "entity", "source_system", "source_key",
            "change_kind", "changed_at"};

    private ChangeLines() {
    }

    static String json(Map<String, Object> row) {
        StringJoiner j = new StringJoiner(",", "{", "}");
        for (String c : COLUMNS) {
            Object v = row.get(c);
            String value = v == null ? "null" : v instanceof Number ? v.toString() : quote(text(v));
            j.add("\"" + c + "\":" + value);
        }
        return j.toString();
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

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static String csvCell(String s) {
        String safe = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
