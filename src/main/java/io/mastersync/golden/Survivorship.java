package io.mastersync.golden;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.mastersync.canonical.CanonicalField;
import io.mastersync.canonical.EntityType;
import io.mastersync.yaml.YamlMap;

/**
 * Survivorship: builds a golden record from a cluster's records, one rule per field, and remembers for every
 * field which record the value came from (lineage). Ties are broken the same way for every rule: the most
 * recently changed record first, then the global source priority, then source system and key in text order,
 * so the outcome never depends on the order records arrive in.
 */
public final class Survivorship {

    /** The default when a file has no {@code survivorship:} section: most recent value of every field. */
    public static Survivorship defaults(EntityType entity) {
        return new Survivorship(entity, List.of(), SurvivorshipRule.of(SurvivorshipRule.Kind.MOST_RECENT), Map.of());
    }

    /** Golden values (entity field order; source-system and source-key are null) and their lineage. */
    public record Golden(String[] values, String[] lineage) {

        /**
         * {"field": "system/key", ...} for the fields that have a value (what {@link JsonText#write} makes of that
         * map, written directly: the golden step writes one per golden record).
         */
        public String lineageJson(EntityType entity) {
            List<CanonicalField> fields = entity.fields();
            StringBuilder sb = new StringBuilder(32 * fields.size()).append('{');
            for (int i = 2; i < fields.size(); i++) {
                if (lineage[i] != null) {
                    if (sb.length() > 1) {
                        sb.append(',');
                    }
                    JsonText.string(sb, fields.get(i).name());
                    sb.append(':');
                    JsonText.string(sb, lineage[i]);
                }
            }
            return sb.append('}').toString();
        }
    }

    private final EntityType entity;
    private final List<String> sourcePriority;
    private final SurvivorshipRule defaultRule;
    private final Map<String, SurvivorshipRule> fieldRules;
    private final int lastChanged;
    private final List<int[]> unitPairs;

    public Survivorship(EntityType entity, List<String> sourcePriority, SurvivorshipRule defaultRule,
            Map<String, SurvivorshipRule> fieldRules) {
        this.entity = entity;
        this.sourcePriority = List.copyOf(sourcePriority);
        this.defaultRule = defaultRule;
        this.fieldRules = Map.copyOf(fieldRules);
        this.lastChanged = entity.indexOf("last-changed");
        this.unitPairs = unitPairs(entity);
    }

    public SurvivorshipRule rule(String field) {
        return fieldRules.getOrDefault(field, defaultRule);
    }

    /** The golden record of a cluster (at least one record). */
    public Golden apply(List<SourceRecord> members) {
        List<CanonicalField> fields = entity.fields();
        String[] values = new String[fields.size()];
        String[] lineage = new String[fields.size()];
        if (members.size() == 1) {
            return single(members.get(0), fields, values, lineage);
        }
        List<SourceRecord> ordered = new ArrayList<>(members);
        ordered.sort(tieBreak());
        for (int f = 2; f < fields.size(); f++) {
            SurvivorshipRule rule = rule(fields.get(f).name());
            pick(rule, f, ordered, values, lineage);
        }
        for (int[] pair : unitPairs) {
            unitOfTheAmount(pair[0], pair[1], ordered, values, lineage);
        }
        return new Golden(values, lineage);
    }

    /**
     * An amount and its unit are one value in two fields: an amount from one system with the currency of another
     * would be a wrong price or credit limit. Unless the file gives the unit field a rule of its own, the unit
     * comes from the record the golden amount came from (none if that record has none).
     */
    private void unitOfTheAmount(int amount, int unit, List<SourceRecord> members, String[] values,
            String[] lineage) {
        if (lineage[amount] == null || fieldRules.containsKey(entity.fields().get(unit).name())) {
            return;
        }
        for (SourceRecord r : members) {
            if (r.ref().equals(lineage[amount])) {
                values[unit] = r.value(unit);
                lineage[unit] = values[unit] == null ? null : r.ref();
                return;
            }
        }
    }

