package io.mastersync.canonical;

/**
 * One field of a canonical entity.
 *
 * @param name   the name used in job and rules files (kebab-case, e.g. {@code list-price})
 * @param column the staging table column (snake_case)
 * @param type   how the value is parsed and stored
 */
public record CanonicalField(String name, String column, FieldType type) {

    static CanonicalField text(String name) {
        return new CanonicalField(name, name.replace('-', '_'), FieldType.TEXT);
    }

    static CanonicalField decimal(String name) {
        return new CanonicalField(name, name.replace('-', '_'), FieldType.DECIMAL);
    }

    static CanonicalField timestamp(String name) {
        return new CanonicalField(name, name.replace('-', '_'), FieldType.TIMESTAMP);
    }

    static CanonicalField date(String name) {
        return new CanonicalField(name, name.replace('-', '_'), FieldType.DATE);
    }
}
