package io.mastersync.source;

/**
 * How far a reader has got: enough to reopen it just after the last row it returned. Saved in the
 * step's execution context with every committed chunk, so a restart continues there.
 *
 * @param fileIndex     index of the current file in the feed's sorted file list (0 for JDBC)
 * @param recordsInFile records returned from the current file so far
 * @param recordsTotal  records returned from all files so far
 * @param readHash      a hash of the rows returned so far where the reader keeps one (JDBC: a restart compares it
 *                      with the rows it skips), else 0
 */
public record SourcePosition(int fileIndex, long recordsInFile, long recordsTotal, long readHash) {

    public static final SourcePosition START = new SourcePosition(0, 0, 0);

    public SourcePosition(int fileIndex, long recordsInFile, long recordsTotal) {
        this(fileIndex, recordsInFile, recordsTotal, 0);
    }
}
