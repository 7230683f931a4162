package io.mastersync.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * One open text file of a feed: counts raw bytes for progress, skips a UTF-8 byte order mark and
 * decodes with replacement, so undecodable bytes become U+FFFD (flagged per value later) instead of
 * stopping the feed. Not thread-safe.
 */
final class TextFile implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;

    private final Path path;
    private final CountingInputStream counter;
    private final Reader reader;
    private final boolean empty;

    private TextFile(Path path, CountingInputStream counter, Reader reader, boolean empty) {
        this.path = path;
        this.counter = counter;
        this.reader = reader;
        this.empty = empty;
    }

    /**
     * Opens a file for decoding.
     *
     * @throws SourceException when the file is missing or unreadable, or empty and {@code allowEmpty} is false
     */
    static TextFile open(Path path, Charset charset, boolean allowEmpty) {
        InputStream raw = null;
        try {
            raw = Files.newInputStream(path);
            CountingInputStream counter = new CountingInputStream(raw);
            BufferedInputStream in = new BufferedInputStream(counter, BUFFER);
            boolean bom = skipUtf8Bom(in, charset);
            in.mark(1);
            boolean empty = in.read() < 0;
            in.reset();
            if (empty && !allowEmpty) {
                throw new SourceException(path + ": file is empty" + (bom ? " (only a byte order mark)" : "")
                        + "; set 'allow-empty: true' if an empty export is normal");
            }
            Reader reader = new InputStreamReader(in, charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE));
            return new TextFile(path, counter, reader, empty);
        } catch (NoSuchFileException e) {
            closeQuietly(raw);
            throw new SourceException(path + ": file not found");
        } catch (IOException e) {
            closeQuietly(raw);
            throw new SourceException(path + ": cannot read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(raw);
            throw e;
        }
    }

    private static boolean skipUtf8Bom(BufferedInputStream in, Charset charset) throws IOException {
        if (!charset.equals(StandardCharsets.UTF_8)) {
            return false;
        }
        in.mark(3);
        byte[] head = in.readNBytes(3);
        if (head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return true;
        }
        in.reset();
        return false;
    }

    Path path() {
        return path;
    }

    Reader reader() {
        return reader;
    }

    /** True when the file has no content (no bytes, or only a byte order mark). */
    boolean isEmpty() {
        return empty;
    }

    /** Bytes read from the file so far (the decoder reads ahead, so this runs slightly ahead of the rows). */
    long bytesRead() {
        return counter.count();
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            // Nothing useful to do: the file was only read.
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }
}
