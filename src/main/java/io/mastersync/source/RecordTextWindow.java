package io.mastersync.source;

import java.io.IOException;
import java.io.Reader;

/**
 * Sits between the decoded file and the CSV parser and keeps the text from the start of the current
 * record up to whatever the parser has read ahead. After the parser returns a record, the reader
 * cuts the record's exact text out of this window (to keep it as raw lineage) and drops it, so memory
 * stays bounded by one record plus the parser's read-ahead. Lines are counted like Commons CSV counts
 * them: CR LF, LF and a lone CR each end a line. Not thread-safe.
 */
final class RecordTextWindow extends Reader {

    private static final int COMPACT_AT = 64 * 1024;

    private final Reader source;
    private final Chars text = new Chars(16 * 1024);
    /** Index in {@link #text} of the first character not yet cut off: always the start of a line. */
    private int start;
    /** Index in {@link #text} up to which characters were handed to the parser. */
    private int handed;
    /** Physical 1-based line number of the character at {@link #start}. */
    private long startLine = 1;
    private boolean eof;
    private final char[] chunk = new char[8192];

    /** Refuses to hand the parser more than this many characters of one record; 0 for no limit. */
    private final int maxRecordChars;

    RecordTextWindow(Reader source, int maxRecordChars) {
        this.source = source;
        this.maxRecordChars = maxRecordChars;
    }

    /** The parser was handed more of one record than the window allows. */
    static final class RunawayRecord extends IOException {
        RunawayRecord(long line, int maxChars) {
            super("the record starting on line " + line + " runs over " + maxChars + " characters");
        }
    }

    /** The text of one record and the physical line it starts on. */
    record Span(String text, long line) {
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (handed == text.length() && !fill()) {
            return -1;
        }
        if (maxRecordChars > 0 && handed - start > maxRecordChars) {
            // a quote that is never closed would otherwise pull the rest of the file into memory
            throw new RunawayRecord(startLine, maxRecordChars);
        }
        int n = Math.min(len, text.length() - handed);
        text.getChars(handed, handed + n, cbuf, off);
        handed += n;
        return n;
    }

    /** Physical line number of the next text to be cut. */
    long startLine() {
        return startLine;
    }

    /** Drops {@code count} whole lines before anything was handed to the parser (the skip-lines option). */
    void skipLines(int count) throws IOException {
        for (int i = 0; i < count; i++) {
            int end = lineEnd(start);
            if (end == text.length() && !more(end)) {
                start = end;
                break;
            }
            start = nextLineStart(end);
            startLine++;
        }
        handed = start;
    }

    /**
     * Cuts the record whose last physical line is {@code lastLine}. Leading lines the parser skipped
     * (empty lines, comments) are dropped from the span, never the record's last line.
     */
    Span cutRecord(long lastLine, boolean skipEmpty, Character commentMarker) throws IOException {
        int lineStart = start;
        long line = startLine;
        int recordStart = start;
        long recordLine = startLine;
        boolean leading = true;
        int end = lineEnd(lineStart);
        while (line < lastLine) {
            if (leading && !skippable(lineStart, end, skipEmpty, commentMarker)) {
                leading = false;
            }
            lineStart = nextLineStart(end);
            line++;
            if (leading) {
                recordStart = lineStart;
                recordLine = line;
            }
            end = lineEnd(lineStart);
        }
        String raw = text.substring(recordStart, end);
        advanceTo(end == text.length() ? end : nextLineStart(end), lastLine + 1);
        return new Span(raw, recordLine);
    }

    /**
     * Cuts the first line of the current record (after leading lines the parser would skip) and rewinds: the text
     * after it is handed again, to a new parser. For a record taken for a quote that was never closed.
     */
    Span cutFirstLine(boolean skipEmpty, Character commentMarker) throws IOException {
        int lineStart = start;
        long line = startLine;
        int end = lineEnd(lineStart);
        while (end < text.length() && skippable(lineStart, end, skipEmpty, commentMarker)) {
            lineStart = nextLineStart(end);
            line++;
            end = lineEnd(lineStart);
        }
        String raw = text.substring(lineStart, end);
        start = end == text.length() ? end : nextLineStart(end);
        startLine = line + 1;
        handed = start;
        return new Span(raw, line);
    }

