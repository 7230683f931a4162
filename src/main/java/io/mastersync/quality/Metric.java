package io.mastersync.quality;

import java.util.List;
import java.util.Objects;

/**
 * A computed statistic: dataset, column ({@code null} for dataset-level metrics), metric name and value,
 * plus optional non-scalar detail (top values, histogram buckets, type shares).
 */
public record Metric(String dataset, String column, String name, double value, List<Bucket> detail) {

    public Metric {
        Objects.requireNonNull(name, "name");
        detail = detail == null ? List.of() : List.copyOf(detail);
    }

    public Metric(String dataset, String column, String name, double value) {
        this(dataset, column, name, value, List.of());
    }

    public Metric withDetail(List<Bucket> newDetail) {
        return new Metric(dataset, column, name, value, newDetail);
    }

    /** True when the value is defined (not NaN). */
    public boolean defined() {
        return !Double.isNaN(value);
    }

    /** One entry of a non-scalar detail: a value (or label), how often it occurred and its share. */
    public record Bucket(String value, long count, double share) {
    }
}
