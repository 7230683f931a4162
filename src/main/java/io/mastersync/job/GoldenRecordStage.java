package io.mastersync.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import io.mastersync.canonical.EntityType;
import io.mastersync.golden.GoldenStep;
import io.mastersync.golden.MatchFile;
import io.mastersync.golden.MatchStep;
import io.mastersync.source.FeedDefinition;
import io.mastersync.yaml.DefinitionException;

/**
 * Deduplication and golden records (order 200, after the quality gate): for each entity whose feeds name a
 * {@code match:} file, a {@code match:<entity>} step and a {@code golden:<entity>} step; a sync appends the same
 * steps after applying its changes (matching only the changed records where it can, skipped when the sync changed
 * nothing). Each step is one
 * tasklet in one transaction that first deletes what an earlier attempt of this run wrote, so a run killed
 * mid-match resumes by redoing that step whole.
 */
@Component
class GoldenRecordStage implements RunStage {

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final DataSource dataSource;
    private final MastersyncProperties properties;

    GoldenRecordStage(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            DataSource dataSource, MastersyncProperties properties) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.dataSource = dataSource;
        this.properties = properties;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public List<Step> steps(MigrationPlan plan) {
        return steps(plan, false);
    }

    /**
     * @param onlyAfterChanges a sync: match and build golden records again only when this run changed the
     *                         entity's staged records (or it has no golden records yet), so that a sync that
     *                         changed nothing changes nothing; and match and rebuild golden records
     *                         incrementally unless {@code mastersync.sync.incremental-match} is false
     */
    List<Step> steps(MigrationPlan plan, boolean onlyAfterChanges) {
        List<Step> steps = new ArrayList<>();
        for (EntityType entity : EntityType.values()) {
            MatchFile file = matchFile(plan, entity);
            if (file == null) {
                continue;
            }
            steps.add(step("match:" + entity.code(), (contribution, chunk) -> {
                long runId = runId(contribution);
                if (!onlyAfterChanges || due(runId, entity)) {
                    MastersyncProperties.Sync sync = properties.sync();
                    new MatchStep(new JdbcTemplate(dataSource), file, properties.match().pairRunsKept()).run(runId,
                            onlyAfterChanges && sync.incrementalMatch()
                                    ? new MatchStep.Incremental(sync.rematchShare(), sync.incrementalMinRecords())
                                    : null);
                }
                return RepeatStatus.FINISHED;
            }));
            steps.add(step("golden:" + entity.code(), (contribution, chunk) -> {
                long runId = runId(contribution);
                if (!onlyAfterChanges || due(runId, entity)) {
                    new GoldenStep(new JdbcTemplate(dataSource), file).run(runId,
                            onlyAfterChanges && properties.sync().incrementalMatch());
                }
                return RepeatStatus.FINISHED;
            }));
        }
        return steps;
    }

    /** This run changed staged records of the entity, or the entity has staged records but no golden records. */
    private boolean due(long runId, EntityType entity) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Integer changed = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1 FROM sync_change WHERE run_id = ? AND"
                + " entity = ? AND feed NOT LIKE 'golden:%' FETCH FIRST 1 ROWS ONLY) x", Integer.class, runId,
                entity.code());
        if (changed != null && changed > 0) {
            return true;
        }
        Integer linked = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1 FROM mdm_xref WHERE entity = ? FETCH"
                + " FIRST 1 ROWS ONLY) x", Integer.class, entity.code());
        return linked == null || linked == 0;
    }

    /** The one match file all feeds of the entity name, parsed; null when none names one. */
    static MatchFile matchFile(MigrationPlan plan, EntityType entity) {
        Optional<Path> chosen = null;
        FeedDefinition first = null;
        for (FeedPlan feed : plan.feeds()) {
            FeedDefinition def = feed.definition();
            if (def.entity() != entity) {
                continue;
            }
            if (first == null) {
                first = def;
                chosen = def.matchFile();
            } else if (!chosen.equals(def.matchFile())) {
                throw new DefinitionException(def.jobFile(), 0, "all " + entity.code() + " feeds of a run must name "
                        + "the same match file, but " + def.name() + " has " + def.matchFile().map(Path::toString)
                                .orElse("none") + " and " + first.name() + " has "
                        + chosen.map(Path::toString).orElse("none"));
            }
        }
        if (chosen == null || chosen.isEmpty()) {
            return null;
        }
        if (!java.nio.file.Files.isRegularFile(chosen.get())) {
            throw new DefinitionException(first.jobFile(), 0, "match file not found: " + chosen.get());
        }
        return MatchFile.read(chosen.get(), entity);
    }

    private static long runId(org.springframework.batch.core.step.StepContribution contribution) {
        return contribution.getStepExecution().getJobExecution().getJobInstance().getInstanceId();
    }

    private Step step(String name, Tasklet tasklet) {
        return new StepBuilder(name, jobRepository).tasklet(tasklet, transactionManager).build();
    }
}
