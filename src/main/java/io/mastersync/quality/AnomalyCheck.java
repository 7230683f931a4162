package io.mastersync.quality;

import java.util.Objects;

/** A check that compares the metric with its own history (earlier runs) using an {@link AnomalyStrategy}. */
public record AnomalyCheck(String id, CheckSeverity severity, Analyzer<?> analyzer, AnomalyStrategy strategy)
        implements Check {

    public AnomalyCheck {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(analyzer, "analyzer");
        Objects.requireNonNull(strategy, "strategy");
    }

    @Override
    public String expectation() {
        return strategy.describe();
    }
}
