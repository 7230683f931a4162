package io.mastersync.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import io.mastersync.job.MigrationRunner;
import io.mastersync.job.RunResult;
import io.mastersync.load.RunLedger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mastersync migrate --job jobs/items.yml [--job ...]}: the initial migration of legacy masters. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Extracts, cleanses, validates and stages the feeds described by the job files.",
                "Running the same command again resumes an interrupted run from its last committed chunk.",
                "The database comes from SPRING_DATASOURCE_URL / --spring.datasource.url (default: embedded H2",
                "under ./mastersync-data)."})
final class MigrateCommand implements Callable<Integer> {

    private final List<String> springArgs;

    @Option(names = "--job", required = true, paramLabel = "FILE",
            description = "A job file (YAML) describing one feed; repeat for several feeds.")
    List<Path> jobs;

    @Option(names = "--fresh", description = "Abandon an unfinished run of the same job files and start over.")
    boolean fresh;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    MigrateCommand(List<String> springArgs) {
        this.springArgs = springArgs;
    }

    @Override
    public Integer call() throws Exception {
        try (ConfigurableApplicationContext context = SpringContext.start(springArgs)) {
            RunResult result = context.getBean(MigrationRunner.class).migrate(jobs, fresh);
            print(result, context, spec.commandLine().getOut());
            if (result.qualityGateFailed()) {
                spec.commandLine().getErr().println("mastersync: run " + result.runId() + ": " + result.failure());
                return MastersyncCommand.EXIT_QUALITY_GATE;
            }
            if (!result.success()) {
                spec.commandLine().getErr().println("mastersync: run " + result.runId() + " failed: " + result.failure());
                return MastersyncCommand.EXIT_RUN_FAILED;
            }
            return MastersyncCommand.EXIT_OK;
        }
    }

    /** {@code passed}, {@code passed with warnings} or {@code failed (2 checks)}. */
    static String verdictLine(RunResult.Quality quality) {
        if (quality.verdict().equals("failed")) {
            long n = quality.blockingChecks();
            return "failed (" + n + (n == 1 ? " check)" : " checks)");
        }
        return quality.verdict().replace('-', ' ');
    }

    private static void print(RunResult result, ConfigurableApplicationContext context, PrintWriter out) {
        out.printf("Run %d %s%n", result.runId(), result.success() ? "completed"
                : result.qualityGateFailed() ? "failed its quality gate (nothing after the gate was published)"
                : "did not complete");
        out.printf("%-24s %-9s %10s %10s %10s %10s %10s%n", "feed", "entity", "read", "loaded", "rejected",
                "filtered", "flagged");
        for (RunLedger.FeedRow f : result.feeds()) {
            out.printf("%-24s %-9s %10d %10d %10d %10d %10d%n", f.feed(), f.entity(), f.accounting().read(),
                    f.accounting().loaded(), f.accounting().notLoaded(), f.accounting().filtered(),
                    f.accounting().flagged());
        }
        String url = context.getEnvironment().getProperty("spring.datasource.url", "");
        out.printf("Results: tables stg_item and stg_customer (staged rows), rej_record and rej_reason (rejects with"
                + " reasons, run_id = %d), run_feed (accounting) in %s%n", result.runId(), DatabaseUrls.redact(url));
        RunResult.Quality quality = result.quality();
        if (quality != null) {
            out.printf("quality: %s%n", verdictLine(quality));
            out.printf("Report: %s (JSON: %s)%n", quality.reportHtml(), quality.reportJson());
        }
        out.flush();
    }
}
