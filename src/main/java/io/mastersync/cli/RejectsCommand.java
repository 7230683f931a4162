package io.mastersync.cli;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.mastersync.quality.RejectCsvExporter;
import io.mastersync.source.SourceException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mastersync rejects export --run <id> [--feed F] --out rejects.csv}. */
@Command(name = "rejects", mixinStandardHelpOptions = true, description = "Rejected rows of a run.",
        subcommands = RejectsCommand.Export.class)
final class RejectsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: export");
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Writes the rows a run did not load (rejected, superseded, filtered) as CSV for the legacy",
                    "system's owners: file, line, key, disposition, reasons and the raw record. Cells that a spreadsheet",
                    "would run as a formula (starting with = + - @, tab or CR) are prefixed with '."})
    static final class Export implements Callable<Integer> {

        private final List<String> springArgs;

        @Option(names = "--run", required = true, paramLabel = "RUN-ID", description = "The run id.")
        long runId;

        @Option(names = "--feed", paramLabel = "FEED", description = "Only this feed (default: every feed of the run).")
        String feed;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write (UTF-8).")
        Path out;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        Export(List<String> springArgs) {
            this.springArgs = springArgs;
        }

        @Override
        public Integer call() throws Exception {
            try (ConfigurableApplicationContext context = SpringContext.start(springArgs)) {
                JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
                Long runs = jdbc.queryForObject("SELECT COUNT(*) FROM run_summary WHERE run_id = ?", Long.class, runId);
                if (runs == null || runs == 0) {
                    throw new SourceException("there is no run " + runId + " in this database");
                }
                if (feed != null) {
                    List<String> feeds = jdbc.queryForList("SELECT feed FROM run_feed WHERE run_id = ? ORDER BY feed",
                            String.class, runId);
                    if (!feeds.contains(feed)) {
                        throw new SourceException("run " + runId + " has no feed '" + feed + "'; its feeds: "
                                + String.join(", ", feeds));
                    }
                }
                if (out.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(out.toAbsolutePath().getParent());
                }
                try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                    new RejectCsvExporter().exportRun(jdbc, runId, feed, w);
                }
                Long rows = feed == null
                        ? jdbc.queryForObject("SELECT COUNT(*) FROM rej_record WHERE run_id = ?", Long.class, runId)
                        : jdbc.queryForObject("SELECT COUNT(*) FROM rej_record WHERE run_id = ? AND feed = ?", Long.class,
                                runId, feed);
                spec.commandLine().getOut().printf("%d rows of run %d written to %s%n", rows, runId, out);
                spec.commandLine().getOut().flush();
                return MastersyncCommand.EXIT_OK;
            }
        }
    }
}
