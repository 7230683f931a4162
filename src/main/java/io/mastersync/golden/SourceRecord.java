package io.mastersync.golden;

/**
 * A staged record as survivorship sees it: its key and its canonical values (as text, in the entity's field
 * order; null = missing).
 */
public record SourceRecord(String sourceSystem, String sourceKey, String[] values) {

    /** {@code system/key}: how lineage names a record. */
    public String ref() {
        return sourceSystem + "/" + sourceKey;
    }

    public String value(int field) {
        String v = values[field];
        return v == null || v.isBlank() ? null : v;
    }

    int filled() {
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (value(i) != null) {
                n++;
            }
        }
        return n;
    }
}
