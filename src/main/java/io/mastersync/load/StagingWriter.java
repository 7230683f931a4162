package io.mastersync.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.mastersync.cleanse.FieldChange;
import io.mastersync.cleanse.RowOutcome;
import io.mastersync.cleanse.Violation;
import io.mastersync.source.RowLineage;

/**
 * Writes one chunk of row outcomes: accepted rows to the feed's landing table, rejected and filtered
 * rows to {@code rej_record}, and every rule outcome (errors and warnings) to {@code rej_reason}. Uses the
 * caller's connection so that the chunk commits atomically with the step's restart state. Thread-safe.
 */
public final class StagingWriter {

    static final List<String> REJECT_COLUMNS = List.of("run_id", "feed", "record_no", "source_system", "entity",
            "source_key", "disposition", "source_file", "source_line", "raw_record", "reasons", "rejected_at");
    static final List<String> REASON_COLUMNS = List.of("run_id", "feed", "record_no", "source_system", "source_key",
            "field", "rule_id", "severity", "message", "bad_value");
    static final List<String> COUNT_COLUMNS = List.of("run_id", "feed", "normalizer", "field", "changed_count");
    static final List<String> EXAMPLE_COLUMNS = List.of("run_id", "feed", "normalizer", "field", "before_value",
            "after_value");
    private static final int MAX_VALUE_LENGTH = 2000;
    /** Before/after examples kept per normalizer and step execution: enough to show a steward what happened. */
    private static final int EXAMPLES_PER_NORMALIZER = 5;

    private final RunFeed feed;
    private final BulkInserter inserter;
    private final List<String> stagingColumns;
    private final String loadTable;
    private final Map<String, Integer> examplesWritten = new ConcurrentHashMap<>();

    public StagingWriter(RunFeed feed, SqlDialect dialect) {
        this.feed = feed;
        this.inserter = BulkInserter.forDialect(dialect);
        this.stagingColumns = StagingColumns.all(feed.entity());
        this.loadTable = StagingColumns.loadTable(feed.entity());
    }

    public void write(Connection connection, List<? extends RowOutcome> outcomes) throws SQLException {
        LocalDateTime now = LocalDateTime.now();
        List<Object[]> staged = new ArrayList<>(outcomes.size());
        List<Object[]> rejects = new ArrayList<>();
        List<Object[]> reasons = new ArrayList<>();
        Map<String, long[]> changeCounts = new TreeMap<>();
        List<Object[]> examples = new ArrayList<>();
        for (RowOutcome outcome : outcomes) {
            countChanges(outcome.changes(), changeCounts, examples);
            if (outcome instanceof RowOutcome.Accepted a) {
                staged.add(stagedRow(a, now));
                addReasons(reasons, a.lineage(), a.sourceKey(), a.warnings());
            } else if (outcome instanceof RowOutcome.Rejected r) {
                rejects.add(rejectRow(r, "rejected", r.reasons(), now));
                addReasons(reasons, r.lineage(), r.sourceKey(), r.reasons());
            } else if (outcome instanceof RowOutcome.Filtered f) {
                rejects.add(rejectRow(f, "filtered", List.of(f.rule()), now));
                addReasons(reasons, f.lineage(), f.sourceKey(), List.of(f.rule()));
            }
        }
        inserter.insert(connection, loadTable, stagingColumns, staged);
        inserter.insert(connection, "rej_record", REJECT_COLUMNS, rejects);
        inserter.insert(connection, "rej_reason", REASON_COLUMNS, reasons);
        if (!changeCounts.isEmpty()) {
            List<Object[]> counts = new ArrayList<>(changeCounts.size());
            changeCounts.forEach((key, n) -> {
                int tab = key.indexOf('\t');
                counts.add(new Object[] {feed.runId(), feed.feed(), key.substring(0, tab), key.substring(tab + 1), n[0]});
            });
            inserter.insert(connection, "dq_normalizer_count", COUNT_COLUMNS, counts);
            inserter.insert(connection, "dq_normalizer_example", EXAMPLE_COLUMNS, examples);
        }
    }

    private void countChanges(List<FieldChange> changes, Map<String, long[]> counts, List<Object[]> examples) {
        for (FieldChange change : changes) {
            counts.computeIfAbsent(change.normalizer() + "\t" + change.field(), k -> new long[1])[0]++;
            if (examplesWritten.merge(change.normalizer(), 1, Integer::sum) <= EXAMPLES_PER_NORMALIZER) {
                examples.add(new Object[] {feed.runId(), feed.feed(), change.normalizer(), change.field(),
                        clip(change.before(), MAX_VALUE_LENGTH), clip(change.after(), MAX_VALUE_LENGTH)});
            }
        }
    }

    private Object[] stagedRow(RowOutcome.Accepted a, LocalDateTime now) {
        Object[] values = a.record().values();
        Object[] row = new Object[values.length + StagingColumns.LINEAGE.size()];
        System.arraycopy(values, 0, row, 0, values.length);
        int i = values.length;
        RowLineage lineage = a.lineage();
        row[i++] = feed.runId();
        row[i++] = feed.feed();
        row[i++] = lineage.origin();
        row[i++] = lineage.line();
        row[i++] = lineage.recordNumber();
        row[i] = now;
        return row;
    }

    private Object[] rejectRow(RowOutcome outcome, String disposition, List<Violation> why, LocalDateTime now) {
        RowLineage lineage = outcome.lineage();
        return new Object[] {feed.runId(), feed.feed(), lineage.recordNumber(), feed.sourceSystem(),
                feed.entity().code(), clip(outcome.sourceKey(), 128), disposition, lineage.origin(), lineage.line(),
                lineage.raw(), summary(why), now};
    }

    private void addReasons(List<Object[]> reasons, RowLineage lineage, String sourceKey, List<Violation> violations) {
        for (Violation v : violations) {
            reasons.add(new Object[] {feed.runId(), feed.feed(), lineage.recordNumber(), feed.sourceSystem(),
                    clip(sourceKey, 128), v.field(), v.rule(), v.severity().code(), clip(v.message(), MAX_VALUE_LENGTH),
                    clip(v.value(), MAX_VALUE_LENGTH)});
        }
    }

    /** The reasons of a reject in one readable line, for people who read the table or its CSV export. */
    static String summary(List<Violation> violations) {
        StringBuilder sb = new StringBuilder();
        for (Violation v : violations) {
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            sb.append('[').append(v.severity().code()).append(' ').append(v.rule()).append("] ").append(v.message());
        }
        return sb.toString();
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
