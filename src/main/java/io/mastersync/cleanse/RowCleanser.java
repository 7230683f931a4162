package io.mastersync.cleanse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.mastersync.canonical.CanonicalRecord;
import io.mastersync.canonical.EntityType;
import io.mastersync.canonical.RecordFingerprint;
import io.mastersync.source.ColumnLayout;
import io.mastersync.source.ColumnMapping;
import io.mastersync.source.RowProblem;
import io.mastersync.source.SourceRow;

/**
 * Turns one source row into its outcome: mapped to canonical fields, trimmed, passed through the
 * feed's rules, parsed into a typed record and validated. Never throws for bad data: every row gets an
 * {@link RowOutcome}. Thread-safe once constructed (the bound mappings are cached per column layout).
 */
public final class RowCleanser {

    private final EntityType entity;
    private final String sourceSystem;
    private final ColumnMapping mapping;
    private final String jobFile;
    private final RuleSet rules;
    private final RecordAssembler assembler;
    private final RecordValidator validator;
    private final int sourceSystemIndex;
    private final int sourceKeyIndex;
    private final long fingerprintSeed;
    private final Map<ColumnLayout, BoundFields> bound = new ConcurrentHashMap<>();
    /** The layout of the previous row and its binding: rows of one file share the layout instance. */
    private volatile LastBinding last;

    public RowCleanser(EntityType entity, String sourceSystem, ColumnMapping mapping, String jobFile, RuleSet rules,
            ValueFormats formats, RecordValidator validator) {
        this.entity = entity;
        this.sourceSystem = sourceSystem;
        this.mapping = mapping;
        this.jobFile = jobFile;
        this.rules = rules;
        this.assembler = new RecordAssembler(entity, formats);
        this.validator = validator;
        this.sourceSystemIndex = entity.indexOf("source-system");
        this.sourceKeyIndex = entity.indexOf("source-key");
        this.fingerprintSeed = RecordFingerprint.seed(setup(entity, sourceSystem, mapping, formats, rules));
    }

    /**
     * Everything besides the source values that decides what a row cleanses to. The software revision is in it
     * because a new release may normalize differently; job-file line numbers are not.
     */
    private static String setup(EntityType entity, String sourceSystem, ColumnMapping mapping, ValueFormats formats,
            RuleSet rules) {
        StringBuilder sb = new StringBuilder(SOFTWARE_REVISION).append('\u0001').append(entity.code()).append('\u0001')
                .append(sourceSystem).append('\u0001').append(formats).append('\u0001').append(rules.hash());
        mapping.fields().forEach((field, source) -> {
            sb.append('\u0001').append(field).append('=');
            if (source instanceof ColumnMapping.Columns columns) {
                sb.append(columns.names()).append(columns.separator());
            } else if (source instanceof ColumnMapping.Constant constant) {
                sb.append("const:").append(constant.value());
            }
        });
        return sb.toString();
    }

    /** The jar's version, or "dev" when run from classes; a release re-cleanses every row once. */
    private static final String SOFTWARE_REVISION = java.util.Objects.requireNonNullElse(
            RowCleanser.class.getPackage().getImplementationVersion(), "dev");

    /**
     * The fingerprint of what this row would be cleansed from: its mapped source values plus this cleanser's
     * setup. Equal fingerprints cleanse to the same outcome. 0 for a row with read problems.
     */
    public long sourceFingerprint(SourceRow row) {
        if (!row.isClean()) {
            return 0;
        }
        return RecordFingerprint.source(fingerprintSeed, binding(row).mapping.extract(row.values()));
    }

    public RowOutcome cleanse(SourceRow row) {
        BoundFields fields = binding(row);
        FieldValues values = new FieldValues(entity);
        String[] mapped = fields.mapping.extract(row.values());
        long fingerprint = row.isClean() ? RecordFingerprint.source(fingerprintSeed, mapped) : 0;
        for (int f = 0; f < mapped.length; f++) {
            values.set(fields.targets[f], blankToNull(mapped[f]));
        }
        values.set(sourceSystemIndex, sourceSystem);
        if (!row.isClean()) {
            return new RowOutcome.Rejected(values.get(sourceKeyIndex), row.lineage(), readProblems(row.problems()),
                    List.of());
        }
        List<Violation> violations = new ArrayList<>(2);
        List<FieldChange> changes = new ArrayList<>(2);
        Violation filter = rules.apply(values, violations, changes);
        List<FieldChange> changed = changes.isEmpty() ? List.of() : List.copyOf(changes);
        if (filter != null) {
            return new RowOutcome.Filtered(values.get(sourceKeyIndex), row.lineage(), filter, changed);
        }
        int fromRules = violations.size();
        CanonicalRecord record = assembler.assemble(values, violations);
        validator.validate(record, violations);
        if (values.hasUnreadable()) {
            // a value a normalizer rejected is not parsed or validated again: one reason for one cause
            dropRepeatedReasons(values, violations, fromRules);
        }
        for (Violation v : violations) {
            if (v.isError()) {
                return new RowOutcome.Rejected(values.get(sourceKeyIndex), row.lineage(), List.copyOf(violations),
                        changed);
            }
        }
        if (violations.isEmpty()) {
            return new RowOutcome.Accepted(record, row.lineage(), List.of(), changed, fingerprint);
        }
        return new RowOutcome.Accepted(record, row.lineage(), List.copyOf(violations), changed, 0);
    }

    private BoundFields binding(SourceRow row) {
        LastBinding previous = last;
        if (previous != null && previous.layout == row.layout()) {
            return previous.fields;
        }
        BoundFields fields = bound.computeIfAbsent(row.layout(), layout -> bind(layout, row.lineage().origin()));
        last = new LastBinding(row.layout(), fields);
        return fields;
    }

    private BoundFields bind(ColumnLayout layout, String origin) {
        ColumnMapping.Bound b = mapping.bind(layout, jobFile, origin);
        int[] targets = new int[b.fieldNames().size()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = entity.indexOf(b.fieldNames().get(i));
        }
        return new BoundFields(b, targets);
    }

    private static void dropRepeatedReasons(FieldValues values, List<Violation> violations, int from) {
        for (int i = violations.size() - 1; i >= from; i--) {
            if (values.isUnreadable(violations.get(i).field())) {
                violations.remove(i);
            }
        }
    }

    private static List<Violation> readProblems(List<RowProblem> problems) {
        List<Violation> reasons = new ArrayList<>(problems.size());
        for (RowProblem p : problems) {
            reasons.add(Violation.error(p.column(), p.code(), p.message(), null));
        }
        return reasons;
    }

    private static String blankToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private record BoundFields(ColumnMapping.Bound mapping, int[] targets) {
    }

    private record LastBinding(ColumnLayout layout, BoundFields fields) {
    }
}