    /** Amount fields and the unit fields that belong to them: {amount index, unit index}. */
    private static List<int[]> unitPairs(EntityType entity) {
        List<int[]> pairs = new ArrayList<>();
        for (String[] p : List.of(new String[] {"list-price", "currency"}, new String[] {"credit-limit", "currency"},
                new String[] {"net-weight", "weight-unit"})) {
            int amount = entity.indexOf(p[0]);
            int unit = entity.indexOf(p[1]);
            if (amount >= 0 && unit >= 0) {
                pairs.add(new int[] {amount, unit});
            }
        }
        return pairs;
    }

    /**
     * A cluster of one record (most of them): every rule but {@code fixed} picks the record's own value, so only
     * those go through {@link #pick}.
     */
    private Golden single(SourceRecord record, List<CanonicalField> fields, String[] values, String[] lineage) {
        String ref = record.ref();
        List<SourceRecord> alone = List.of(record);
        for (int f = 2; f < fields.size(); f++) {
            SurvivorshipRule rule = rule(fields.get(f).name());
            if (rule.kind() == SurvivorshipRule.Kind.FIXED) {
                pick(rule, f, alone, values, lineage);
            } else {
                values[f] = record.value(f);
                lineage[f] = values[f] == null ? null : ref;
            }
        }
        return new Golden(values, lineage);
    }

    private void pick(SurvivorshipRule rule, int f, List<SourceRecord> ordered, String[] values, String[] lineage) {
        if (rule.kind() == SurvivorshipRule.Kind.FIXED) {
            if (rule.fixedSource() == null) {
                values[f] = rule.fixedValue();
                lineage[f] = "fixed";
                return;
            }
            for (SourceRecord r : ordered) {
                if (r.sourceSystem().equals(rule.fixedSource())) {
                    values[f] = rule.fixedValue();
                    lineage[f] = r.ref();
                    return;
                }
            }
            SurvivorshipRule otherwise = rule.otherwise() != null ? rule.otherwise() : defaultRule;
            if (otherwise.kind() == SurvivorshipRule.Kind.FIXED) {
                otherwise = SurvivorshipRule.of(SurvivorshipRule.Kind.MOST_RECENT);
            }
            pick(otherwise, f, ordered, values, lineage);
            return;
        }
        List<SourceRecord> having = new ArrayList<>();
        for (SourceRecord r : ordered) {
            if (r.value(f) != null) {
                having.add(r);
            }
        }
        if (having.isEmpty()) {
            return;
        }
        SourceRecord best;
        switch (rule.kind()) {
            case SOURCE_PRIORITY: {
                List<String> order = rule.priority().isEmpty() ? sourcePriority : rule.priority();
                best = having.stream().min(Comparator.comparingInt((SourceRecord r) -> rank(order, r.sourceSystem())))
                        .orElseThrow(); // min keeps the first of equals: the tie-break order
                break;
            }
            case MOST_RECENT:
                best = having.get(0); // the tie-break order is most recent first
                break;
            case MOST_COMPLETE:
                best = having.stream().min(Comparator.comparingInt((SourceRecord r) -> -r.filled())).orElseThrow();
                break;
            case LONGEST:
                best = having.stream().min(Comparator.comparingInt((SourceRecord r) -> -r.value(f).length()))
                        .orElseThrow();
                break;
            case MOST_FREQUENT: {
                Map<String, Integer> counts = new HashMap<>();
                for (SourceRecord r : having) {
                    counts.merge(r.value(f), 1, Integer::sum);
                }
                best = having.stream().min(Comparator.comparingInt((SourceRecord r) -> -counts.get(r.value(f))))
                        .orElseThrow();
                break;
            }
            default:
                throw new IllegalStateException("unhandled rule " + rule.kind());
        }
        values[f] = best.value(f);
        lineage[f] = best.ref();
    }

