package io.mastersync.quality;

/**
 * One declared expectation on one metric of a dataset. Checks group assertions with a severity; the
 * metric itself comes from the {@link #analyzer()}, computed by a {@link ProfileRunner}.
 */
public sealed interface Check permits AssertionCheck, AnomalyCheck {

    String id();

    CheckSeverity severity();

    Analyzer<?> analyzer();

    /** The expectation in words, e.g. {@code >= 0.95} or {@code change within -10% .. +∞}. */
    String expectation();
}
