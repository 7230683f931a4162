package io.mastersync.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads delimited text files with Apache Commons CSV, streaming, one record at a time. Every record
 * keeps its exact text (without the line terminator) and the physical line it starts on, also for
 * quoted values that span lines. Row defects (wrong number of values, NUL bytes, undecodable bytes, a
 * quote left open at the end of the file) come back as {@link RowProblem}s in a delivered row; only a
 * file that cannot be read at all (missing, empty, broken header) is a {@link SourceException}.
 * Not thread-safe.
 */
public final class CsvSourceReader extends FileSourceReader {

    private final CsvSourceSpec spec;
    private final CSVFormat format;
    private final ValueCleaner cleaner;

    private Path file;
    private String fileName;
    private TextFile textFile;
    private RecordTextWindow window;
    private CSVParser parser;
    private Iterator<CSVRecord> records;
    private boolean exhausted;
    private ColumnLayout layout;
    /** Blank header names at the end of the header line (a trailing delimiter): values there must be empty. */
    private int trailingBlankColumns;
    /** The first record, already parsed to count the columns of a headerless file. */
    private Parsed pending;
    /** Physical lines before the current parser's first line: its line numbers plus this are the file's. */
    private long lineBase;

    /**
     * With a record-line limit, no record is read into memory beyond this many characters: the longest record
     * within the limit is far shorter, and a quote never closed would otherwise pull in the rest of the file.
     */
    private static final int MAX_RECORD_CHARS = 16 * 1024 * 1024;

    public CsvSourceReader(CsvSourceSpec spec) {
        super(spec.files());
        this.spec = spec;
        this.cleaner = new ValueCleaner(spec.trim(), spec.nullValues(), spec.encoding());
        this.format = CSVFormat.DEFAULT.builder()
                .setDelimiter(spec.delimiter())
                .setQuote(spec.quote())
                .setEscape(spec.escape())
                .setCommentMarker(spec.commentMarker())
                .setIgnoreEmptyLines(spec.ignoreEmptyLines())
                // Lets blanks stand around quotes; the values themselves are trimmed by ValueCleaner.
                .setIgnoreSurroundingSpaces(spec.trim())
                .setTrim(false)
                // Text after a closing quote is kept in the value instead of failing the whole file.
                .setTrailingData(true)
                .setLenientEof(false)
                .setNullString(null)
                .get();
    }

    /** One parsed record before it is matched to the columns; values is null when parsing failed. */
    private record Parsed(String[] values, String raw, long line, List<RowProblem> problems) {
    }