    private Comparator<SourceRecord> tieBreak() {
        Comparator<SourceRecord> recent = Comparator.comparing((SourceRecord r) -> lastChanged < 0 ? null
                : r.value(lastChanged), Comparator.nullsLast(Comparator.reverseOrder()));
        return recent.thenComparingInt(r -> rank(sourcePriority, r.sourceSystem()))
                .thenComparing(SourceRecord::sourceSystem).thenComparing(SourceRecord::sourceKey);
    }

    private static int rank(List<String> order, String system) {
        int i = order.indexOf(system);
        return i < 0 ? order.size() : i;
    }

    /** Reads the {@code survivorship:} section of a match file, strictly. */
    public static Survivorship fromYaml(YamlMap y, EntityType entity) {
        List<String> priority = y.stringList("source-priority");
        SurvivorshipRule def = SurvivorshipRule.of(SurvivorshipRule.Kind.MOST_RECENT);
        if (y.has("default")) {
            def = y.isMap("default") ? rule(y.requiredMap("default"), entity, "default")
                    : simple(y, "default", y.requiredString("default"));
            if (def.kind() == SurvivorshipRule.Kind.FIXED) {
                throw y.error("default", "the default rule cannot be 'fixed'");
            }
        }
        Map<String, SurvivorshipRule> rules = new LinkedHashMap<>();
        YamlMap fields = y.optionalMap("fields").orElse(null);
        if (fields != null) {
            for (String field : List.copyOf(fields.keys())) {
                if (entity.field(field).isEmpty() || field.equals("source-system") || field.equals("source-key")) {
                    throw fields.error(field, "unknown " + entity.code() + " field '" + field + "' in survivorship");
                }
                rules.put(field, fields.isMap(field) ? rule(fields.requiredMap(field), entity, field)
                        : simple(fields, field, fields.requiredString(field)));
            }
            fields.finish(fields.keys());
        }
        y.finish(Set.of("source-priority", "default", "fields"));
        return new Survivorship(entity, priority, def, rules);
    }

    private static SurvivorshipRule simple(YamlMap y, String key, String code) {
        SurvivorshipRule.Kind kind = SurvivorshipRule.Kind.ofCode(code).orElseThrow(() -> y.error(key,
                "unknown survivorship rule '" + code + "'; rules are " + SurvivorshipRule.Kind.codes()));
        if (kind == SurvivorshipRule.Kind.FIXED) {
            throw y.error(key, "rule 'fixed' needs a 'value': write { rule: fixed, value: ..., source: ... }");
        }
        return SurvivorshipRule.of(kind);
    }

    private static SurvivorshipRule rule(YamlMap m, EntityType entity, String field) {
        String code = m.requiredString("rule");
        SurvivorshipRule.Kind kind = SurvivorshipRule.Kind.ofCode(code).orElseThrow(() -> m.error("rule",
                "unknown survivorship rule '" + code + "'; rules are " + SurvivorshipRule.Kind.codes()));
        List<String> priority = m.stringList("priority");
        String value = m.optionalString("value").orElse(null);
        String source = m.optionalString("source").orElse(null);
        SurvivorshipRule otherwise = null;
        if (m.has("otherwise")) {
            otherwise = simple(m, "otherwise", m.requiredString("otherwise"));
        }
        if (kind != SurvivorshipRule.Kind.SOURCE_PRIORITY && !priority.isEmpty()) {
            throw m.error("priority", "'priority' only applies to rule source-priority");
        }
        if (kind == SurvivorshipRule.Kind.FIXED && value == null) {
            throw m.error("rule", "rule 'fixed' needs a 'value'");
        }
        if (kind != SurvivorshipRule.Kind.FIXED && (value != null || source != null || otherwise != null)) {
            throw m.error(value != null ? "value" : source != null ? "source" : "otherwise",
                    "'value', 'source' and 'otherwise' only apply to rule fixed");
        }
        m.finish(Set.of("rule", "priority", "value", "source", "otherwise"));
        return new SurvivorshipRule(kind, priority, value, source, otherwise);
    }
}
