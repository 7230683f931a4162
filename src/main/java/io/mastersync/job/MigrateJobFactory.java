package io.mastersync.job;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

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
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import io.mastersync.cleanse.RecordValidator;
import io.mastersync.cleanse.RowCleanser;
import io.mastersync.cleanse.RowOutcome;
import io.mastersync.load.FeedAccounting;
import io.mastersync.load.FeedPublisher;
import io.mastersync.load.PublishSql;
import io.mastersync.load.RunFeed;
import io.mastersync.load.RunLedger;
import io.mastersync.load.SqlDialect;
import io.mastersync.load.StagingWriter;
import io.mastersync.source.FeedDefinition;
import io.mastersync.source.SourceDescription;
import io.mastersync.source.SourceReaders;
import io.mastersync.source.SourceRow;

/**
 * Builds the {@code migrate} job for a plan: per feed a {@code clear:<feed>} step (migrate reloads a
 * feed whole), an {@code extract:<feed>} chunk step (read, cleanse, validate, stage with COPY) and a
 * {@code publish:<feed>} step (set-based rules and accounting); then the later {@link RunStage}s and
 * {@code summarizeRun}. Step names depend only on feed names, so a restart finds the
 * steps that already completed.
 */
@Component
class MigrateJobFactory {

    static final String JOB_NAME = "migrate";

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final DataSource dataSource;
    private final RunLedger ledger;
    private final RecordValidator validator = new RecordValidator();
    private final Duration progressInterval;
    private final boolean asyncCommit;
    private final List<RunStage> stages;
    private final org.springframework.core.task.AsyncTaskExecutor processing;

    MigrateJobFactory(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            DataSource dataSource, MastersyncProperties properties, List<RunStage> stages) {
        this.stages = stages.stream().sorted(Comparator.comparingInt(RunStage::order)).toList();
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.dataSource = dataSource;
        this.ledger = new RunLedger(dataSource);
        this.progressInterval = properties.progressInterval();
        this.asyncCommit = properties.load().asyncCommit();
        this.processing = ProcessingThreads.executor(properties.processingThreads());
    }

    Job build(MigrationPlan plan) {
        SqlDialect dialect = dialect();
        SimpleJobBuilder job = null;
        for (FeedPlan feed : plan.feeds()) {
            Step clear = clearStep(feed);
            job = job == null ? new JobBuilder(JOB_NAME, jobRepository).start(clear) : job.next(clear);
            job.next(extractStep(feed, dialect));
            job.next(publishStep(feed, dialect, plan));
        }
        for (RunStage stage : stages) {
            for (Step step : stage.steps(plan)) {
                job.next(step);
            }
        }
        return job.next(summarizeStep())
                .listener(new RunLedgerListener(ledger, JOB_NAME, plan))
                .build();
    }

    /** Migrate is a full reload: what earlier runs staged for this source system goes first. */
    private Step clearStep(FeedPlan feed) {
        Tasklet clear = (contribution, chunkContext) -> {
            FeedDefinition def = feed.definition();
            new org.springframework.jdbc.core.JdbcTemplate(dataSource).update(PublishSql.clearFeed(def.entity()),
                    def.sourceSystem());
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("clear:" + feed.name(), jobRepository).tasklet(clear, transactionManager).build();
    }

    private Step extractStep(FeedPlan feed, SqlDialect dialect) {
        FeedDefinition def = feed.definition();
        RowCleanser cleanser = new RowCleanser(def.entity(), def.sourceSystem(), def.mapping(),
                def.jobFile().toString(), feed.rules(), def.formats(), validator);
        // a row the source marks deleted (sync.tombstone) is filtered, as a sync would delete it: not migrated live
        Function<SourceRow, RowOutcome> process =
                def.sync().tombstoneColumn() == null ? cleanser::cleanse
                        : new SyncRowProcessor(def, cleanser, () -> null)::process;
        ReadAhead<RowOutcome> reader = ProcessingThreads.readAhead(feed.name(),
                SourceReaders.create(def.source(), SourceReaders.READ_ALL), process, processing, def.chunkSize());
        StagingItemWriter writer = new StagingItemWriter(dataSource, feed, dialect, asyncCommit);
        return new StepBuilder("extract:" + feed.name(), jobRepository)
                .<RowOutcome, RowOutcome>chunk(def.chunkSize())
                .transactionManager(transactionManager)
                .reader(reader)
                .writer(writer)
                .listener(writer)
                .listener(new ProgressListener(feed.name(), reader, progressInterval))
                .build();
    }

    private Step publishStep(FeedPlan feed, SqlDialect dialect, MigrationPlan plan) {
        Tasklet publish = (contribution, chunkContext) -> {
            StepExecution step = contribution.getStepExecution();
            JobExecution jobExecution = step.getJobExecution();
            RunFeed runFeed = runFeed(jobExecution, feed);
            StepExecution extract = jobRepository.getLastStepExecution(jobExecution.getJobInstance(),
                    "extract:" + feed.name());
            long read = extract.getExecutionContext().getLong(ReadAhead.RECORDS_TOTAL, 0L);
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                FeedAccounting accounting = new FeedPublisher(runFeed, dialect, feed.uniqueChecks()).publish(connection, read);
                if (!accounting.balanced()) {
                    throw new IllegalStateException("feed " + feed.name() + ": rows do not add up, " + accounting);
                }
                ledger.feedFinished(runFeed, SourceDescription.of(feed.definition().source()), feed.rules().hash(), accounting);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("publish:" + feed.name(), jobRepository)
                .tasklet(publish, transactionManager)
                .build();
    }

    private Step summarizeStep() {
        Tasklet summarize = (contribution, chunkContext) -> {
            long runId = contribution.getStepExecution().getJobExecution().getJobInstance().getInstanceId();
            ledger.finished(runId, "completed");
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("summarizeRun", jobRepository).tasklet(summarize, transactionManager).build();
    }

    static RunFeed runFeed(JobExecution execution, FeedPlan feed) {
        FeedDefinition def = feed.definition();
        return new RunFeed(execution.getJobInstance().getInstanceId(), feed.name(), def.sourceSystem(), def.entity());
    }

    private SqlDialect dialect() {
        try (Connection c = dataSource.getConnection()) {
            return SqlDialect.of(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the staging database: " + e.getMessage(), e);
        }
    }
}