    @Override
    protected ColumnLayout openFile(Path path) {
        file = path;
        fileName = path.toString();
        textFile = TextFile.open(path, spec.encoding(), spec.allowEmpty());
        window = new RecordTextWindow(textFile.reader(), spec.maxRecordLines() > 0 ? MAX_RECORD_CHARS : 0);
        lineBase = spec.skipLines();
        layout = null; // until this file's header is read: a broken header line yields no values
        exhausted = false;
        pending = null;
        trailingBlankColumns = 0;
        try {
            window.skipLines(spec.skipLines());
            parser = CSVParser.builder().setReader(window).setFormat(format).get();
        } catch (IOException | UncheckedIOException e) {
            closeFile();
            throw new SourceException(path + ": cannot read: " + e.getMessage(), e);
        }
        records = parser.iterator();
        if (spec.header()) {
            layout = headerLayout(nextParsed());
        } else if (!spec.columns().isEmpty()) {
            layout = new ColumnLayout(spec.columns());
        } else {
            pending = nextParsed();
            int count = pending == null || pending.values() == null ? 0 : pending.values().length;
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                names.add(Integer.toString(i));
            }
            layout = new ColumnLayout(names);
        }
        return layout;
    }

    @Override
    protected SourceRow readRecord(long recordNumber) {
        Parsed parsed = pending != null ? pending : nextParsed();
        pending = null;
        if (parsed == null) {
            return null;
        }
        // most rows have no problem: no copy of the empty list
        List<RowProblem> problems = parsed.problems().isEmpty() ? new ArrayList<>(2) : new ArrayList<>(parsed.problems());
        String[] values = new String[layout.size()];
        if (parsed.values() != null) {
            checkColumnCount(parsed.values(), problems);
            for (int i = 0; i < values.length && i < parsed.values().length; i++) {
                values[i] = cleaner.clean(layout.names().get(i), parsed.values()[i], problems);
            }
        }
        RowLineage lineage = new RowLineage(fileName, parsed.line(), recordNumber, parsed.raw());
        return new SourceRow(layout, values, lineage, problems.isEmpty() ? List.of() : List.copyOf(problems));
    }

    private void checkColumnCount(String[] found, List<RowProblem> problems) {
        int expected = layout.size();
        if (found.length == expected) {
            return;
        }
        if (found.length < expected && spec.allowMissingTrailing()) {
            return;
        }
        if (found.length > expected && found.length <= expected + trailingBlankColumns && blankFrom(found, expected)) {
            return;
        }
        problems.add(new RowProblem(null, "column-count", "expected " + expected + " columns, found " + found.length));
    }

    private static boolean blankFrom(String[] values, int from) {
        for (int i = from; i < values.length; i++) {
            if (!values[i].isBlank()) {
                return false;
            }
        }
        return true;
    }

    private ColumnLayout headerLayout(Parsed header) {
        if (header == null) {
            return new ColumnLayout(List.of());
        }
        if (header.values() == null) {
            throw new SourceException(file + ":" + header.line() + ": cannot read the header: "
                    + header.problems().get(0).message());
        }
        String[] names = header.values();
        int named = names.length;
        while (named > 0 && ValueCleaner.stripBlanks(names[named - 1]).isEmpty()) {
            named--;
        }
        // A delimiter at the end of the header line is common in legacy exports: not a missing name.
        trailingBlankColumns = names.length - named;
        List<String> result = new ArrayList<>(named);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < named; i++) {
            String name = ValueCleaner.stripBlanks(names[i]);
            if (name.isEmpty()) {
                // a pandas export's index column, a spreadsheet's unlabelled column: mapped, if at all, by position
                name = "column-" + (i + 1);
            }
            Integer first = seen.putIfAbsent(name, i + 1);
            if (first != null) {
                throw new SourceException(file + ":" + header.line() + ": column " + (i + 1) + " of the header repeats the name '"
                        + name + "' of column " + first);
            }
            result.add(name);
        }
        return new ColumnLayout(result);
    }

    /** The next record of the file with its exact text, or null at the end of the file. */
    private Parsed nextParsed() {
        while (!exhausted) {
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    exhausted = true;
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                if (spec.maxRecordLines() > 0 && (e.getCause() instanceof RecordTextWindow.RunawayRecord
                        || e.getCause() instanceof CSVException)) {
                    return runaway(e.getCause() instanceof RecordTextWindow.RunawayRecord
                            ? "a quoted value opened on line %d runs over " + MAX_RECORD_CHARS + " characters:"
                                    + " taken for a quote that is not closed"
                            : "the quote opened on line %d is not closed before the end of the file");
                }
                exhausted = true;
                return failure(e.getCause());
            }
            long lastLine = parser.getCurrentLineNumber() + lineBase;
            if (spec.maxRecordLines() > 0 && lastLine - window.startLine() + 1 > spec.maxRecordLines()) {
                return runaway("a quoted value opened on line %d runs over more than " + spec.maxRecordLines()
                        + (spec.maxRecordLines() == 1 ? " line" : " lines") + " (to line " + lastLine
                        + "): taken for a quote that is not closed");
            }
            RecordTextWindow.Span span;
            try {
                span = window.cutRecord(lastLine, spec.ignoreEmptyLines(), spec.commentMarker());
            } catch (IOException e) {
                throw new SourceException(file + ": cannot read: " + e.getMessage(), e);
            }
            if (spec.ignoreEmptyLines() && span.text().isBlank()) {
                continue; // a line of blanks only: as empty as an empty line
            }
            String[] values = new String[record.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = record.get(i);
            }
            return new Parsed(values, span.text(), span.line(), List.of());
        }
        return null;
    }

    /**
     * Rejects the first line of the current record, taken for one whose quote is never closed, and reads on from
     * the next line with a new parser: one stray quote costs one row, not the rest of the file.
     *
     * @param what the problem, with {@code %d} for the record's first line
     */
    private Parsed runaway(String what) {
        RecordTextWindow.Span first;
        try {
            first = window.cutFirstLine(spec.ignoreEmptyLines(), spec.commentMarker());
            // the old parser is dropped, not closed: closing it would close the file
            parser = CSVParser.builder().setReader(window).setFormat(format).get();
        } catch (IOException e) {
            throw new SourceException(file + ": cannot read: " + e.getMessage(), e);
        }
        records = parser.iterator();
        lineBase = window.startLine() - 1;
        RowProblem problem = new RowProblem(null, "unclosed-quote", String.format(java.util.Locale.ROOT, what,
                first.line()) + "; this line is rejected and reading resumes on line " + (first.line() + 1)
                + " (source.max-record-lines: " + spec.maxRecordLines() + ")");
        return new Parsed(layout == null ? null : leadingValues(first.text()), first.text(), first.line(),
                List.of(problem));
    }

    /**
     * The values of a rejected line before the field where its quote opened, the rest null: the reject then still
     * names its source key (when the key comes first), and a snapshot sync keeps that key's staged record instead
     * of deleting it as not seen.
     */
    private String[] leadingValues(String line) {
        String[] values = new String[layout.size()];
        int from = 0;
        for (int i = 0; i < values.length; i++) {
            int end = line.indexOf(spec.delimiter(), from);
            String field = end < 0 ? line.substring(from) : line.substring(from, end);
            if (spec.quote() != null && field.indexOf(spec.quote()) >= 0) {
                break;
            }
            values[i] = field;
            if (end < 0) {
                break;
            }
            from = end + 1;
        }
        return values;
    }

    /**
     * Turns a parse failure into one last row holding the rest of the file. Commons CSV only fails at
     * the end of the file (trailing data is allowed), almost always because a quote was never closed.
     */
    private Parsed failure(IOException cause) {
        long line = window.startLine();
        RecordTextWindow.Span rest;
        try {
            rest = window.cutRest(spec.ignoreEmptyLines(), spec.commentMarker());
        } catch (IOException e) {
            throw new SourceException(file + ":" + line + ": cannot read: " + e.getMessage(), e);
        }
        if (!(cause instanceof CSVException)) {
            throw new SourceException(file + ":" + line + ": cannot read: " + cause.getMessage(), cause);
        }
        long quoteLine = spec.quote() == null ? -1
                : QuoteScanner.unclosedQuoteLine(rest.text(), rest.line(), spec.delimiter(), spec.quote(), spec.escape(),
                        spec.trim());
        RowProblem problem = quoteLine > 0
                ? new RowProblem(null, "unclosed-quote", "the quote opened on line " + quoteLine
                        + " is not closed before the end of the file")
                : new RowProblem(null, "unparseable", "cannot parse the rest of the file: " + cause.getMessage());
        return new Parsed(null, rest.text(), rest.line(), List.of(problem));
    }

    @Override
    protected long fileBytesRead() {
        return textFile == null ? 0 : textFile.bytesRead();
    }

    @Override
    protected void closeFile() {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException e) {
                // read only: nothing to flush
            }
            parser = null;
        }
        if (textFile != null) {
            textFile.close();
            textFile = null;
        }
        window = null;
        records = null;
    }
}
