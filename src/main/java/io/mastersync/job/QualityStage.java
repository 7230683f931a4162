package io.mastersync.job;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.mastersync.canonical.CanonicalField;
import io.mastersync.canonical.EntityType;
import io.mastersync.canonical.FieldType;
import io.mastersync.quality.AnalysisResult;
import io.mastersync.quality.Analyzer;
import io.mastersync.quality.ApproxDistinct;
import io.mastersync.quality.CheckEvaluator;
import io.mastersync.quality.CheckResult;
import io.mastersync.quality.CheckStatus;
import io.mastersync.quality.Completeness;
import io.mastersync.quality.DataTypeShare;
import io.mastersync.quality.Histogram;
import io.mastersync.quality.Maximum;
import io.mastersync.quality.MaxLength;
import io.mastersync.quality.Mean;
import io.mastersync.quality.Metric;
import io.mastersync.quality.MetricRepository;
import io.mastersync.quality.MinLength;
import io.mastersync.quality.Minimum;
import io.mastersync.quality.ParallelProfile;
import io.mastersync.quality.ProfileRunner;
import io.mastersync.quality.QualityChecks;
import io.mastersync.quality.QualityChecksParser;
import io.mastersync.quality.QualityGateException;
import io.mastersync.quality.QualityReport;
import io.mastersync.quality.RunReportLoader;
import io.mastersync.quality.Size;
import io.mastersync.quality.StandardDeviation;
import io.mastersync.quality.Uniqueness;

/**
 * The data-quality stage of a migrate run (order 100, after every feed is published): per feed a
 * {@code quality:<feed>} step profiles the rows this run staged in one streaming pass (default metrics
 * plus whatever the feed's quality-checks file needs), stores the metrics in {@code dq_metric}, evaluates
 * the checks against them and the history of earlier completed runs, and stores the results in
 * {@code dq_check_result}. Then {@code quality-gate} writes the run's report and, when an error-level
 * check failed, fails the job with a {@link QualityGateException}, so no later stage publishes.
 */
@Component
class QualityStage implements RunStage {

    static final String GATE_STEP = "quality-gate";
    static final String VERDICT = "quality.verdict";
    static final String BLOCKING = "quality.blocking-checks";
    static final String REPORT_HTML = "quality.report.html";
    static final String REPORT_JSON = "quality.report.json";

    /** Distinct values up to which a text column gets a histogram (top values) in the default profile. */
    static final int LOW_CARDINALITY = 50;
    /** Columns whose duplicates a steward must see by default; a quality-checks file can ask for any other. */
    static final java.util.Set<String> IDENTIFYING = java.util.Set.of("source-key", "sku", "gtin", "mpn",
            "customer-number", "vat-id", "email", "phone");
    private static final int FETCH_SIZE = 5000;
    private static final String LINE = "source-line";

    private static final Logger log = LoggerFactory.getLogger(QualityStage.class);

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final JdbcTemplate jdbc;
    private final MetricRepository metrics;
    private final Path reportDir;
    private final boolean enabled;
    private final boolean onSync;
    private final int threads;

