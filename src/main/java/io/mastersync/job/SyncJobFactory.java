package io.mastersync.job;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import io.mastersync.cleanse.RecordValidator;
import io.mastersync.cleanse.RowCleanser;
import io.mastersync.cleanse.RowOutcome;
import io.mastersync.quality.QualityChecks;
import io.mastersync.delta.FeedSync;
import io.mastersync.delta.SyncCounts;
import io.mastersync.delta.SyncState;
import io.mastersync.delta.SyncTargets;
import io.mastersync.load.FeedAccounting;
import io.mastersync.load.RunFeed;
import io.mastersync.load.RunLedger;
import io.mastersync.load.SqlDialect;
import io.mastersync.source.FeedDefinition;
import io.mastersync.source.SourceDescription;
import io.mastersync.source.SourceReaders;

/**
 * Builds the {@code sync} job: per feed a {@code detect:<feed>} chunk step (read, cleanse, compare with
 * staging by key and content hash; new and changed rows go to a pending table, every key to
 * {@code sync_seen}) and an {@code apply:<feed>} step (safety valve, then inserts, updates and soft
 * deletes with audit and change feed, then the feed's metrics and quality checks, in one transaction); then
 * the {@code quality-gate} step (report and verdict); then, for entities whose feeds name a match file,
 * the match and golden record steps of {@link GoldenRecordStage}; then {@code summarizeRun}.
 */
@Component
class SyncJobFactory {

    static final String JOB_NAME = "sync";

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final DataSource dataSource;
    private final RunLedger ledger;
    private final RecordValidator validator = new RecordValidator();
    private final MastersyncProperties properties;
    private final org.springframework.core.task.AsyncTaskExecutor processing;
    private final GoldenRecordStage goldenRecords;
    private final QualityStage quality;

    SyncJobFactory(JobRepository jobRepository, PlatformTransactionManager transactionManager, DataSource dataSource,
            MastersyncProperties properties, GoldenRecordStage goldenRecords, QualityStage quality) {
        this.goldenRecords = goldenRecords;
        this.quality = quality;
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.dataSource = dataSource;
        this.ledger = new RunLedger(dataSource);
        this.properties = properties;
        this.processing = ProcessingThreads.executor(properties.processingThreads());
    }

    Job build(MigrationPlan plan) throws SQLException {
        SqlDialect dialect;
        try (Connection c = dataSource.getConnection()) {
            dialect = SqlDialect.of(c);
        }
        SimpleJobBuilder job = null;
        for (FeedPlan feed : plan.feeds()) {
            // a broken quality file stops the run before anything is read
            QualityChecks checks = quality.enabledForSync() ? QualityStage.checksOf(feed) : null;
            Step detect = detectStep(feed, dialect);
            job = job == null ? new JobBuilder(JOB_NAME, jobRepository).start(detect) : job.next(detect);
            job.next(applyStep(feed, checks));
        }
        if (quality.enabledForSync()) {
            job.next(quality.gateStep());
        }
        for (Step step : goldenRecords.steps(plan, true)) {
            job.next(step);
        }
        Tasklet summarize = (contribution, chunkContext) -> {
            ledger.finished(contribution.getStepExecution().getJobExecution().getJobInstance().getInstanceId(),
                    "completed");
            return RepeatStatus.FINISHED;
        };
        return job.next(new StepBuilder("summarizeRun", jobRepository).tasklet(summarize, transactionManager).build())
                .listener(new RunLedgerListener(ledger, JOB_NAME, plan))
                .build();
    }

