package io.mastersync.cleanse;

import java.util.List;

import io.mastersync.canonical.CanonicalRecord;
import io.mastersync.source.RowLineage;

/**
 * What became of one source row after cleansing and validation. Every row read gets exactly one
 * outcome, which is what makes read = loaded + rejected + filtered add up.
 */
public sealed interface RowOutcome {

    RowLineage lineage();

    /** The source key as far as it could be determined; null when the row had none. */
    String sourceKey();

    /** The values that normalizers rewrote in this row; empty when none. */
    List<FieldChange> changes();

    /**
     * Valid: staged, with the warnings that flag it.
     *
     * @param sourceFingerprint the fingerprint of the source values it was cleansed from, when a later sync may
     *                          skip cleansing an identical row; 0 when it may not (the row has warnings, which
     *                          must be recorded again in each run)
     */
    record Accepted(CanonicalRecord record, RowLineage lineage, List<Violation> warnings, List<FieldChange> changes,
            long sourceFingerprint) implements RowOutcome {

        public Accepted(CanonicalRecord record, RowLineage lineage, List<Violation> warnings,
                List<FieldChange> changes) {
            this(record, lineage, warnings, changes, 0);
        }

        @Override
        public String sourceKey() {
            return record.sourceKey();
        }
    }

    /** Invalid: kept in the rejects table with every reason (errors and warnings). */
    record Rejected(String sourceKey, RowLineage lineage, List<Violation> reasons, List<FieldChange> changes)
            implements RowOutcome {
    }

    /**
     * Read in a sync and not cleansed: its source values, rules and setup are exactly those of the row staged
     * under {@code keyHash}, so cleansing would give the staged record again.
     */
    record Unchanged(long keyHash, long sourceFingerprint, RowLineage lineage) implements RowOutcome {
        /** Not known without cleansing; the staged row has it. */
        @Override
        public String sourceKey() {
            return null;
        }

        @Override
        public List<FieldChange> changes() {
            return List.of();
        }
    }

    /** Deliberately left out by a rule (for example a test record); kept with the rule that filtered it. */
    record Filtered(String sourceKey, RowLineage lineage, Violation rule, List<FieldChange> changes)
            implements RowOutcome {
    }
}
