package io.mastersync.load;

import java.util.List;
import java.util.stream.Collectors;

import io.mastersync.canonical.EntityType;

/**
 * The SQL that publishes a feed's landing rows into its staging table, per dialect. Pure functions of
 * the entity and dialect, so they are unit-tested without a database. Parameters are always
 * (run_id, feed) in that order.
 */
public final class PublishSql {

    private PublishSql() {
    }

    /** Counts keys that occur more than once in the run's landing rows. */
    public static String countDuplicateKeys(EntityType entity) {
        return "SELECT COUNT(*) FROM (SELECT source_key FROM " + StagingColumns.loadTable(entity)
                + " WHERE run_id = ? AND feed = ? GROUP BY source_key HAVING COUNT(*) > 1) d";
    }

    /**
     * Records every landing row that a later row with the same key supersedes, naming the winner's line.
     * Extra parameters after (run_id, feed): entity code.
     */
    public static String recordSuperseded(EntityType entity) {
        return "INSERT INTO rej_record (run_id, feed, record_no, source_system, entity, source_key, disposition,"
                + " source_file, source_line, raw_record, reasons, rejected_at)"
                + " SELECT run_id, feed, record_no, source_system, ?, source_key, 'superseded', source_file,"
                + " source_line, NULL, '[error duplicate-key] source key ''' || source_key || ''' appears again at line '"
                + " || CAST(winner_line AS VARCHAR) || ' of ' || winner_file || ': the later row wins', CURRENT_TIMESTAMP"
                + " FROM (" + ranked(entity) + ") x WHERE rn > 1";
    }

    /** One rule-outcome row per superseded landing row, so per-rule counts include duplicate keys. */
    public static String recordSupersededReasons(EntityType entity) {
        return "INSERT INTO rej_reason (run_id, feed, record_no, source_system, source_key, field, rule_id, severity,"
                + " message, bad_value)"
                + " SELECT run_id, feed, record_no, source_system, source_key, 'source-key', 'duplicate-key', 'error',"
                + " 'source-key: ''' || source_key || ''' appears again at line ' || CAST(winner_line AS VARCHAR)"
                + " || ' of ' || winner_file || ': the later row wins', source_key"
                + " FROM (" + ranked(entity) + ") x WHERE rn > 1";
    }

    /** Removes the superseded landing rows (recorded before), leaving one row per key. Binds (run, feed) twice. */
    public static String deleteSuperseded(EntityType entity) {
        return "DELETE FROM " + StagingColumns.loadTable(entity) + " WHERE run_id = ? AND feed = ? AND record_no IN"
                + " (SELECT record_no FROM (" + ranked(entity) + ") x WHERE rn > 1)";
    }

    /** Landing rows whose value in {@code column} occurs in more than one row of the run's feed. */
    public static String sharedValues(EntityType entity, String column) {
        String load = StagingColumns.loadTable(entity);
        return "SELECT record_no, source_key, " + column + " FROM " + load + " WHERE run_id = ? AND feed = ? AND "
                + column + " IN (SELECT " + column + " FROM " + load + " WHERE run_id = ? AND feed = ? AND " + column
                + " IS NOT NULL GROUP BY " + column + " HAVING COUNT(*) > 1) ORDER BY record_no";
    }

    /** Moves landing rows rejected after extraction (by a set-based rule) out of the landing table. */
    public static String deleteLandingRecords(EntityType entity, int recordCount) {
        return "DELETE FROM " + StagingColumns.loadTable(entity) + " WHERE run_id = ? AND feed = ? AND record_no IN ("
                + String.join(", ", java.util.Collections.nCopies(recordCount, "?")) + ")";
    }

    /** The lineage of landing rows, to record the ones a set-based rule rejects. */
    public static String landingLineage(EntityType entity) {
        return "SELECT record_no, source_file, source_line FROM " + StagingColumns.loadTable(entity)
                + " WHERE run_id = ? AND feed = ? AND record_no = ?";
    }

    /**
     * Upserts the run's landing rows (one per key by now) into the staging table. Re-migrating a key
     * replaces its previous staged row.
     */
    public static String upsert(EntityType entity, SqlDialect dialect) {
        List<String> columns = StagingColumns.all(entity);
        String columnList = String.join(", ", columns);
        String select = "SELECT " + columnList + " FROM " + StagingColumns.loadTable(entity)
                + " WHERE run_id = ? AND feed = ?";
        if (dialect == SqlDialect.H2) {
            return "MERGE INTO " + entity.stagingTable() + " (" + columnList + ") KEY (source_system, source_key) "
                    + select;
        }
        String updates = columns.stream().filter(c -> !c.equals("source_system") && !c.equals("source_key"))
                .map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
        return "INSERT INTO " + entity.stagingTable() + " (" + columnList + ") " + select
                + " ON CONFLICT (source_system, source_key) DO UPDATE SET " + updates;
    }

    public static String deleteLanding(EntityType entity) {
        return "DELETE FROM " + StagingColumns.loadTable(entity) + " WHERE run_id = ? AND feed = ?";
    }

    /** Counts rej_record rows of the run's feed by disposition. */
    public static String countDispositions() {
        return "SELECT disposition, COUNT(*) FROM rej_record WHERE run_id = ? AND feed = ? GROUP BY disposition";
    }

    /** Loaded rows that carry at least one warning. */
    public static String countFlagged() {
        return "SELECT COUNT(DISTINCT r.record_no) FROM rej_reason r WHERE r.run_id = ? AND r.feed = ?"
                + " AND r.severity = 'warning' AND NOT EXISTS (SELECT 1 FROM rej_record j WHERE j.run_id = r.run_id"
                + " AND j.feed = r.feed AND j.record_no = r.record_no)";
    }

    /** Landing rows ranked newest-first per key, with the winning row's file and line. */
    private static String ranked(EntityType entity) {
        String window = "OVER (PARTITION BY source_key ORDER BY record_no DESC)";
        return "SELECT l.*, ROW_NUMBER() " + window + " AS rn, FIRST_VALUE(source_line) " + window
                + " AS winner_line, FIRST_VALUE(source_file) " + window + " AS winner_file FROM "
                + StagingColumns.loadTable(entity) + " l WHERE run_id = ? AND feed = ?";
    }
}
