package io.mastersync.cleanse.normalize;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the small two-column tables behind the normalizers: UTF-8, comma-separated, RFC 4180 quoting,
 * lines starting with {@code #} are comments, blank lines are skipped. A first row {@code from,to} is taken
 * as a header and skipped. Stateless.
 */
final class TwoColumnCsv {

    /** One row, with its 1-based line number for messages. */
    record Row(String from, String to, long line) {
    }

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();

    private TwoColumnCsv() {
    }

    /** Reads a user file; a missing or malformed file is an {@link IllegalArgumentException} naming it. */
    static List<Row> readFile(Path file, NormalizerOptions options, String option) {
        if (!Files.isRegularFile(file)) {
            throw options.invalid(option, "names a file that does not exist: " + file);
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        } catch (IOException e) {
            throw options.invalid(option, "names a file that cannot be read: " + file + " (" + e.getMessage() + ")");
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw options.invalid(option, "names a malformed file: " + e.getMessage());
        }
    }

    /** Reads a table shipped with the application; a problem there is a build defect. */
    static List<Row> readResource(String name) {
        try (InputStream in = TwoColumnCsv.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Row> read(Reader reader, String source) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (CSVRecord rec : FORMAT.parse(reader)) {
            long line = rec.getParser().getCurrentLineNumber();
            if (rec.size() != 2) {
                throw new IllegalArgumentException(source + " line " + line + ": expected 2 columns, found " + rec.size());
            }
            if (rows.isEmpty() && rec.getRecordNumber() == 1
                    && rec.get(0).equalsIgnoreCase("from") && rec.get(1).equalsIgnoreCase("to")) {
                continue;
            }
            rows.add(new Row(rec.get(0), rec.get(1), line));
        }
        return rows;
    }
}
