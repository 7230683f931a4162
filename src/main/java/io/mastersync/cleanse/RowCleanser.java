package io.mastersync.cleanse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.mastersync.canonical.CanonicalRecord;
import io.mastersync.canonical.EntityType;
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
    }

    public RowOutcome cleanse(SourceRow row) {
        LastBinding previous = last;
        BoundFields fields;
        if (previous != null && previous.layout == row.layout()) {
            fields = previous.fields;
        } else {
            fields = bound.computeIfAbsent(row.layout(), layout -> bind(layout, row.lineage().origin()));
            last = new LastBinding(row.layout(), fields);
        }
        FieldValues values = new FieldValues(entity);
        String[] mapped = fields.mapping.extract(row.values());
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
        CanonicalRecord record = assembler.assemble(values, violations);
        validator.validate(record, violations);
        for (Violation v : violations) {
            if (v.isError()) {
                return new RowOutcome.Rejected(values.get(sourceKeyIndex), row.lineage(), List.copyOf(violations),
                        changed);
            }
        }
        return new RowOutcome.Accepted(record, row.lineage(), violations.isEmpty() ? List.of() : List.copyOf(violations),
                changed);
    }

    private BoundFields bind(ColumnLayout layout, String origin) {
        ColumnMapping.Bound b = mapping.bind(layout, jobFile, origin);
        int[] targets = new int[b.fieldNames().size()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = entity.indexOf(b.fieldNames().get(i));
        }
        return new BoundFields(b, targets);
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
