package io.mastersync.golden;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** Batched inserts in slices, so a million rows never sit in one JDBC batch. */
final class Batches {

    static final int SLICE = 5000;

    private Batches() {
    }

    static void insert(JdbcTemplate jdbc, String sql, List<Object[]> rows, int[] types) {
        for (int from = 0; from < rows.size(); from += SLICE) {
            jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + SLICE)), types);
        }
    }
}
