package io.mastersync.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads fixed-width text files line by line: each line is one record and each field a range of
 * character positions. Raw lineage is the line itself. A line too short to hold a non-blank value
 * (its end cuts into a field that has text) is a {@code line-length} problem; a line that only lacks
 * trailing padding is read as if padded. Not thread-safe.
 */
public final class FixedWidthSourceReader extends FileSourceReader {

    private final FixedWidthSourceSpec spec;
    private final ColumnLayout layout;
    private final ValueCleaner cleaner;
    private final int recordLength;

    private Path file;
    private TextFile textFile;
    private BufferedReader lines;
    private long lineNumber;

    public FixedWidthSourceReader(FixedWidthSourceSpec spec) {
        super(spec.files());
        this.spec = spec;
        this.layout = new ColumnLayout(spec.fields().stream().map(FixedWidthSourceSpec.Field::name).toList());
        this.cleaner = new ValueCleaner(spec.trim(), spec.nullValues(), spec.encoding());
        this.recordLength = spec.recordLength();
    }

    @Override
    protected ColumnLayout openFile(Path path) {
        file = path;
        textFile = TextFile.open(path, spec.encoding(), spec.allowEmpty());
        lines = new BufferedReader(textFile.reader(), 64 * 1024);
        lineNumber = 0;
        for (int i = 0; i < spec.skipLines(); i++) {
            if (nextLine() == null) {
                break;
            }
        }
        return layout;
    }

    @Override
    protected SourceRow readRecord(long recordNumber) {
        String line;
        do {
            line = nextLine();
            if (line == null) {
                return null;
            }
        } while (spec.ignoreEmptyLines() && line.isEmpty());
        List<RowProblem> problems = new ArrayList<>();
        checkLength(line, problems);
        String[] values = new String[layout.size()];
        for (int i = 0; i < values.length; i++) {
            FixedWidthSourceSpec.Field field = spec.fields().get(i);
            values[i] = cleaner.clean(field.name(), slice(line, field), problems);
        }
        return new SourceRow(layout, values, new RowLineage(file.toString(), lineNumber, recordNumber, line),
                List.copyOf(problems));
    }

    private void checkLength(String line, List<RowProblem> problems) {
        int length = line.length();
        if (length > recordLength && spec.strictLength()) {
            problems.add(new RowProblem(null, "line-length",
                    "line has " + length + " characters, a record has " + recordLength));
        }
        if (length >= recordLength || spec.padShortLines()) {
            return;
        }
        for (FixedWidthSourceSpec.Field field : spec.fields()) {
            // Text that reaches the end of a short line inside a field may have lost its tail.
            if (field.end() > length && !slice(line, field).isBlank()) {
                problems.add(new RowProblem(field.name(), "line-length", "line has " + length
                        + " characters, a record has " + recordLength + ": field '" + field.name() + "' ("
                        + field.start() + "-" + field.end() + ") is cut off"));
                return;
            }
        }
    }

    private static String slice(String line, FixedWidthSourceSpec.Field field) {
        int from = field.start() - 1;
        if (from >= line.length()) {
            return "";
        }
        return line.substring(from, Math.min(field.end(), line.length()));
    }

    private String nextLine() {
        try {
            String line = lines.readLine();
            if (line != null) {
                lineNumber++;
            }
            return line;
        } catch (IOException e) {
            throw new SourceException(file + ":" + (lineNumber + 1) + ": cannot read: " + e.getMessage(), e);
        }
    }

    @Override
    protected long fileBytesRead() {
        return textFile == null ? 0 : textFile.bytesRead();
    }

    @Override
    protected void closeFile() {
        if (textFile != null) {
            textFile.close();
            textFile = null;
        }
        lines = null;
    }
}
