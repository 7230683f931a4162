package io.mastersync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class GenerateCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return MastersyncCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void generateCustomersHelpExitsZero() {
        assertThat(run("generate", "customers", "--help")).isZero();
        assertThat(out.toString()).contains("--rows", "--out", "--seed", "--duplicates", "--dirty");
    }

    @Test
    void generateCustomersHelpThroughTheRealEntryPointExitsZero() {
        assertThat(MastersyncCommand.execute(new String[] {"generate", "customers", "--help"})).isZero();
    }

    @Test
    void generatesAFileWithoutSpring() throws Exception {
        Path csv = dir.resolve("c.csv");
        assertThat(run("generate", "customers", "--rows", "50", "--out", csv.toString(), "--seed", "3")).isZero();
        assertThat(Files.readAllLines(csv)).hasSize(51);
        assertThat(Files.exists(dir.resolve("c.csv.truth.csv"))).isTrue();
        assertThat(out.toString()).contains("Wrote 50 customers");
    }

    @Test
    void badSharesAreUsageErrors() {
        assertThat(MastersyncCommand.execute(new String[] {"generate", "customers", "--rows", "5", "--out",
                dir.resolve("x.csv").toString(), "--duplicates", "0.7", "--dirty", "0.4"}))
                .isEqualTo(MastersyncCommand.EXIT_USAGE);
    }
}
