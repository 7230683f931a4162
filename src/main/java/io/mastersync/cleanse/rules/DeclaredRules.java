package io.mastersync.cleanse.rules;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.mastersync.canonical.EntityType;
import io.mastersync.cleanse.FieldChange;
import io.mastersync.cleanse.FieldValues;
import io.mastersync.cleanse.RuleSet;
import io.mastersync.cleanse.Violation;
import io.mastersync.cleanse.normalize.NormalizerResult;
import io.mastersync.cleanse.normalize.RecordContext;

/**
 * The rules of one rules file (see {@code docs/rules.md}), built by {@link RulesFileParser}. For each row:
 * <ol>
 *   <li>the normalizers, field by field in the order of the file, each field's normalizers in their order;
 *       a normalizer sees the other fields' current values (so a field listed earlier is already
 *       normalized);</li>
 *   <li>the filters: the first whose {@code when} holds filters the row out, and nothing else runs;</li>
 *   <li>the field checks in file order, then the record checks.</li>
 * </ol>
 * {@code unique} checks are not run here: see {@link #uniqueChecks()}. Immutable and thread-safe.
 */
public final class DeclaredRules implements RuleSet {

    private final EntityType entity;
    private final List<DeclaredNormalizer> normalizers;
    private final List<RowFilter> filters;
    private final List<FieldCheck> fieldChecks;
    private final List<RecordCheck> recordChecks;
    private final List<UniqueCheck> uniqueChecks;
    private final String hash;

    DeclaredRules(EntityType entity, List<DeclaredNormalizer> normalizers, List<RowFilter> filters,
            List<FieldCheck> fieldChecks, List<RecordCheck> recordChecks, List<UniqueCheck> uniqueChecks, String hash) {
        this.entity = entity;
        this.normalizers = List.copyOf(normalizers);
        this.filters = List.copyOf(filters);
        this.fieldChecks = List.copyOf(fieldChecks);
        this.recordChecks = List.copyOf(recordChecks);
        this.uniqueChecks = List.copyOf(uniqueChecks);
        this.hash = hash;
    }

    public EntityType entity() {
        return entity;
    }

    /**
     * The declared {@code unique: true} checks, in file order. They need all rows of the feed, so
     * {@link #apply} does not run them; the job checks them set-based after loading.
     */
    public List<UniqueCheck> uniqueChecks() {
        return uniqueChecks;
    }

    /** The ids of the normalizers, in the order they run (e.g. {@code country/country-iso2}). */
    public List<String> normalizerIds() {
        return normalizers.stream().map(DeclaredNormalizer::id).toList();
    }

    /** The ids of the filters, field checks and record checks (not the unique checks), in file order. */
    public List<String> checkIds() {
        List<String> ids = new java.util.ArrayList<>();
        fieldChecks.forEach(c -> ids.add(c.id));
        recordChecks.forEach(c -> ids.add(c.id()));
        return ids;
    }

    /** The ids of the filters in file order. */
    public List<String> filterIds() {
        return filters.stream().map(RowFilter::id).toList();
    }

    @Override
    public Violation apply(FieldValues fields, List<Violation> violations, List<FieldChange> changes) {
        RecordContext context = name -> {
            int i = entity.indexOf(name);
            return i < 0 ? null : fields.get(i);
        };
        for (DeclaredNormalizer n : normalizers) {
            normalize(n, fields, context, violations, changes);
        }
        for (RowFilter f : filters) {
            if (fields.anyUnreadable(f.when().fields())) {
                continue; // the row is rejected for that field; this filter could only fail to read it again
            }
            try {
                if (f.when().test(fields)) {
                    String text = f.message() != null ? f.message().render(fields, null, null)
                            : "filtered by " + f.id() + ": " + f.when();
                    return Violation.warning(null, f.id(), text, null);
                }
            } catch (RuleExpression.EvaluationException e) {
                violations.add(Violation.error(null, f.id(), f.id() + ": filter cannot be evaluated: " + e.getMessage(),
                        null));
            }
        }
        for (FieldCheck c : fieldChecks) {
            c.check(fields, violations);
        }
        for (RecordCheck c : recordChecks) {
            c.check(fields, violations);
        }
        return null;
    }

    private void normalize(DeclaredNormalizer n, FieldValues fields, RecordContext context, List<Violation> violations,
            List<FieldChange> changes) {
        String before = fields.get(n.index());
        NormalizerResult result = n.normalizer().apply(before, context);
        if (result instanceof NormalizerResult.Problem) {
            NormalizerResult.Problem p = (NormalizerResult.Problem) result;
            if (n.onProblem() == DeclaredNormalizer.OnProblem.ERROR) {
                violations.add(Violation.error(n.field(), n.id(), p.message(), before));
                fields.markUnreadable(n.index());
            } else if (n.onProblem() == DeclaredNormalizer.OnProblem.WARNING) {
                violations.add(Violation.warning(n.field(), n.id(), p.message(), before));
            } else if (n.onProblem() == DeclaredNormalizer.OnProblem.CLEAR) {
                violations.add(Violation.warning(n.field(), n.id(), p.message() + "; value dropped", before));
                fields.set(n.index(), null);
                changes.add(new FieldChange(n.id(), n.field(), before, null));
            }
            return;
        }
        if (result.changed()) {
            fields.set(n.index(), result.value());
            changes.add(new FieldChange(n.id(), n.field(), before, result.value()));
        }
        if (result.changed() || n.normalizer().writesCanonicalNotation()) {
            fields.markCanonical(n.index(), n.normalizer().writesCanonicalNotation());
        }
        if (result.outputs().isEmpty()) {
            return;
        }
        for (Map.Entry<String, String> out : result.outputs().entrySet()) {
            int target = entity.indexOf(out.getKey());
            if (target < 0) {
                violations.add(Violation.error(n.field(), n.id(), n.id() + " set the unknown field '" + out.getKey()
                        + "'", before));
                continue;
            }
            String old = fields.get(target);
            if (!Objects.equals(old, out.getValue())) {
                fields.set(target, out.getValue());
                changes.add(new FieldChange(n.id(), out.getKey(), old, out.getValue()));
            }
        }
    }

    @Override
    public String hash() {
        return hash;
    }

    @Override
    public String toString() {
        return "DeclaredRules[" + entity.code() + ", " + normalizers.size() + " normalizers, " + filters.size()
                + " filters, " + (fieldChecks.size() + recordChecks.size() + uniqueChecks.size()) + " checks, "
                + hash.substring(0, Math.min(12, hash.length())) + "]";
    }
}
