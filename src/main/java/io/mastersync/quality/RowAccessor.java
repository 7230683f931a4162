package io.mastersync.quality;

import java.util.Map;

/** Read access to one row by column name. */
public interface RowAccessor {

    /** The value, or {@code null}; only meaningful when {@link #has} is true. */
    Object get(String column);

    /** Whether the row has this column at all (a missing column is an error, not a null value). */
    boolean has(String column);

    static RowAccessor of(Map<String, ?> row) {
        return new RowAccessor() {
            @Override
            public Object get(String column) {
                return row.get(column);
            }

            @Override
            public boolean has(String column) {
                return row.containsKey(column);
            }
        };
    }
}
