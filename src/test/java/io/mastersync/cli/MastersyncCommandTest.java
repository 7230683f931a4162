package io.mastersync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class MastersyncCommandTest {

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MastersyncCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void helpIsAvailableForTheToolAndForMigrate() {
        Result root = run("--help");
        assertThat(root.code()).isZero();
        assertThat(root.out()).contains("migrate");

        Result migrate = run("migrate", "--help");
        assertThat(migrate.code()).isZero();
        assertThat(migrate.out()).contains("--job").contains("--fresh");
    }

    @Test
    void everyCommandsHelpKeepsItsDescriptionLinesWhole() {
        java.util.List<picocli.CommandLine> commands = new java.util.ArrayList<>();
        java.util.ArrayDeque<picocli.CommandLine> todo = new java.util.ArrayDeque<>();
        todo.add(MastersyncCommand.commandLine(java.util.List.of()));
        while (!todo.isEmpty()) {
            picocli.CommandLine c = todo.pop();
            commands.add(c);
            todo.addAll(c.getSubcommands().values());
        }
        assertThat(commands).hasSizeGreaterThan(10);
        for (picocli.CommandLine c : commands) {
            String help = c.getUsageMessage();
            java.util.List<String> lines = help.lines().map(String::strip).toList();
            for (String line : c.getCommandSpec().usageMessage().description()) {
                if (line.length() > c.getUsageHelpWidth()) {
                    continue; // longer than the help is wide: wrapped, rightly
                }
                assertThat(lines).as("help of %s", c.getCommandSpec().qualifiedName()).contains(line.replace("%n", "").strip());
            }
        }
    }

    @Test
    void aMissingJobOptionIsAUsageErrorOnOneLine() {
        Result r = run("migrate");

        assertThat(r.code()).isEqualTo(MastersyncCommand.EXIT_USAGE);
        assertThat(r.err()).startsWith("mastersync: Missing required option: '--job=FILE'");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(run("migrat").code()).isEqualTo(MastersyncCommand.EXIT_USAGE);
    }

    @Test
    void urlsArePrintedWithoutCredentials() {
        assertThat(DatabaseUrls.redact("jdbc:postgresql://db:5432/x?user=u&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/x?user=u&password=***&ssl=true");
        assertThat(DatabaseUrls.redact("jdbc:mariadb://u:s3cret@db/x")).doesNotContain("s3cret");
    }
}
