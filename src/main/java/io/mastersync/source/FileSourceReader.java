package io.mastersync.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What every file-based reader shares: the sorted file list of a feed, moving from one file to the
 * next, counting records for the position and lineage, resuming by re-reading and skipping, and byte
 * progress across all files. Subclasses only know how to read the records of one open file.
 * Not thread-safe.
 */
abstract class FileSourceReader implements SourceReader {

    private final SourceFiles files;
    private List<Path> paths = List.of();
    private long[] sizes = new long[0];
    private long totalBytes = -1;
    private long bytesBefore;
    private int fileIndex;
    private long recordsInFile;
    private long recordsTotal;
    private boolean fileOpen;
    private ColumnLayout layout = new ColumnLayout(List.of());

    FileSourceReader(SourceFiles files) {
        this.files = files;
    }

    /** Opens a file and reads what precedes its records (skipped lines, header); returns its columns. */
    protected abstract ColumnLayout openFile(Path file);

    /** The next record of the open file with the given feed-wide record number, or null at its end. */
    protected abstract SourceRow readRecord(long recordNumber);

    /** Bytes of the open file consumed so far. */
    protected abstract long fileBytesRead();

    /** Closes the open file; must tolerate being called when nothing is open. */
    protected abstract void closeFile();

    @Override
    public void open(SourcePosition resumeAt) {
        close();
        if (resumeAt.fileIndex() < 0 || resumeAt.recordsInFile() < 0 || resumeAt.recordsInFile() > resumeAt.recordsTotal()) {
            throw new SourceException(files.pattern() + ": cannot resume at an impossible position " + resumeAt);
        }
        paths = files.resolve();
        sizes = new long[paths.size()];
        totalBytes = 0;
        for (int i = 0; i < paths.size(); i++) {
            sizes[i] = size(paths.get(i));
            totalBytes += sizes[i];
        }
        if (resumeAt.fileIndex() > paths.size()) {
            throw new SourceException(files.pattern() + ": cannot resume in file " + (resumeAt.fileIndex() + 1)
                    + ", only " + paths.size() + " files match now");
        }
        fileIndex = resumeAt.fileIndex();
        bytesBefore = 0;
        for (int i = 0; i < fileIndex; i++) {
            bytesBefore += sizes[i];
        }
        recordsTotal = resumeAt.recordsTotal() - resumeAt.recordsInFile();
        recordsInFile = 0;
        if (fileIndex < paths.size()) {
            openCurrent();
            // Re-parse instead of seeking: the only way that is right for multi-line quoted values.
            while (recordsInFile < resumeAt.recordsInFile()) {
                if (nextOfCurrentFile() == null) {
                    throw new SourceChangedException("cannot resume: the interrupted run had read " + resumeAt.recordsInFile()
                            + " records of the file that was number " + (fileIndex + 1) + " in name order among "
                            + files.pattern() + "; number " + (fileIndex + 1) + " of the " + paths.size()
                            + " files matching now is " + paths.get(fileIndex) + ", with only " + recordsInFile
                            + " records: files were added, removed or changed since");
                }
            }
        }
    }

    @Override
    public ColumnLayout layout() {
        return layout;
    }

    @Override
    public SourceRow read() {
        while (fileOpen) {
            SourceRow row = nextOfCurrentFile();
            if (row != null) {
                return row;
            }
            closeCurrent();
            bytesBefore += sizes[fileIndex];
            if (fileIndex + 1 < paths.size()) {
                fileIndex++;
                recordsInFile = 0;
                openCurrent();
            }
        }
        return null;
    }

    @Override
    public SourcePosition position() {
        return new SourcePosition(fileIndex, recordsInFile, recordsTotal);
    }

    @Override
    public Progress progress() {
        return new Progress(bytesBefore + (fileOpen ? fileBytesRead() : 0), totalBytes);
    }

    @Override
    public void close() {
        closeCurrent();
    }

    private SourceRow nextOfCurrentFile() {
        SourceRow row = readRecord(recordsTotal + 1);
        if (row != null) {
            recordsInFile++;
            recordsTotal++;
        }
        return row;
    }

    private void openCurrent() {
        layout = openFile(paths.get(fileIndex));
        fileOpen = true;
    }

    private void closeCurrent() {
        if (fileOpen) {
            fileOpen = false;
        }
        closeFile();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException | UncheckedIOException e) {
            throw new SourceException(file + ": file not found or not readable", e);
        }
    }
}
