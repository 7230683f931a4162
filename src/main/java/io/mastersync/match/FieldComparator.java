package io.mastersync.match;

/**
 * Similarity of two values of one field, in [0,1]; {@code null} when either side is missing (null or blank) or
 * cannot be read (e.g. a price that is not a number), so the comparison contributes no evidence either way.
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
}
