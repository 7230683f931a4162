package io.mastersync.cleanse.normalize;

/**
 * Turns one field value into its canonical form.
 *
 * <p>A normalizer never throws for bad data: a value it cannot normalize comes back as a
 * {@link NormalizerResult.Problem}, which keeps the value unchanged and says why. Exceptions are reserved for
 * programming errors; configuration errors are raised by {@link NormalizerRegistry#create} before any
 * data is read.
 *
 * <p>Implementations are immutable and thread-safe after construction, so one instance serves all rows of
 * a feed, from any number of threads.
 */
@FunctionalInterface
public interface Normalizer {

    /**
     * Normalizes one value.
     *
     * @param value  the current value of the field, possibly already changed by earlier normalizers of the
     *               same field; may be null (empty field). Most normalizers return null unchanged.
     * @param record read access to the other fields of the same record; never null (use
     *               {@link RecordContext#empty()})
     * @return the outcome; never null
     */
    NormalizerResult apply(String value, RecordContext record);

    /**
     * True when a value this normalizer accepts comes out in canonical notation (a plain decimal such as
     * {@code 1234.5}): the record is then built from it as such, whatever decimal and grouping separators the
     * feed's {@code formats} declare for the raw export.
     */
    default boolean writesCanonicalNotation() {
        return false;
    }
}
