package io.mastersync.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mastersync} command line. Options of the form {@code --spring.x=...}, {@code --logging.x=...}
 * and {@code --mastersync.x=...} are Spring settings and go to the application context; the rest is
 * parsed here.
 *
 * <p>Exit codes: 0 done, 1 the run failed, 2 bad usage or a broken job/rules file or source, 3 the run's
 * quality gate failed (an error-level check).
 */
@Command(name = "mastersync", mixinStandardHelpOptions = true, version = "mastersync 0.1.0",
        description = "Moves ERP master data (items, customers) out of legacy systems into clean staging tables.",
        subcommands = {MigrateCommand.class, SyncCommand.class, ServeCommand.class, ChangesCommand.class, ReviewCommand.class,
                EvaluateCommand.class, ReportCommand.class, ProfileCommand.class, RejectsCommand.class,
                GenerateCommand.class, CommandLine.HelpCommand.class})
public final class MastersyncCommand implements Runnable {

    public static final int EXIT_OK = 0;
    public static final int EXIT_RUN_FAILED = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_QUALITY_GATE = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. migrate");
    }

    public static int execute(String[] args) {
        return execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /** Runs the command line with the given output streams (tests capture them). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        List<String> springArgs = new ArrayList<>();
        List<String> commandArgs = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--spring.") || arg.startsWith("--logging.") || arg.startsWith("--mastersync.")) {
                springArgs.add(arg);
            } else {
                commandArgs.add(arg);
            }
        }
        CommandLine cli = commandLine(springArgs);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("mastersync: " + Failures.oneLine(ex));
            return Failures.exitCode(ex);
        });
        cli.setParameterExceptionHandler((ex, a) -> {
            PrintWriter errOut = ex.getCommandLine().getErr();
            errOut.println("mastersync: " + ex.getMessage());
            errOut.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return EXIT_USAGE;
        });
        return cli.execute(commandArgs.toArray(String[]::new));
    }

    /**
     * The command tree. Help is 120 columns wide, as the descriptions are written: at picocli's default of 80 every
     * description line broke in two, leaving a word or two on a line of its own.
     */
    static CommandLine commandLine(List<String> springArgs) {
        CommandLine cli = new CommandLine(new MastersyncCommand(), new CommandFactory(springArgs));
        cli.setUsageHelpWidth(120);
        return cli;
    }

    /** Hands each command the Spring arguments it needs to start a context. */
    private record CommandFactory(List<String> springArgs) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == MigrateCommand.class) {
                return cls.cast(new MigrateCommand(springArgs));
            }
            if (cls == ReportCommand.class) {
                return cls.cast(new ReportCommand(springArgs));
            }
            if (cls == RejectsCommand.Export.class) {
                return cls.cast(new RejectsCommand.Export(springArgs));
            }
            if (SpringCommand.class.isAssignableFrom(cls)) {
                return cls.cast(cls.getDeclaredConstructor(List.class).newInstance(springArgs));
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
