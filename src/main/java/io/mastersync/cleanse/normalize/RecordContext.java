package io.mastersync.cleanse.normalize;

import java.util.HashMap;
import java.util.Map;

/**
 * Read access to the other fields of the record being normalized, by canonical field name (e.g.
 * {@code country}). The caller decides which state it exposes; normally it is the already normalized value
 * of fields processed earlier, so a phone normalizer can read a clean ISO country code.
 *
 * <p>Implementations given to normalizers must not change while a normalizer runs.
 */
@FunctionalInterface
public interface RecordContext {

    /**
     * @param field canonical field name
     * @return the field's value, or null when the field is absent or empty
     */
    String get(String field);

    /** A record without any other fields. */
    static RecordContext empty() {
        return field -> null;
    }

    /**
     * A record backed by a copy of {@code fields} (null values allowed, meaning empty).
     *
     * @param fields canonical field name to value; not null
     */
    static RecordContext of(Map<String, String> fields) {
        Map<String, String> copy = new HashMap<>(fields);
        return copy::get;
    }
}
