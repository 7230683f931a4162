package io.mastersync.job;

import java.sql.Connection;

import javax.sql.DataSource;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.datasource.DataSourceUtils;

import io.mastersync.cleanse.RowOutcome;
import io.mastersync.load.RunFeed;
import io.mastersync.load.SqlDialect;
import io.mastersync.load.StagingTarget;
import io.mastersync.load.StagingWriter;

/**
 * Writes a chunk through the transaction-bound connection, so that the staged rows, the rejects and the
 * reader's saved position commit together: a killed run leaves either all of a chunk or none of it.
 * The run id is only known when the step starts, hence the writer is created then.
 */
class StagingItemWriter implements ItemWriter<RowOutcome>, StepExecutionListener {

    private final DataSource dataSource;
    private final FeedPlan feed;
    private final SqlDialect dialect;
    private final TargetFactory targets;
    private final boolean asyncCommit;
    private StagingWriter writer;

    /** Where accepted rows go, decided when the step starts (a sync reads staging's state then). */
    interface TargetFactory {
        StagingTarget create(Connection connection, RunFeed feed) throws java.sql.SQLException;
    }

    StagingItemWriter(DataSource dataSource, FeedPlan feed, SqlDialect dialect, boolean asyncCommit) {
        this(dataSource, feed, dialect, asyncCommit, (connection, runFeed) -> StagingTarget.staging(runFeed.entity()));
    }

    /** @param asyncCommit see {@link MastersyncProperties.Load#asyncCommit()} */
    StagingItemWriter(DataSource dataSource, FeedPlan feed, SqlDialect dialect, boolean asyncCommit,
            TargetFactory targets) {
        this.dataSource = dataSource;
        this.feed = feed;
        this.dialect = dialect;
        this.asyncCommit = asyncCommit && dialect == SqlDialect.POSTGRESQL;
        this.targets = targets;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        RunFeed runFeed = MigrateJobFactory.runFeed(stepExecution.getJobExecution(), feed);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // PostgreSQL streams a large result only inside a transaction
            try {
                writer = new StagingWriter(runFeed, dialect, targets.create(connection, runFeed));
                writer.rememberStagedKeys(connection);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read the keys staged so far: " + e.getMessage(), e);
        }
    }

    @Override
    public void write(Chunk<? extends RowOutcome> chunk) throws Exception {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (asyncCommit) {
                // the chunk and the reader's position commit together, so a chunk lost in a database crash is
                // simply read again on restart; not waiting for the WAL flush saves a disk sync per chunk
                try (java.sql.Statement s = connection.createStatement()) {
                    s.execute("SET LOCAL synchronous_commit = off");
                }
            }
            writer.write(connection, chunk.getItems());
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
