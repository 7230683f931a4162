package io.mastersync.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.ConfigurableApplicationContext;

import io.mastersync.job.ScheduledFeed;
import io.mastersync.job.SyncScheduler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mastersync serve --job jobs/items.yml}: the job files' syncs on their {@code sync.schedule}. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the delta syncs of the job files on their schedules (sync.schedule, a cron expression",
                "with six fields, seconds first) until stopped (SIGTERM). At each fire time one sync of the",
                "job file, exactly as 'mastersync sync' does: an unfinished run is resumed first. A fire time",
                "missed while serve was not running is caught up once at start-up. Never two syncs of one",
                "feed at once, even across processes: a firing that finds one running is skipped until the",
                "next fire time. One line is logged per firing.",
                "With --once the exit code is that of the first firing that did not complete (as for sync),",
                "else 0; for system cron or a Kubernetes CronJob 'mastersync sync' is the simpler choice."})
final class ServeCommand implements Callable<Integer>, SpringCommand {

    /** How long SIGTERM waits for a running sync before the process exits (an unfinished run resumes later). */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(25);

    private final List<String> springArgs;

    @Option(names = "--job", required = true, paramLabel = "FILE",
            description = "A job file (YAML) with a sync.schedule; repeat for several feeds.")
    List<Path> jobs;

    @Option(names = "--once", description = "Catch up missed and due fire times, then exit.")
    boolean once;

    @Option(names = "--poll", paramLabel = "DURATION", defaultValue = "10s",
            description = "Longest wait between two checks of the schedules (default: ${DEFAULT-VALUE}).")
    String poll;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    ServeCommand(List<String> springArgs) {
        this.springArgs = springArgs;
    }

    @Override
    public Integer call() throws Exception {
        Duration pollEvery = pollDuration();
        List<ScheduledFeed> feeds = ScheduledFeed.load(jobs);
        List<String> args = new ArrayList<>(springArgs);
        // our shutdown hook closes the context after the running sync, not while it runs
        args.add("--spring.main.register-shutdown-hook=false");
        CountDownLatch finished = new CountDownLatch(1);
        try (ConfigurableApplicationContext context = SpringContext.start(args)) {
            SyncScheduler scheduler = context.getBean(SyncScheduler.class);
            PrintWriter out = spec.commandLine().getOut();
            LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
            for (ScheduledFeed feed : feeds) {
                out.printf("feed %s: schedule '%s', next fire time %s%n", feed.feed(), feed.cronText(),
                        feed.cron().next(now));
            }
            out.flush();
            if (once) {
                return exitCode(scheduler.runDue(feeds));
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                scheduler.stop();
                try {
                    finished.await(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "mastersync-serve-shutdown"));
            scheduler.serve(feeds, pollEvery);
            return MastersyncCommand.EXIT_OK;
        } finally {
            finished.countDown();
        }
    }

    private Duration pollDuration() {
        try {
            Duration d = DurationStyle.detectAndParse(poll);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("not positive");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--poll: '" + poll + "' is not a positive duration such as 10s or 1m");
        }
    }

    private static int exitCode(List<SyncScheduler.Firing> firings) {
        for (SyncScheduler.Firing f : firings) {
            switch (f.outcome()) {
                case SAFETY_VALVE:
                    return SyncCommand.EXIT_SAFETY_VALVE;
                case FAILED:
                    return f.error() == null ? MastersyncCommand.EXIT_RUN_FAILED : Failures.exitCode(f.error());
                default:
                    break;
            }
        }
        return MastersyncCommand.EXIT_OK;
    }
}
