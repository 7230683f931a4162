package io.mastersync.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.mastersync.canonical.EntityType;
import io.mastersync.golden.ReviewCsv;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mastersync review export|import}: steward review of possible matches as CSV. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "Steward review of possible matches: export them as CSV, import the decisions.",
        subcommands = {ReviewCommand.Export.class, ReviewCommand.Import.class})
final class ReviewCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: export or import");
    }

    static EntityType entity(CommandLine.Model.CommandSpec spec, String code) {
        return EntityType.ofCode(code).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                "unknown entity '" + code + "'; use item or customer"));
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Writes the pending possible matches of the latest run as CSV: both records side by side,",
                    "the probability and the evidence per comparison. Fill the 'decision' column with same or",
                    "different (empty = skip) and read it back with 'review import'."})
    static final class Export implements Callable<Integer>, SpringCommand {
        private final List<String> springArgs;

        @Option(names = "--entity", required = true, description = "item or customer")
        String entity;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "CSV file to write")
        Path out;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        Export(List<String> springArgs) {
            this.springArgs = springArgs;
        }

        @Override
        public Integer call() throws Exception {
            EntityType type = entity(spec, entity);
            try (ConfigurableApplicationContext context = SpringContext.start(springArgs)) {
                int n = new ReviewCsv(new JdbcTemplate(context.getBean(DataSource.class))).export(type, out);
                spec.commandLine().getOut().printf("%d pending %s pairs written to %s%n", n, type.code(), out);
                return MastersyncCommand.EXIT_OK;
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Reads a reviewed CSV (decision same / different / empty) into mdm_steward_decision.")
    static final class Import implements Callable<Integer>, SpringCommand {
        private final List<String> springArgs;

        @Option(names = "--file", required = true, paramLabel = "FILE", description = "the reviewed CSV")
        Path file;

        @Option(names = "--by", paramLabel = "NAME", description = "who decided (default: the OS user)")
        String by;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        Import(List<String> springArgs) {
            this.springArgs = springArgs;
        }

        @Override
        public Integer call() throws Exception {
            String decidedBy = by != null ? by : System.getProperty("user.name", "steward");
            try (ConfigurableApplicationContext context = SpringContext.start(springArgs)) {
                DataSource ds = context.getBean(DataSource.class);
                ReviewCsv.ImportResult result = new TransactionTemplate(new DataSourceTransactionManager(ds))
                        .execute(status -> {
                            try {
                                return new ReviewCsv(new JdbcTemplate(ds)).importFile(file, decidedBy);
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        });
                spec.commandLine().getOut().printf("imported %d decisions (%d same, %d different), %d rows skipped%n",
                        result.same() + result.different(), result.same(), result.different(), result.skipped());
                return MastersyncCommand.EXIT_OK;
            }
        }
    }
}
