package io.mastersync.source;

/**
 * Where a source row came from, kept with every staged and rejected record.
 *
 * @param origin       the file path, or the JDBC source's description (never its credentials)
 * @param line         1-based physical line in the file where the record starts; for JDBC the row number
 * @param recordNumber 1-based record number across all files of the feed, in read order
 * @param raw          the record as it stood in the source (for CSV the raw text without line terminator);
 *                     never null
 */
public record RowLineage(String origin, long line, long recordNumber, String raw) {
}
