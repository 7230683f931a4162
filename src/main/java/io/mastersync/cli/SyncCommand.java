package io.mastersync.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import io.mastersync.job.RunResult;
import io.mastersync.job.SyncRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mastersync sync --job jobs/items.yml}: one delta sync, for system cron or a Kubernetes CronJob. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Moves what changed in the legacy source since the last run into staging: inserts, updates",
                "and soft deletes, with an audit trail and change-feed entries. Running it again on the same",
                "input changes nothing. A killed or failed sync is resumed by running the same command again.",
                "Exit code 4: the safety valve stopped the sync before applying anything."})
final class SyncCommand implements Callable<Integer>, SpringCommand {

    static final int EXIT_SAFETY_VALVE = 4;

    private final List<String> springArgs;

    @Option(names = "--job", required = true, paramLabel = "FILE",
            description = "A job file (YAML) describing one feed; repeat for several feeds.")
    List<Path> jobs;

    @Option(names = "--force", description = "Apply even when a feed would change more than its sync.max-change-share.")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    SyncCommand(List<String> springArgs) {
        this.springArgs = springArgs;
    }

    @Override
    public Integer call() throws Exception {
        try (ConfigurableApplicationContext context = SpringContext.start(springArgs)) {
            SyncRunner.SyncResult result = context.getBean(SyncRunner.class).sync(jobs, force);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Sync run %d %s%n", result.run().runId(), result.run().success() ? "completed" : "did not complete");
            printCounts(out, result.feedLines());
            RunResult.Quality quality = result.run().quality();
            if (quality != null) {
                out.printf("quality: %s%n", MigrateCommand.verdictLine(quality));
                out.printf("Report: %s (JSON: %s)%n", quality.reportHtml(), quality.reportJson());
            }
            out.flush();
            if (result.run().qualityGateFailed()) {
                spec.commandLine().getErr().println("mastersync: sync run " + result.run().runId() + ": "
                        + result.run().failure());
                return MastersyncCommand.EXIT_QUALITY_GATE;
            }
            if (result.stoppedBySafetyValve()) {
                spec.commandLine().getErr().println("mastersync: " + result.run().failure());
                return EXIT_SAFETY_VALVE;
            }
            if (!result.run().success()) {
                spec.commandLine().getErr().println("mastersync: sync run " + result.run().runId() + " failed: "
                        + result.run().failure());
                return MastersyncCommand.EXIT_RUN_FAILED;
            }
            return MastersyncCommand.EXIT_OK;
        }
    }

    /** One line per applied feed; nothing when no feed was applied (stopped by the safety valve, or failed). */
    private static void printCounts(PrintWriter out, List<String> feedLines) {
        if (feedLines.isEmpty()) {
            return;
        }
        // the columns from read to filtered add up: read = inserted + ... + filtered; deleted (keys made non-live:
        // tombstones of staged keys, keys missing from a snapshot) and not-cleansed are not in the sum
        out.printf("%-24s %10s %10s %10s %10s %10s %10s %10s %10s %12s%n", "feed", "read", "inserted", "updated",
                "unchanged", "tombstones", "rejected", "filtered", "deleted", "not-cleansed");
        feedLines.forEach(out::println);
    }
}
