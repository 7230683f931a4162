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

    /** Receives one slice of the keys of one source system. */
    @FunctionalInterface
    interface KeySlice {
        void accept(String system, List<String> keys);
    }

    /**
     * The (source system, source key) pairs grouped by system, in slices of at most {@code size} keys: for
     * statements {@code ... source_system = ? AND source_key IN (?, ?, ...)}.
     */
    static void keysBySystem(List<String[]> keys, int size, KeySlice each) {
        java.util.Map<String, List<String>> bySystem = new java.util.TreeMap<>();
        for (String[] k : keys) {
            bySystem.computeIfAbsent(k[0], x -> new java.util.ArrayList<>()).add(k[1]);
        }
        bySystem.forEach((system, all) -> of(all, size).forEach(slice -> each.accept(system, slice)));
    }

    /** {@code ?, ?, ...}: n parameter marks. */
    static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    static void insert(JdbcTemplate jdbc, String sql, List<Object[]> rows, int[] types) {
        for (int from = 0; from < rows.size(); from += SLICE) {
            jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + SLICE)), types);
        }
    }
}
