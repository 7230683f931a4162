package io.mastersync.quality;

import java.util.Locale;
import java.util.Optional;

/** The data types {@link DataTypeShare} tells apart, by what a value (usually text) parses as. */
public enum DataType {
    INTEGER, DECIMAL, DATE, BOOLEAN, TEXT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DataType> ofCode(String code) {
        for (DataType t : values()) {
            if (t.code().equals(code)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
