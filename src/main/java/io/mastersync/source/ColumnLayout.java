package io.mastersync.source;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ordered column names of a source (from a header row, the job file, fixed-width field names or a
 * JDBC result set). Lookup by name is case-sensitive first, then case-insensitive, because legacy
 * headers are inconsistent in case. Immutable and thread-safe.
 */
public final class ColumnLayout {

    private final List<String> names;
    private final Map<String, Integer> exact = new HashMap<>();
    private final Map<String, Integer> folded = new HashMap<>();

    public ColumnLayout(List<String> names) {
        this.names = List.copyOf(names);
        for (int i = 0; i < this.names.size(); i++) {
            exact.putIfAbsent(this.names.get(i), i);
            folded.putIfAbsent(this.names.get(i).toLowerCase(java.util.Locale.ROOT), i);
        }
    }

    public List<String> names() {
        return names;
    }

    public int size() {
        return names.size();
    }

    /** Index of a column, or -1 when the layout has none of that name. */
    public int indexOf(String name) {
        Integer i = exact.get(name);
        if (i == null) {
            i = folded.get(name.toLowerCase(java.util.Locale.ROOT));
        }
        return i == null ? -1 : i;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnLayout other && names.equals(other.names);
    }

    @Override
    public int hashCode() {
        return names.hashCode();
    }

    @Override
    public String toString() {
        return names.toString();
    }
}
