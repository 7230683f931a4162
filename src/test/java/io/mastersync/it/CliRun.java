package io.mastersync.it;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.mastersync.cli.MastersyncCommand;

/** Runs the mastersync command line in this JVM and keeps what it printed. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun migrate(TestDatabase db, Path... jobFiles) {
        List<String> args = new ArrayList<>(List.of("migrate"));
        for (Path job : jobFiles) {
            args.add("--job");
            args.add(job.toString());
        }
        args.addAll(db.springArgs());
        return run(args);
    }

    public static CliRun run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MastersyncCommand.execute(args.toArray(String[]::new), new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}
