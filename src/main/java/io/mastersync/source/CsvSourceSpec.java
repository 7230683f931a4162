package io.mastersync.source;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Set;

/**
 * A delimited text feed ({@code kind: csv}): one file or a glob of files read in name order.
 * Immutable and thread-safe.
 *
 * @param files                where the files are; never null
 * @param encoding             character set of the files; a UTF-8 byte order mark is skipped
 * @param delimiter            separator between values
 * @param quote                quote character, or null when values are never quoted ({@code quote: none})
 * @param escape               escape character inside quoted values, or null for none (quotes are doubled)
 * @param header               true when the first record (after {@code skipLines}) names the columns
 * @param columns              column names for files without a header; empty to name them 1, 2, ...
 *                             (ignored when {@code header} is true)
 * @param skipLines            physical lines to skip before the header or the first record
 * @param trim                 strip surrounding blanks from values (also around quoted values)
 * @param nullValues           values (after trimming) that mean "no value"; never null
 * @param commentMarker        lines starting with this character are skipped, or null for none
 * @param allowEmpty           a zero-byte file is 0 rows instead of an error
 * @param ignoreEmptyLines     skip lines that are empty or blank instead of reporting them
 * @param allowMissingTrailing a record with fewer values than columns is clean (missing values are null)
 * @param maxRecordLines       a record spanning more physical lines is taken for a quote that was never closed:
 *                             its first line is rejected and reading resumes on the next line; 0 for no limit
 */
public record CsvSourceSpec(
        SourceFiles files,
        Charset encoding,
        char delimiter,
        Character quote,
        Character escape,
        boolean header,
        List<String> columns,
        int skipLines,
        boolean trim,
        Set<String> nullValues,
        Character commentMarker,
        boolean allowEmpty,
        boolean ignoreEmptyLines,
        boolean allowMissingTrailing,
        int maxRecordLines) implements SourceSpec {

    /** Multi-line values (addresses, notes) rarely span more; a stray quote usually swallows far more. */
    public static final int DEFAULT_MAX_RECORD_LINES = 100;

    public CsvSourceSpec {
        columns = List.copyOf(columns);
        nullValues = Set.copyOf(nullValues);
    }

    /** Defaults for every option: comma separated UTF-8 with a header line. */
    public static CsvSourceSpec defaults(SourceFiles files) {
        return new CsvSourceSpec(files, java.nio.charset.StandardCharsets.UTF_8, ',', '"', null, true, List.of(), 0,
                true, Set.of(""), null, false, true, false, DEFAULT_MAX_RECORD_LINES);
    }

    @Override
    public String kind() {
        return "csv";
    }
}
