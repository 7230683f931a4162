package io.mastersync.quality;

import java.util.List;

/** Values of a metric in earlier runs, as anomaly checks need them. */
@FunctionalInterface
public interface MetricHistory {

    /** No earlier runs at all. */
    MetricHistory NONE = (dataset, column, metric, limit) -> List.of();

    /**
     * Up to {@code limit} values of the most recent earlier runs, oldest first.
     *
     * @param column null for dataset-level metrics
     */
    List<Double> previousValues(String dataset, String column, String metric, int limit);
}
