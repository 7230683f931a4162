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

    /**
     * A sync's pending rows (new and changed) that take a value in {@code column} which another pending row of a
     * different key has, or a live staged row of the source system that this sync does not replace. A row that
     * keeps the value its staged version had is not one of them: a duplicate it is part of was taken by the other
     * row. A staged row this sync deletes ({@code sync_gone}) holds its value no longer. The condition on alias {@code s} (a pending row). The shared values are found by uncorrelated
     * subqueries, which the database runs once (hashed): correlated per pending row, with an OR between them, they
     * scanned the million staged rows once per changed row. Parameters: run, feed, source system, run, feed, run,
     * feed, run, feed.
     */
    static String pendingShared(EntityType entity, String pendingTable, String column) {
        String staging = entity.stagingTable();
        return "s." + column + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + staging + " o WHERE"
                + " o.source_system = s.source_system AND o.source_key = s.source_key AND o.deleted_at IS NULL AND o."
                + column + " = s." + column + ") AND s." + column + " IN ("
                + "SELECT q." + column + " FROM " + pendingTable + " q WHERE q.run_id = ? AND q.feed = ? AND q." + column
                + " IS NOT NULL GROUP BY q." + column + " HAVING COUNT(*) > 1"
                + " UNION SELECT t." + column + " FROM " + staging + " t WHERE t.source_system = ? AND t.deleted_at IS NULL"
                + " AND t." + column + " IN (SELECT v." + column + " FROM " + pendingTable + " v WHERE v.run_id = ? AND"
                + " v.feed = ?) AND NOT EXISTS (SELECT 1 FROM " + pendingTable + " r WHERE r.run_id = ? AND r.feed = ?"
                + " AND r.source_key = t.source_key) AND NOT EXISTS (SELECT 1 FROM sync_gone g WHERE g.run_id = ? AND"
                + " g.feed = ? AND g.source_key = t.source_key))";
    }

    /** Pending rows of the run's feed sharing a value (see {@link #pendingShared}). Binds run, feed, then those. */
    static String sharedPendingValues(EntityType entity, String pendingTable, String column) {
        return "SELECT s.record_no, s.source_key, s." + column + ", s.source_file, s.source_line FROM " + pendingTable
                + " s WHERE s.run_id = ? AND s.feed = ? AND " + pendingShared(entity, pendingTable, column)
                + " ORDER BY s.record_no";
    }

    /**
     * Flags pending rows sharing a value, as {@link #insertSharedValueReasons} does for staged ones. Parameters:
     * run, feed, source system, field, rule id, severity, message template, run, feed, then those of
     * {@link #pendingShared}.
     */
    static String insertSharedPendingValueReasons(EntityType entity, String pendingTable, String column) {
        String value = "CAST(s." + column + " AS VARCHAR)";
        return "INSERT INTO rej_reason (run_id, feed, record_no, source_system, source_key, field, rule_id, severity,"
                + " message, bad_value) SELECT ?, ?, s.record_no, ?, s.source_key, ?, ?, ?, REPLACE(?, '{value}', " + value
                + "), " + value + " FROM " + pendingTable + " s WHERE s.run_id = ? AND s.feed = ? AND "
                + pendingShared(entity, pendingTable, column);
    }

    /** Removes rows that a set-based rule rejected after staging. Parameters: run, feed, record numbers. */
    public static String deleteStagedRecords(EntityType entity, int recordCount) {
        return deleteRecords(entity.stagingTable(), recordCount);
    }

    /** Removes rows of the run's feed from a staging or pending table. Parameters: run, feed, record numbers. */
    static String deleteRecords(String table, int recordCount) {
        return "DELETE FROM " + table + " WHERE run_id = ? AND feed = ? AND record_no IN ("
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
