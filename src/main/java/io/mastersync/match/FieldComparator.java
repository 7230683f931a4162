package io.mastersync.match;

/**
 * Similarity of two values of one field, in [0,1]; {@code null} when either side is missing (null or blank) or
 * cannot be read (e.g. a price that is not a number), so the comparison contributes no evidence either way.
 *
 * <p>A comparator that first turns each value into a comparable form (lower case, accents removed, ...) can say so
 * with {@link #prepare} and {@link #comparePrepared}: the matcher then prepares every value of the data set once
 * instead of once per pair it is in. Implementations must be thread-safe.
 */
public interface FieldComparator {

    default Double similarity(String a, String b) {
        if (a == null || b == null || a.isBlank() || b.isBlank()) {
            return null;
        }
        return present(a, b);
    }

    /** Similarity of two non-blank values, or null when they cannot be compared. */
    Double present(String a, String b);

    /**
     * The form of a non-blank value that {@link #comparePrepared} compares (a String, a char array, ...); by
     * default the value itself.
     */
    default Object prepare(String value) {
        return value;
    }

    /**
     * Similarity of two prepared values, {@code NaN} when they cannot be compared. Must equal
     * {@code present(a, b)} for any {@code a}, {@code b} with these prepared forms.
     */
    default double comparePrepared(Object preparedA, Object preparedB) {
        Double s = present((String) preparedA, (String) preparedB);
        return s == null ? Double.NaN : s;
    }

    /**
     * True when {@link #comparePrepared} is 1 for equal prepared values, 0 for different ones, and NaN when either
     * compares as NaN with itself (e.g. a value that normalises to nothing); prepared values must then have
     * {@code equals} and {@code hashCode}. The matcher then compares numbers standing for the values.
     */
    default boolean equality() {
        return false;
    }
}
