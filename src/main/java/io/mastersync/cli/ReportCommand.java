package io.mastersync.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.mastersync.quality.HtmlReportWriter;
import io.mastersync.quality.JsonReportWriter;
import io.mastersync.quality.QualityReport;
import io.mastersync.quality.RunReportLoader;
import io.mastersync.source.SourceException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mastersync report <run-id> [--format html|json] [--out FILE]}: a past run's quality report, from the database. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Regenerates the data-quality report of a past run from the database.",
                "Reads the metrics, check results, rule outcomes and accounting stored by migrate.",
                "Default output: <mastersync.report-dir>/run-<id>.<format>."})
final class ReportCommand implements Callable<Integer> {

    enum Format { html, json }

    private final List<String> springArgs;

    @Parameters(index = "0", paramLabel = "RUN-ID", description = "The run id (as printed by migrate).")
    long runId;

    @Option(names = "--format", paramLabel = "html|json", defaultValue = "html",
            description = "html (self-contained page, default) or json (the same content).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write; '-' for standard output.")
    String out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    ReportCommand(List<String> springArgs) {
        this.springArgs = springArgs;
    }

    @Override
    public Integer call() throws IOException {
        try (ConfigurableApplicationContext context = SpringContext.start(springArgs)) {
            RunReportLoader loader = new RunReportLoader(new JdbcTemplate(context.getBean(DataSource.class)));
            if (!loader.runExists(runId)) {
                throw new SourceException("there is no run " + runId + " in this database");
            }
            QualityReport report = loader.load(runId, Instant.now());
            PrintWriter stdout = spec.commandLine().getOut();
            if ("-".equals(out)) {
                write(report, stdout);
                return MastersyncCommand.EXIT_OK;
            }
            Path target = out != null ? Path.of(out) : Path.of(context.getEnvironment()
                    .getProperty("mastersync.report-dir", "./reports")).resolve("run-" + runId + "." + format.name());
            if (target.toAbsolutePath().getParent() != null) {
                Files.createDirectories(target.toAbsolutePath().getParent());
            }
            try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                write(report, w);
            }
            stdout.printf("Run %d quality: %s; report written to %s%n", runId, report.verdict().code(), target);
            stdout.flush();
            return MastersyncCommand.EXIT_OK;
        }
    }

    private void write(QualityReport report, Writer w) {
        if (format == Format.json) {
            new JsonReportWriter().write(report, w);
        } else {
            new HtmlReportWriter().write(report, w);
        }
    }
}
