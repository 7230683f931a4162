package io.mastersync.load;

import java.util.Collections;

import io.mastersync.canonical.EntityType;

/**
 * The SQL around staging a feed, as pure functions of the entity, so it is unit-tested without a
 * database. It is the same for PostgreSQL and H2.
 */
public final class PublishSql {

    private PublishSql() {
    }

    /**
     * Removes what earlier runs staged for a source system before a migrate reloads it: migrate is a full
     * reload of a feed. Parameter: source system.
     */
    public static String clearFeed(EntityType entity) {
        return "DELETE FROM " + entity.stagingTable() + " WHERE source_system = ?";
    }

    /** Keys a run has staged for a feed so far. Parameters: run, feed. */
    public static String stagedKeys(EntityType entity) {
        return "SELECT source_key FROM " + entity.stagingTable() + " WHERE run_id = ? AND feed = ?";
    }

    /** Lineage of a staged row. Parameters: source system, source key. */
    public static String stagedLineage(EntityType entity) {
        return "SELECT record_no, source_file, source_line FROM " + entity.stagingTable()
                + " WHERE source_system = ? AND source_key = ?";
    }

    /** Parameters: source system, source key. */
    public static String deleteStaged(EntityType entity) {
        return "DELETE FROM " + entity.stagingTable() + " WHERE source_system = ? AND source_key = ?";
    }

    /** Rows of the run's feed whose value in {@code column} occurs more than once. Binds (run, feed) twice. */
    public static String sharedValues(EntityType entity, String column) {
        String table = entity.stagingTable();
        return "SELECT record_no, source_key, " + column + ", source_file, source_line FROM " + table
                + " WHERE run_id = ? AND feed = ? AND " + column + " IN (SELECT " + column + " FROM " + table
                + " WHERE run_id = ? AND feed = ? AND " + column + " IS NOT NULL GROUP BY " + column
                + " HAVING COUNT(*) > 1) ORDER BY record_no";
    }

    /**
     * Flags every row of the run's feed whose value in {@code column} occurs more than once, without the rows
     * leaving the database: one rej_reason row each, with the value as text and the message template's
     * {@code {value}} replaced by it. Parameters: run, feed, source system, field, rule id, severity, message
     * template, then (run, feed) twice.
     */
    public static String insertSharedValueReasons(EntityType entity, String column) {
        String table = entity.stagingTable();
        String value = "CAST(s." + column + " AS VARCHAR)";
        return "INSERT INTO rej_reason (run_id, feed, record_no, source_system, source_key, field, rule_id, severity,"
                + " message, bad_value) SELECT ?, ?, s.record_no, ?, s.source_key, ?, ?, ?, REPLACE(?, '{value}', " + value
                + "), " + value + " FROM " + table + " s WHERE s.run_id = ? AND s.feed = ? AND s." + column + " IN (SELECT "
                + column + " FROM " + table + " WHERE run_id = ? AND feed = ? AND " + column + " IS NOT NULL GROUP BY "
                + column + " HAVING COUNT(*) > 1)";
    }

    /** Removes rows that a set-based rule rejected after staging. Parameters: run, feed, record numbers. */
    public static String deleteStagedRecords(EntityType entity, int recordCount) {
        return "DELETE FROM " + entity.stagingTable() + " WHERE run_id = ? AND feed = ? AND record_no IN ("
                + String.join(", ", Collections.nCopies(recordCount, "?")) + ")";
    }

    /** Rows the run staged for the feed. Parameters: run, feed. */
    public static String countStaged(EntityType entity) {
        return "SELECT COUNT(*) FROM " + entity.stagingTable() + " WHERE run_id = ? AND feed = ?";
    }

    /** Counts rej_record rows of the run's feed by disposition. Parameters: run, feed. */
    public static String countDispositions() {
        return "SELECT disposition, COUNT(*) FROM rej_record WHERE run_id = ? AND feed = ? GROUP BY disposition";
    }

    /**
     * Loaded rows that carry at least one warning. Parameters: run, feed, run, feed. A set difference, not
     * an anti-join: right after a load the planner's statistics are stale and a nested loop would compare
     * every warning with every reject.
     */
    public static String countFlagged() {
        return "SELECT COUNT(*) FROM (SELECT record_no FROM rej_reason WHERE run_id = ? AND feed = ? AND severity ="
                + " 'warning' EXCEPT SELECT record_no FROM rej_record WHERE run_id = ? AND feed = ?) f";
    }

    /** Fresh planner statistics after a bulk load (PostgreSQL). */
    public static String analyze(EntityType entity) {
        return "ANALYZE " + entity.stagingTable() + ", rej_record, rej_reason";
    }
}
