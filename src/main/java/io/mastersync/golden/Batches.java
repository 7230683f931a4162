package io.mastersync.golden;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** Batched statements in slices, so a million rows never sit in one JDBC batch or one IN list. */
final class Batches {

    static final int SLICE = 5000;

    private Batches() {
    }

    /** The list in consecutive slices of at most {@code size} elements. */
    static <T> List<List<T>> of(List<T> list, int size) {
        List<List<T>> out = new java.util.ArrayList<>();
        for (int from = 0; from < list.size(); from += size) {
            out.add(list.subList(from, Math.min(list.size(), from + size)));
        }
        return out;
    }

    static void insert(JdbcTemplate jdbc, String sql, List<Object[]> rows, int[] types) {
        for (int from = 0; from < rows.size(); from += SLICE) {
            jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + SLICE)), types);
        }
    }
}
