package io.mastersync.cleanse.constraint;

import jakarta.validation.Payload;

/**
 * Severity of a constraint, carried as Bean Validation payload. A constraint without payload is an
 * error: the row is rejected. A {@link Warning} loads the row and flags it.
 */
public final class Severity {

    private Severity() {
    }

    /** Marks a constraint whose violation flags the row instead of rejecting it. */
    public interface Warning extends Payload {
    }
}
