package io.mastersync.job;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import io.mastersync.cleanse.RowCleanser;
import io.mastersync.cleanse.RowOutcome;
import io.mastersync.source.SourceRow;

/** Cleanses and validates each row; never returns null, so every row reaches the writer with its outcome. */
class CleanseItemProcessor implements ItemProcessor<SourceRow, RowOutcome> {

    private final RowCleanser cleanser;

    CleanseItemProcessor(RowCleanser cleanser) {
        this.cleanser = cleanser;
    }

    @Override
    public RowOutcome process(SourceRow row) {
        return cleanser.cleanse(row);
    }
}