    /**
     * Cuts everything that is left of the file (after a parse failure at the end of the file), without
     * the final line terminator and without leading lines the parser would have skipped.
     */
    Span cutRest(boolean skipEmpty, Character commentMarker) throws IOException {
        while (fill()) {
            // read the rest of the file into the window
        }
        int lineStart = start;
        long line = startLine;
        while (true) {
            int end = lineEnd(lineStart);
            if (end == text.length() || !skippable(lineStart, end, skipEmpty, commentMarker)) {
                break;
            }
            lineStart = nextLineStart(end);
            line++;
        }
        int end = text.length();
        if (end > lineStart && text.charAt(end - 1) == '\n') {
            end--;
        }
        if (end > lineStart && text.charAt(end - 1) == '\r') {
            end--;
        }
        String raw = text.substring(lineStart, end);
        start = text.length();
        handed = start;
        return new Span(raw, line);
    }

    private boolean skippable(int lineStart, int lineEnd, boolean skipEmpty, Character commentMarker) {
        if (lineStart == lineEnd) {
            return skipEmpty;
        }
        return commentMarker != null && text.charAt(lineStart) == commentMarker;
    }

    private void advanceTo(int index, long line) {
        start = index;
        startLine = line;
        if (handed < start) {
            handed = start;
        }
        if (start > COMPACT_AT && start > text.length() / 2) {
            text.delete(0, start);
            handed -= start;
            start = 0;
        }
    }

    /** Index of the terminator of the line starting at {@code from}, or the end of the text at end of file. */
    private int lineEnd(int from) throws IOException {
        int i = from;
        while (true) {
            char[] chars = text.chars;
            int end = text.length;
            while (i < end) {
                char c = chars[i];
                if (c == '\n' || c == '\r') {
                    return i;
                }
                i++;
            }
            if (!more(i)) {
                return i;
            }
        }
    }

    private int nextLineStart(int terminator) throws IOException {
        if (text.charAt(terminator) == '\r' && (terminator + 1 < text.length() || more(terminator + 1))
                && text.charAt(terminator + 1) == '\n') {
            return terminator + 2;
        }
        return terminator + 1;
    }

    /** Makes sure the text reaches {@code index}; false at end of file. */
    private boolean more(int index) throws IOException {
        while (index >= text.length()) {
            if (!fill()) {
                return false;
            }
        }
        return true;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = source.read(chunk);
        if (n < 0) {
            eof = true;
            return false;
        }
        text.append(chunk, 0, n);
        return true;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    /** A growable char array: a scan over it is a plain loop, without the per-char checks of a StringBuilder. */
    private static final class Chars {
        private char[] chars;
        private int length;

        Chars(int capacity) {
            chars = new char[capacity];
        }

        int length() {
            return length;
        }

        char charAt(int i) {
            if (i >= length) {
                throw new IndexOutOfBoundsException(i);
            }
            return chars[i];
        }

        void getChars(int from, int to, char[] dst, int dstBegin) {
            System.arraycopy(chars, from, dst, dstBegin, to - from);
        }

        String substring(int from, int to) {
            return new String(chars, from, to - from);
        }

        /** Drops the first {@code count} chars. */
        void delete(int zero, int count) {
            System.arraycopy(chars, count, chars, 0, length - count);
            length -= count;
        }

        void append(char[] src, int from, int n) {
            if (length + n > chars.length) {
                chars = java.util.Arrays.copyOf(chars, Math.max(chars.length * 2, length + n));
            }
            System.arraycopy(src, from, chars, length, n);
            length += n;
        }
    }
}
