package io.mastersync.canonical;

/**
 * A cleansed master record in the canonical model: an {@link Item} or a {@link Customer}. Immutable.
 */
public sealed interface CanonicalRecord permits Item, Customer {

    String sourceSystem();

    String sourceKey();

    /** The typed values in the order of {@link EntityType#fields()}; null where the field is empty. */
    Object[] values();
}
