package io.mastersync.source;

/** Creates the reader for a source spec. Stateless and thread-safe; each call returns a new, unopened reader. */
public final class SourceReaders {

    private SourceReaders() {
    }

    /**
     * What a {@code :watermark} placeholder is bound to when everything is to be read: by {@code migrate}, by
     * {@code profile} and by a feed's first sync.
     */
    public static final java.time.LocalDateTime READ_ALL = java.time.LocalDateTime.of(1900, 1, 1, 0, 0);

    /** A reader whose JDBC query gets {@code watermark} for its {@code :watermark} placeholders. */
    public static SourceReader create(SourceSpec spec, java.time.LocalDateTime watermark) {
        if (spec instanceof JdbcSourceSpec jdbc) {
            return new JdbcSourceReader(jdbc, watermark);
        }
        return create(spec);
    }

    public static SourceReader create(SourceSpec spec) {
        // Java 17: no pattern switch yet; the sealed interface keeps this list complete.
        if (spec instanceof CsvSourceSpec csv) {
            return new CsvSourceReader(csv);
        }
        if (spec instanceof FixedWidthSourceSpec fixed) {
            return new FixedWidthSourceReader(fixed);
        }
        if (spec instanceof JdbcSourceSpec jdbc) {
            return new JdbcSourceReader(jdbc);
        }
        throw new IllegalArgumentException("no reader for " + spec);
    }
}
