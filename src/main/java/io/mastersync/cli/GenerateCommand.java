package io.mastersync.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.mastersync.bench.BenchCsvGenerator;
import io.mastersync.bench.CustomerCsvGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mastersync generate customers|items ...}: synthetic master data files for benchmarks. No Spring. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Writes synthetic master data (CSV) for benchmarks, with near-duplicates and defective rows.",
        subcommands = {GenerateCommand.Customers.class, CommandLine.HelpCommand.class})
final class GenerateCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name what to generate: customers");
    }

    /** Options every generator takes. */
    static class Common {
        @Option(names = "--rows", required = true, paramLabel = "N", description = "Number of data rows.")
        long rows;

        @Option(names = "--out", required = true, paramLabel = "FILE",
                description = "The CSV to write (UTF-8, with header). The true duplicate pairs go to FILE.truth.csv.")
        Path out;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
                description = "Random seed; the same seed gives the same files (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--duplicates", paramLabel = "SHARE", defaultValue = "0.10",
                description = "Share of rows that are near-duplicates of an earlier row, with a new key "
                        + "(default: ${DEFAULT-VALUE}).")
        double duplicates;

        @Option(names = "--dirty", paramLabel = "SHARE", defaultValue = "0.02",
                description = "Share of rows with a defect that validation rejects (default: ${DEFAULT-VALUE}).")
        double dirty;

        void check(CommandLine cli) {
            if (rows < 0) {
                throw new CommandLine.ParameterException(cli, "--rows must not be negative");
            }
            if (!(duplicates >= 0 && duplicates < 1) || !(dirty >= 0 && dirty < 1) || duplicates + dirty >= 1) {
                throw new CommandLine.ParameterException(cli,
                        "--duplicates and --dirty must be shares between 0 and 1 that add up to less than 1");
            }
        }

        int run(CommandLine cli, BenchCsvGenerator<?> generator, String what) throws Exception {
            long start = System.nanoTime();
            BenchCsvGenerator.Summary s = generator.generate(rows, out);
            double seconds = (System.nanoTime() - start) / 1e9;
            PrintWriter w = cli.getOut();
            w.printf("Wrote %d %s to %s (%d bytes, %.0f bytes/row) in %.1f s: %d near-duplicates, %d dirty%n",
                    s.rows(), what, s.file(), s.bytes(), s.rows() == 0 ? 0.0 : (double) s.bytes() / s.rows(), seconds,
                    s.duplicates(), s.dirty());
            w.printf("Duplicate pairs: %s%n", s.truthFile());
            w.flush();
            return MastersyncCommand.EXIT_OK;
        }
    }

    @Command(name = "customers", mixinStandardHelpOptions = true,
            description = {"Customer master: customer_no,name,legal_form,vat_id,email,phone,street,postal_code,city,"
                    + "country,credit_limit,currency (about 140 bytes per row).",
                    "Persons and companies from DE, FR, US and GB."})
    static final class Customers implements Callable<Integer> {
        @CommandLine.Mixin
        Common common = new Common();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            common.check(spec.commandLine());
            return common.run(spec.commandLine(),
                    new CustomerCsvGenerator(common.seed, common.duplicates, common.dirty), "customers");
        }
    }
}
