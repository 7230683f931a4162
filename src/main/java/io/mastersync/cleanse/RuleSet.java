package io.mastersync.cleanse;

import java.util.List;

/**
 * Cleansing and validation rules declared as data (a rules file): normalizers rewrite field values,
 * checks add violations. Runs after column mapping and before typed parsing and Bean Validation.
 * Implementations are immutable and thread-safe; per-run statistics go through {@link RuleStatistics}.
 */
public interface RuleSet {

    /**
     * Applies the rules to one row in place.
     *
     * @param fields     the row's field texts, rewritten by normalizers
     * @param violations where checks add what they find
     * @param changes    where normalizers record each value they rewrote
     * @return the rule that filters this row out, or null to keep it
     */
    Violation apply(FieldValues fields, List<Violation> violations, List<FieldChange> changes);

    /** A content hash of the rules in force, stored with every run; empty string for no rules. */
    String hash();

    /** No rules: the canonical model's built-in constraints alone decide. */
    RuleSet NONE = new RuleSet() {
        @Override
        public Violation apply(FieldValues fields, List<Violation> violations, List<FieldChange> changes) {
            return null;
        }

        @Override
        public String hash() {
            return "";
        }
    };
}
