package io.mastersync.source;

/**
 * A source that cannot be read at all (missing file, empty file, a mapped column that does not exist,
 * unreachable database). Unlike a {@link RowProblem} this stops the feed before anything is loaded.
 * The message names the file (or source) and, where it helps, the line and column.
 */
public class SourceException extends RuntimeException {

    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
