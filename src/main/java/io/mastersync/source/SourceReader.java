package io.mastersync.source;

/**
 * Streams the rows of one feed's source, restartably. Implementations never hold more than a bounded
 * window of the source in memory. Not thread-safe: one reader serves one step.
 *
 * <p>Contract, proven by a restart test for each implementation: open at {@link SourcePosition#START},
 * read n rows, take {@link #position()}, close; a new reader opened at that position returns exactly
 * the rows n+1.. of an uninterrupted read, with the same lineage.
 */
public interface SourceReader extends AutoCloseable {

    /**
     * Opens the source, positioned just after the rows that {@code resumeAt} says were already read.
     *
     * @throws SourceException when the source cannot be read at all
     */
    void open(SourcePosition resumeAt);

    /** The columns of the file being read (for the first file right after open). */
    ColumnLayout layout();

    /** The next row, or null at the end of the source. Row-level defects come back inside the row. */
    SourceRow read();

    /** Position after the last row returned by {@link #read()}. */
    SourcePosition position();

    /** Progress for the log: work done and total work in the same unit (bytes), total -1 when unknown. */
    Progress progress();

    @Override
    void close();

    /** Bytes consumed and total bytes of a source; {@code total} is -1 when the size is unknown. */
    record Progress(long done, long total) {
    }
}