    QualityStage(JobRepository jobRepository, PlatformTransactionManager transactionManager, DataSource dataSource,
            MastersyncProperties properties, @Value("${mastersync.report-dir:./reports}") Path reportDir,
            @Value("${mastersync.quality.enabled:true}") boolean enabled,
            @Value("${mastersync.quality.on-sync:true}") boolean onSync) {
        this.enabled = enabled;
        this.onSync = enabled && onSync;
        this.threads = properties.processingThreads();
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.metrics = new MetricRepository(new JdbcTemplate(dataSource));
        this.reportDir = reportDir;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public List<Step> steps(MigrationPlan plan) {
        List<Step> steps = new ArrayList<>();
        if (!enabled) {
            // for measuring the pipeline without it; no metrics, no gate, no report
            return steps;
        }
        for (FeedPlan feed : plan.feeds()) {
            // parsed now, before the run starts: a broken checks file stops it before anything is loaded
            QualityChecks checks = checksOf(feed);
            steps.add(new StepBuilder("quality:" + feed.name(), jobRepository)
                    .tasklet(feedTasklet(feed, checks), transactionManager).build());
        }
        steps.add(gateStep());
        return steps;
    }

    /**
     * Whether syncs judge their feeds: {@code mastersync.quality.enabled} and {@code mastersync.quality.on-sync}
     * (default true; false for feeds where profiling the whole feed every night costs more than it tells).
     */
    boolean enabledForSync() {
        return onSync;
    }

    /** The feed's parsed quality file (null without one): parsed when a run is built, before anything loads. */
    static QualityChecks checksOf(FeedPlan feed) {
        List<String> columns = new ArrayList<>();
        for (CanonicalField field : feed.definition().entity().fields()) {
            columns.add(field.name());
        }
        columns.add(LINE);
        return feed.definition().qualityFile().map(f -> QualityChecksParser.parse(f, columns)).orElse(null);
    }

    /**
     * A sync's quality check of one feed, inside the feed's apply transaction after the changes are applied: the
     * metrics of every live staged row of the feed as it will be once committed, and the checks against the
     * history of earlier completed runs. When an error-level check fails, the metrics and results are stored in
     * a transaction of their own, the run's report is written, and a {@link QualityGateException} rolls the
     * apply back: nothing of the feed is published, not its staging rows, not its change feed.
     */
    void checkAppliedFeed(FeedPlan feed, QualityChecks checks, JobExecution job) {
        long runId = job.getJobInstance().getInstanceId();
        long started = System.nanoTime();
        FeedQuality q = measure(feed, checks, runId, false);
        List<String> blocking = blocking(q.results());
        log.info("{}: {} metrics of the synced feed in {} ms; {} checks, {} blocking", feed.name(),
                q.metrics().size(), (System.nanoTime() - started) / 1_000_000, q.results().size(), blocking.size());
        if (blocking.isEmpty()) {
            q.save(metrics, runId);
            return;
        }
        TransactionTemplate own = new TransactionTemplate(transactionManager);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        own.executeWithoutResult(status -> {
            q.save(metrics, runId);
            writeReport(job);
        });
        throw new QualityGateException(blocking.size(), "quality gate failed for feed " + feed.name()
                + ", nothing of it was applied: " + blocking.size() + " error-level check(s) failed: "
                + String.join(", ", blocking));
    }

    /** The error-level checks that failed or could not be evaluated, as {@code dataset/check-id}. */
    private static List<String> blocking(List<CheckResult> results) {
        return results.stream()
                .filter(r -> r.severity() == io.mastersync.quality.CheckSeverity.ERROR
                        && (r.status() == CheckStatus.FAILED || r.status() == CheckStatus.ERROR))
                .map(r -> r.dataset() + "/" + r.checkId()).toList();
    }

    /** A feed's metrics and check results, not stored yet. */
    private record FeedQuality(List<Metric> metrics, List<CheckResult> results) {
        void save(MetricRepository repository, long runId) {
            Instant now = Instant.now();
            repository.saveMetrics(runId, metrics, now);
            repository.saveCheckResults(runId, results, now);
        }
    }

    /** Profiles the feed's staged rows (this run's, or every live one) and evaluates its checks. */
    private FeedQuality measure(FeedPlan feed, QualityChecks checks, long runId, boolean thisRunOnly) {
        EntityType entity = feed.definition().entity();
        List<Analyzer<?>> analyzers = defaultAnalyzers(entity);
        if (checks != null) {
            analyzers.addAll(checks.analyzers());
        }
        ProfileRunner runner = new ProfileRunner(feed.name(), analyzers, List.of("source-key", LINE),
                ProfileRunner.DEFAULT_MAX_EXAMPLES);
        AnalysisResult profile = profileStaged(runner, entity, thisRunOnly ? runId : null, feed.name());
        profile.errors().forEach((a, e) -> log.debug("{}: {} not computed: {}", feed.name(), a.metricName(), e));
        List<CheckResult> results = checks == null ? List.of()
                : new CheckEvaluator(metrics.completedHistoryBefore(runId)).evaluate(checks.checks(), profile);
        return new FeedQuality(storedMetrics(profile), results);
    }

    private Tasklet feedTasklet(FeedPlan feed, QualityChecks checks) {
        return (contribution, chunkContext) -> {
            long runId = contribution.getStepExecution().getJobExecution().getJobInstance().getInstanceId();
            long started = System.nanoTime();
            FeedQuality q = measure(feed, checks, runId, true);
            q.save(metrics, runId);
            log.info("{}: {} metrics in {} ms; {} checks, {} failed, {} warnings", feed.name(), q.metrics().size(),
                    (System.nanoTime() - started) / 1_000_000, q.results().size(),
                    q.results().stream().filter(r -> r.status() == CheckStatus.FAILED
                            || r.status() == CheckStatus.ERROR).count(),
                    q.results().stream().filter(r -> r.status() == CheckStatus.WARNING).count());
            return RepeatStatus.FINISHED;
        };
    }

    /**
     * What every feed gets without asking, chosen to stay cheap on a million rows: size; per column
     * completeness and approximate distinct count (HyperLogLog); uniqueness (a hash per value) only for the
     * identifying columns, where duplicates matter; for text min/max length, the share of
     * the dominant data type and, for low-cardinality columns, a histogram; for numbers and timestamps
     * minimum, maximum, mean and standard deviation.
     */
    static List<Analyzer<?>> defaultAnalyzers(EntityType entity) {
        List<Analyzer<?>> analyzers = new ArrayList<>();
        analyzers.add(new Size());
        for (CanonicalField field : entity.fields()) {
            String c = field.name();
            if (c.equals("source-system")) {
                continue; // one value per feed by construction
            }
            analyzers.add(new Completeness(c));
            analyzers.add(new ApproxDistinct(c));
            if (IDENTIFYING.contains(c)) {
                analyzers.add(new Uniqueness(c));
            }
            if (field.type() == FieldType.TEXT) {
                analyzers.add(new MinLength(c));
                analyzers.add(new MaxLength(c));
                analyzers.add(new DataTypeShare(c));
                analyzers.add(new Histogram(c, LOW_CARDINALITY));
            } else {
                analyzers.add(new Minimum(c));
                analyzers.add(new Maximum(c));
                analyzers.add(new Mean(c));
                analyzers.add(new StandardDeviation(c));
            }
        }
        return analyzers;
    }

    /** Metrics worth keeping: a histogram that overflowed (high cardinality) says nothing and is dropped. */
    private static List<Metric> storedMetrics(AnalysisResult profile) {
        List<Metric> stored = new ArrayList<>();
        for (Metric m : profile.allMetrics()) {
            boolean overflowedHistogram = m.name().equals("histogram")
                    && m.detail().stream().anyMatch(b -> Histogram.OTHER.equals(b.value()));
            if (!overflowedHistogram) {
                stored.add(m);
            }
        }
        return stored;
    }

    /**
     * One streaming pass over the rows of this run and feed in the staging table: this thread reads, the
     * analyzers run on the processing threads (see {@link ParallelProfile}: the same result as on one thread).
     */
    private AnalysisResult profileStaged(ProfileRunner runner, EntityType entity, Long runId, String feed) {
        List<CanonicalField> fields = entity.fields();
        List<String> columns = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ");
        for (CanonicalField field : fields) {
            sql.append(field.column()).append(", ");
            columns.add(field.name());
        }
        columns.add(LINE);
        // a migrate profiles what it staged; a sync the whole feed as it stands after its changes
        sql.append("source_line FROM ").append(entity.stagingTable()).append(runId != null
                ? " WHERE run_id = ? AND feed = ?" : " WHERE feed = ? AND deleted_at IS NULL");
        try (ParallelProfile profile = new ParallelProfile(runner, columns, threads)) {
            jdbc.query(con -> {
                java.sql.PreparedStatement ps = con.prepareStatement(sql.toString());
                io.mastersync.load.BinaryResults.prefer(ps);
                ps.setFetchSize(FETCH_SIZE);
                if (runId != null) {
                    ps.setLong(1, runId);
                    ps.setString(2, feed);
                } else {
                    ps.setString(1, feed);
                }
                return ps;
            }, (ResultSet rs) -> profile.accept(read(rs, columns.size())));
            return profile.finish();
        }
    }

    private static Object[] read(ResultSet rs, int columns) throws SQLException {
        Object[] values = new Object[columns];
        for (int i = 0; i < columns; i++) {
            values[i] = rs.getObject(i + 1);
        }
        return values;
    }

    /** The gate step: the run's report and verdict; an error-level failure fails the job. */
    Step gateStep() {
        return new StepBuilder(GATE_STEP, jobRepository).tasklet(gateTasklet(), transactionManager).build();
    }

    /** Writes the run's report (HTML and JSON) and puts its verdict where {@link RunResult} finds it. */
    private QualityReport writeReport(JobExecution job) {
        long runId = job.getJobInstance().getInstanceId();
        QualityReport report = new RunReportLoader(jdbc).load(runId, Instant.now());
        RunReportLoader.ReportFiles files = RunReportLoader.write(report, reportDir);
        ExecutionContext context = job.getExecutionContext();
        context.putString(VERDICT, report.verdict().code());
        context.putLong(BLOCKING, report.blockingChecks());
        context.putString(REPORT_HTML, files.html().toString());
        context.putString(REPORT_JSON, files.json().toString());
        log.info("quality of run {}: {} (report {})", runId, report.verdict().code(), files.html());
        return report;
    }

    private Tasklet gateTasklet() {
        return (contribution, chunkContext) -> {
            JobExecution job = contribution.getStepExecution().getJobExecution();
            QualityReport report = writeReport(job);
            if (report.blockingChecks() > 0) {
                List<String> failed = blocking(report.checks());
                throw new QualityGateException(report.blockingChecks(), "quality gate failed: " + report.blockingChecks()
                        + " error-level check(s) failed: " + String.join(", ", failed));
            }
            return RepeatStatus.FINISHED;
        };
    }
}
