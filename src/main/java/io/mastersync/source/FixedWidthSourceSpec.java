package io.mastersync.source;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Set;

/**
 * A fixed-width text feed ({@code kind: fixed-width}): every line is one record, values sit at fixed
 * character positions. Immutable and thread-safe.
 *
 * @param files            where the files are; never null
 * @param encoding         character set; positions count decoded characters, not bytes
 * @param fields           the values of a record, in column order; never empty
 * @param skipLines        physical lines to skip at the start of each file
 * @param trim             strip surrounding blanks from values
 * @param nullValues       values (after trimming) that mean "no value"; never null
 * @param allowEmpty       a zero-byte file is 0 rows instead of an error
 * @param ignoreEmptyLines skip lines of length 0
 * @param strictLength     a line longer than the record is a {@code line-length} problem
 * @param padShortLines    a line shorter than the record is always read as if blank-padded (for
 *                         exports whose tools strip trailing blanks), never a problem
 */
public record FixedWidthSourceSpec(
        SourceFiles files,
        Charset encoding,
        List<Field> fields,
        int skipLines,
        boolean trim,
        Set<String> nullValues,
        boolean allowEmpty,
        boolean ignoreEmptyLines,
        boolean strictLength,
        boolean padShortLines) implements SourceSpec {

    public FixedWidthSourceSpec {
        fields = List.copyOf(fields);
        nullValues = Set.copyOf(nullValues);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a fixed-width source needs at least one field");
        }
    }

    /** Character count a full record needs: the end of the field that reaches furthest. */
    public int recordLength() {
        return fields.stream().mapToInt(Field::end).max().orElse(0);
    }

    @Override
    public String kind() {
        return "fixed-width";
    }

    /**
     * One value of a fixed-width record.
     *
     * @param name  column name
     * @param start 1-based first character
     * @param end   1-based last character, inclusive
     */
    public record Field(String name, int start, int end) {

        public Field {
            if (start < 1 || end < start) {
                throw new IllegalArgumentException("field '" + name + "' needs 1 <= start <= end, not " + start + ".." + end);
            }
        }

        public int length() {
            return end - start + 1;
        }
    }
}