    private Step detectStep(FeedPlan feed, SqlDialect dialect) throws SQLException {
        FeedDefinition def = feed.definition();
        RowCleanser cleanser = new RowCleanser(def.entity(), def.sourceSystem(), def.mapping(),
                def.jobFile().toString(), feed.rules(), def.formats(), validator);
        // what staging holds, read once when the step starts, for the writer and the processor
        AtomicReference<SyncTargets> staged = new AtomicReference<>();
        StagingItemWriter writer = new StagingItemWriter(dataSource, feed, dialect,
                properties.load().asyncCommit(), (connection, runFeed) -> {
            staged.set(SyncTargets.load(connection, runFeed, !def.sync().isWatermark()));
            return staged.get().pending(runFeed);
        });
        SyncRowProcessor processor = new SyncRowProcessor(def, cleanser,
                properties.syncSkipUnchanged() ? () -> staged.get().sources() : () -> null);
        // the step's listeners (the writer loads staging's state) run before the reader opens and reads ahead
        ReadAhead<RowOutcome> reader = ProcessingThreads.readAhead(feed.name(),
                SourceReaders.create(def.source(), readFrom(def)), processor::process, processing, def.chunkSize());
        return new StepBuilder("detect:" + feed.name(), jobRepository)
                .<RowOutcome, RowOutcome>chunk(def.chunkSize())
                .transactionManager(transactionManager)
                .reader(reader)
                .writer(writer)
                .listener(writer)
                .listener(new ProgressListener(feed.name(), reader, properties.progressInterval()))
                .build();
    }

    /** Watermark syncs read from the last watermark minus the overlap; the first one reads everything. */
    private LocalDateTime readFrom(FeedDefinition def) throws SQLException {
        if (!def.sync().isWatermark()) {
            return null;
        }
        try (Connection c = dataSource.getConnection()) {
            LocalDateTime watermark = SyncState.watermark(c, def.name());
            return watermark == null ? SourceReaders.READ_ALL : watermark.minus(def.sync().overlap());
        }
    }

    private Step applyStep(FeedPlan feed, QualityChecks checks) {
        Tasklet apply = (contribution, chunkContext) -> {
            StepExecution step = contribution.getStepExecution();
            JobExecution jobExecution = step.getJobExecution();
            RunFeed runFeed = MigrateJobFactory.runFeed(jobExecution, feed);
            StepExecution detect = jobRepository.getLastStepExecution(jobExecution.getJobInstance(),
                    "detect:" + feed.name());
            long read = detect.getExecutionContext().getLong(ReadAhead.RECORDS_TOTAL, 0L);
            boolean force = Boolean.parseBoolean(jobExecution.getJobParameters().getString("force", "false"));
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                SyncCounts counts = new FeedSync(runFeed, feed.definition().sync(), feed.uniqueChecks())
                        .apply(connection, read, force);
                if (!counts.balanced()) {
                    throw new IllegalStateException("feed " + feed.name() + ": rows do not add up, " + counts);
                }
                if (quality.enabledForSync()) {
                    // judged as it will be published; a blocking failure rolls the whole apply back
                    quality.checkAppliedFeed(feed, checks, jobExecution);
                }
                record(runFeed, counts, force);
                ledger.feedFinished(runFeed, SourceDescription.of(feed.definition().source()), feed.rules().hash(),
                        new FeedAccounting(counts.read(), counts.inserted() + counts.updated() + counts.unchanged(),
                                counts.rejected(), counts.superseded(), counts.filtered() + counts.tombstones(), 0));
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("apply:" + feed.name(), jobRepository).tasklet(apply, transactionManager).build();
    }

    private void record(RunFeed feed, SyncCounts c, boolean force) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("DELETE FROM sync_run_feed WHERE run_id = ? AND feed = ?", feed.runId(), feed.feed());
        jdbc.update("INSERT INTO sync_run_feed (run_id, feed, read_count, inserted_count, updated_count,"
                + " unchanged_count, deleted_count, rejected_count, superseded_count, filtered_count, forced,"
                + " not_cleansed_count, tombstone_count, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " CURRENT_TIMESTAMP)", feed.runId(), feed.feed(), c.read(), c.inserted(), c.updated(), c.unchanged(),
                c.deleted(), c.rejected(), c.superseded(), c.filtered(), force, c.notCleansed(), c.tombstones());
    }
}
