package io.mastersync.match;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One configured comparison: which field, which comparator, and the similarity thresholds that cut it into
 * levels. {@code levels = [1.0, 0.92, 0.80]} gives four levels: {@code exact} (sim >= 1.0), {@code >=0.92},
 * {@code >=0.80} and {@code else}; a missing value on either side is the {@code null} level, weight 0.
 *
 * @param levels        descending thresholds; empty means the method's defaults
 * @param termFrequency adjust the weight of an exact agreement by how common the shared value is
 * @param params        method parameters, e.g. {@code tolerance} for {@code numeric}
 * @param unitField     null, or the field that gives {@code field}'s unit (a price's currency, a weight's unit): a
 *                      pair whose two records both have a unit, and not the same one, is not compared (the null
 *                      level: no evidence either way), since 100 EUR and 100 GBP are not the same price
 */
public record ComparisonSpec(String id, String field, String method, List<Double> levels, boolean termFrequency,
        Map<String, String> params, String unitField) {

    public ComparisonSpec(String id, String field, String method, List<Double> levels, boolean termFrequency,
            Map<String, String> params) {
        this(id, field, method, levels, termFrequency, params, null);
    }

    public ComparisonSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(method, "method");
        levels = levels == null || levels.isEmpty() ? Comparators.defaultLevels(method) : List.copyOf(levels);
        params = Map.copyOf(params == null ? Map.of() : params);
        for (int i = 0; i < levels.size(); i++) {
            double t = levels.get(i);
            if (t < 0 || t > 1 || (i > 0 && t >= levels.get(i - 1))) {
                throw new IllegalArgumentException("comparison '" + id + "': levels must be strictly descending "
                        + "thresholds within [0,1], got " + levels);
            }
        }
        if (levels.size() > 14) {
            throw new IllegalArgumentException("comparison '" + id + "': at most 14 level thresholds");
        }
    }

    public ComparisonSpec(String id, String field, String method) {
        this(id, field, method, List.of(), false, Map.of());
    }

    public ComparisonSpec(String id, String field, String method, List<Double> levels) {
        this(id, field, method, levels, false, Map.of());
    }
}
