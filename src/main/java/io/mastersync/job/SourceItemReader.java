package io.mastersync.job;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import io.mastersync.source.SourceException;
import io.mastersync.source.SourcePosition;
import io.mastersync.source.SourceReader;
import io.mastersync.source.SourceRow;

/**
 * Adapts a {@link SourceReader} to Spring Batch. Its position is saved in the step's execution context
 * with every committed chunk, so a restart reopens the source right after the last committed row.
 */
class SourceItemReader implements ItemStreamReader<SourceRow> {

    static final String FILE_INDEX = "source.file-index";
    static final String RECORDS_IN_FILE = "source.records-in-file";
    static final String RECORDS_TOTAL = "source.records-total";
    static final String TOTAL_BYTES = "source.total-bytes";

    private final SourceReader reader;

    SourceItemReader(SourceReader reader) {
        this.reader = reader;
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        SourcePosition resumeAt = context.containsKey(RECORDS_TOTAL)
                ? new SourcePosition(context.getInt(FILE_INDEX), context.getLong(RECORDS_IN_FILE),
                        context.getLong(RECORDS_TOTAL))
                : SourcePosition.START;
        reader.open(resumeAt);
        long before = context.getLong(TOTAL_BYTES, -1L);
        long now = reader.progress().total();
        if (before >= 0 && now >= 0 && before != now) {
            // resuming by row position is only right when the rows are the ones the first attempt saw
            throw new SourceException("the source files changed since the interrupted run (" + before
                    + " bytes then, " + now + " now); resume with the original files, or start over with --fresh");
        }
    }

    @Override
    public SourceRow read() {
        return reader.read();
    }

    @Override
    public void update(ExecutionContext context) throws ItemStreamException {
        SourcePosition position = reader.position();
        context.putInt(FILE_INDEX, position.fileIndex());
        context.putLong(RECORDS_IN_FILE, position.recordsInFile());
        context.putLong(RECORDS_TOTAL, position.recordsTotal());
        context.putLong(TOTAL_BYTES, reader.progress().total());
    }

    @Override
    public void close() throws ItemStreamException {
        reader.close();
    }

    SourceReader.Progress progress() {
        return reader.progress();
    }

    long recordsRead() {
        return reader.position().recordsTotal();
    }
}
