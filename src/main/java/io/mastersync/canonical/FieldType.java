package io.mastersync.canonical;

/** How a canonical field's text is turned into a typed value and stored. */
public enum FieldType {
    /** Free text, stored as VARCHAR. */
    TEXT,
    /** A decimal number, stored as NUMERIC; parsed with the feed's number format. */
    DECIMAL,
    /** A point in time without zone, stored as TIMESTAMP; parsed with the feed's timestamp formats. */
    TIMESTAMP,
    /** A calendar date without time (a date of birth), stored as DATE; parsed as ISO {@code yyyy-MM-dd} or with
     *  the feed's timestamp formats (the date part). */
    DATE
}
