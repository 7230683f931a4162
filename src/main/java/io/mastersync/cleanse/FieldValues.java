package io.mastersync.cleanse;

import java.util.Arrays;

import io.mastersync.canonical.EntityType;

/**
 * The text of each canonical field of one row while it is being cleansed, by field index of its
 * {@link EntityType}. Mutable on purpose: normalizers rewrite values in place, one row at a time.
 * Not thread-safe; one instance per row.
 */
public final class FieldValues {

    private final EntityType entity;
    private final String[] values;
    /** Fields whose text a normalizer wrote in canonical notation (plain decimals); null while there are none. */
    private boolean[] canonical;
    /** Fields whose value a normalizer could not read (an error); null while there are none. */
    private boolean[] unreadable;

    public FieldValues(EntityType entity) {
        this.entity = entity;
        this.values = new String[entity.fields().size()];
    }

    public EntityType entity() {
        return entity;
    }

    public String get(int index) {
        return values[index];
    }

    /** The value of a field by canonical name; throws for a name the entity does not have. */
    public String get(String field) {
        return values[index(field)];
    }

    public void set(int index, String value) {
        values[index] = value;
    }

    public void set(String field, String value) {
        values[index(field)] = value;
    }

    /**
     * Marks whether the field's current text is in canonical notation ({@code 1234.5}), written by a normalizer:
     * it is then read as such, not with the feed's number formats, which were meant for the raw export.
     */
    public void markCanonical(int index, boolean isCanonical) {
        if (canonical == null) {
            if (!isCanonical) {
                return;
            }
            canonical = new boolean[values.length];
        }
        canonical[index] = isCanonical;
    }

    public boolean isCanonical(int index) {
        return canonical != null && canonical[index];
    }

    /**
     * Marks a field whose value a normalizer rejected as unreadable: the row is rejected for it, and a later check
     * of the same field would only judge the same unreadable text again, so it is skipped.
     */
    public void markUnreadable(int index) {
        if (unreadable == null) {
            unreadable = new boolean[values.length];
        }
        unreadable[index] = true;
    }

    public boolean isUnreadable(int index) {
        return unreadable != null && index >= 0 && unreadable[index];
    }

    /** Whether any field is unreadable (cheap: most rows have none). */
    public boolean hasUnreadable() {
        return unreadable != null;
    }

    /** Whether any of these fields (canonical names) is unreadable. */
    public boolean anyUnreadable(java.util.Collection<String> fields) {
        if (unreadable == null) {
            return false;
        }
        for (String field : fields) {
            if (isUnreadable(entity.indexOf(field))) {
                return true;
            }
        }
        return false;
    }

    /** Whether this field (canonical name) is unreadable. */
    public boolean isUnreadable(String field) {
        return field != null && unreadable != null && isUnreadable(entity.indexOf(field));
    }

    public int size() {
        return values.length;
    }

    private int index(String field) {
        int i = entity.indexOf(field);
        if (i < 0) {
            throw new IllegalArgumentException(entity.code() + " has no field '" + field + "'");
        }
        return i;
    }

    @Override
    public String toString() {
        return entity.code() + Arrays.toString(values);
    }
}
