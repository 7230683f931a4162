package io.mastersync.quality;

import java.util.Objects;

/** A check that holds when the metric satisfies a fixed {@link Assertion}. */
public record AssertionCheck(String id, CheckSeverity severity, Analyzer<?> analyzer, Assertion assertion)
        implements Check {

    public AssertionCheck {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(analyzer, "analyzer");
        Objects.requireNonNull(assertion, "assertion");
    }

    @Override
    public String expectation() {
        return assertion.toString();
    }
}
