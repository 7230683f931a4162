package io.mastersync.match;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One record to match: where it comes from and its cleansed canonical field values by field name. A missing
 * value is {@code null} (or simply absent); blank strings are treated as missing. Immutable.
 *
 * <p>Values are held as an array next to an array of field names that records loaded together share, not as a
 * map per record: a million records with a {@code LinkedHashMap} each took half a gigabyte before matching began.
 */
public final class MatchRecord {

    private final String sourceSystem;
    private final String sourceKey;
    private final String[] names;
    private final String[] values;

    /** A record from a map of field values (copied). */
    public MatchRecord(String sourceSystem, String sourceKey, Map<String, String> fields) {
        this(sourceSystem, sourceKey, fields.keySet().toArray(String[]::new), fields.values().toArray(String[]::new));
    }

    private MatchRecord(String sourceSystem, String sourceKey, String[] names, String[] values) {
        this.sourceSystem = Objects.requireNonNull(sourceSystem, "sourceSystem");
        this.sourceKey = Objects.requireNonNull(sourceKey, "sourceKey");
        if (names.length != values.length) {
            throw new IllegalArgumentException(names.length + " field names for " + values.length + " values");
        }
        this.names = names;
        this.values = values;
    }

    /**
     * A record whose values are given in the order of {@code fieldNames}. Both arrays are kept, not copied: many
     * records can share one names array, and the caller must not change either afterwards.
     */
    public static MatchRecord of(String sourceSystem, String sourceKey, String[] fieldNames, String[] values) {
        return new MatchRecord(sourceSystem, sourceKey, fieldNames, values);
    }

    public String sourceSystem() {
        return sourceSystem;
    }

    public String sourceKey() {
        return sourceKey;
    }

    /** The value of a field, or null when missing or blank. */
    public String get(String field) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(field)) {
                String v = values[i];
                return v == null || v.isBlank() ? null : v;
            }
        }
        return null;
    }

    /** The field values by name (a copy, in field order; missing values as given). */
    public Map<String, String> fields() {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            m.put(names[i], values[i]);
        }
        return Collections.unmodifiableMap(m);
    }

    /** {@code sourceSystem:sourceKey}, unique across sources. */
    public String id() {
        return sourceSystem + ":" + sourceKey;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MatchRecord r && sourceSystem.equals(r.sourceSystem) && sourceKey.equals(r.sourceKey)
                && fields().equals(r.fields());
    }

    @Override
    public int hashCode() {
        return Objects.hash(sourceSystem, sourceKey, fields());
    }

    @Override
    public String toString() {
        return "MatchRecord[" + id() + " " + fields() + "]";
    }
}
