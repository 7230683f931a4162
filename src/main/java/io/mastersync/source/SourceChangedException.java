package io.mastersync.source;

/**
 * An interrupted run cannot resume by position: the source is not the one the first attempt read (files of
 * another size, a query whose rows before the position differ). Resuming anyway would skip the wrong rows.
 */
public class SourceChangedException extends SourceException {

    public SourceChangedException(String message) {
        super(message);
    }
}
