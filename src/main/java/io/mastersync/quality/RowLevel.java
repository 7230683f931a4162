package io.mastersync.quality;

/**
 * An analyzer whose metric is a share of values passing a row-level condition; the profile runner keeps
 * a few rows that violate it as examples for the report.
 */
public interface RowLevel {

    /** True when this value counts against the metric (e.g. missing for completeness). */
    boolean violates(Object value);
}
