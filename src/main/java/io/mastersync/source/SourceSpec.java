package io.mastersync.source;

/**
 * What a job file's {@code source:} block says about where a feed's rows come from. Built by
 * {@link SourceSpecParser}, turned into a reader by {@link SourceReaders#create(SourceSpec)}.
 * Implementations are immutable records and thread-safe. The keys are documented in
 * {@code docs/source-keys.md}.
 */
public sealed interface SourceSpec permits CsvSourceSpec, FixedWidthSourceSpec, JdbcSourceSpec {

    /** The {@code kind:} value that selects this spec, e.g. {@code csv}. */
    String kind();
}
