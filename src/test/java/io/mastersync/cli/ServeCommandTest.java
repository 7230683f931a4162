package io.mastersync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MastersyncCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private Path jobFile(String syncBlock) throws IOException {
        Files.writeString(dir.resolve("current.csv"), "NR,NAME\nC1,One\n");
        return Files.writeString(dir.resolve("customers.yml"), """
                feed: serve-customers
                source-system: LEGACY
                entity: customer
                source:
                  kind: csv
                  path: current.csv
                mapping:
                  source-key: NR
                  name: NAME
                """ + syncBlock);
    }

    @Test
    void helpNamesTheOptions() {
        Result help = run("serve", "--help");

        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--job").contains("--once").contains("--poll").contains("sync.schedule");
        assertThat(run("--help").out()).contains("serve");
    }

    @Test
    void aJobFileWithoutAScheduleIsAUsageErrorNamingTheFile() throws IOException {
        Path job = jobFile("");

        Result r = run("serve", "--job", job.toString(), "--once");

        assertThat(r.code()).isEqualTo(MastersyncCommand.EXIT_USAGE);
        assertThat(r.err()).startsWith("mastersync: " + job + ": no sync.schedule");
    }

    @Test
    void aBadPollIsAUsageError() throws IOException {
        Path job = jobFile("sync:\n  schedule: \"0 0 3 * * *\"\n");

        Result r = run("serve", "--job", job.toString(), "--poll", "soon");

        assertThat(r.code()).isEqualTo(MastersyncCommand.EXIT_USAGE);
        assertThat(r.err()).contains("--poll: 'soon' is not a positive duration");
    }
}
