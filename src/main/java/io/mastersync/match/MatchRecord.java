package io.mastersync.match;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One record to match: where it comes from and its cleansed canonical field values by field name.
 * A missing value is {@code null} (or simply absent from the map); blank strings are treated as missing.
 */
public record MatchRecord(String sourceSystem, String sourceKey, Map<String, String> fields) {

    public MatchRecord {
        Objects.requireNonNull(sourceSystem, "sourceSystem");
        Objects.requireNonNull(sourceKey, "sourceKey");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The value of a field, or null when missing or blank. */
    public String get(String field) {
        String v = fields.get(field);
        return v == null || v.isBlank() ? null : v;
    }

    /** {@code sourceSystem:sourceKey}, unique across sources. */
    public String id() {
        return sourceSystem + ":" + sourceKey;
    }
}
