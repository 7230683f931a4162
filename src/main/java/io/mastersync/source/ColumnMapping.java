package io.mastersync.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How source columns become canonical fields, as declared under {@code mapping:} in a job file. A field
 * comes from one column, from several columns joined (composite keys), or from a constant. Immutable.
 *
 * @param fields canonical field name to its source, in declaration order
 */
public record ColumnMapping(Map<String, FieldSource> fields) {

    public ColumnMapping {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Where one canonical field's value comes from; {@code line} is the job-file line, for messages. */
    public sealed interface FieldSource {
        int line();
    }

    /** One column, or several joined with {@code separator} (for composite legacy keys). */
    public record Columns(List<String> names, String separator, int line) implements FieldSource {
        public Columns {
            names = List.copyOf(names);
        }
    }

    /** The same value for every row, e.g. a currency the legacy system never wrote down. */
    public record Constant(String value, int line) implements FieldSource {
    }

    /**
     * Resolves column names against a source's layout once, so that each row is mapped by index.
     *
     * @throws SourceException naming the job file line, the column and the columns the source has
     */
    public Bound bind(ColumnLayout layout, String jobFile, String origin) {
        List<String> names = new ArrayList<>(fields.keySet());
        int[][] indexes = new int[names.size()][];
        String[] constants = new String[names.size()];
        String[] separators = new String[names.size()];
        for (int f = 0; f < names.size(); f++) {
            FieldSource source = fields.get(names.get(f));
            if (source instanceof Constant constant) {
                constants[f] = constant.value();
                continue;
            }
            Columns columns = (Columns) source;
            separators[f] = columns.separator();
            indexes[f] = new int[columns.names().size()];
            for (int c = 0; c < columns.names().size(); c++) {
                int index = layout.indexOf(columns.names().get(c));
                if (index < 0) {
                    throw new SourceException(jobFile + ":" + source.line() + ": mapping of '" + names.get(f)
                            + "' names column '" + columns.names().get(c) + "', which " + origin
                            + " does not have; its columns are " + layout.names());
                }
                indexes[f][c] = index;
            }
        }
        return new Bound(names, indexes, constants, separators);
    }

    /** A mapping resolved against one layout. Immutable and thread-safe. */
    public static final class Bound {
        private final List<String> fieldNames;
        private final int[][] indexes;
        private final String[] constants;
        private final String[] separators;

        private Bound(List<String> fieldNames, int[][] indexes, String[] constants, String[] separators) {
            this.fieldNames = List.copyOf(fieldNames);
            this.indexes = indexes;
            this.constants = constants;
            this.separators = separators;
        }

        public List<String> fieldNames() {
            return fieldNames;
        }

        /** The raw text of each mapped field for one row, in {@link #fieldNames()} order; null when empty. */
        public String[] extract(String[] values) {
            String[] out = new String[fieldNames.size()];
            for (int f = 0; f < out.length; f++) {
                if (indexes[f] == null) {
                    out[f] = constants[f];
                } else if (indexes[f].length == 1) {
                    out[f] = at(values, indexes[f][0]);
                } else {
                    out[f] = joined(values, indexes[f], separators[f]);
                }
            }
            return out;
        }

        private static String joined(String[] values, int[] idx, String separator) {
            StringBuilder sb = new StringBuilder();
            boolean any = false;
            for (int i = 0; i < idx.length; i++) {
                String v = at(values, idx[i]);
                if (i > 0) {
                    sb.append(separator);
                }
                if (v != null) {
                    sb.append(v);
                    any = true;
                }
            }
            return any ? sb.toString() : null;
        }

        private static String at(String[] values, int index) {
            return index < values.length ? values[index] : null;
        }
    }
}
