package io.mastersync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.nio.file.Path;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import io.mastersync.yaml.DefinitionException;

class FailuresTest {

    @Test
    void aDatabaseProblemIsToldInTheDriversWordsNotTheSocketsOrTheFrameworks() {
        Throwable ex = new IllegalStateException("Failed to load ApplicationContext: Error creating bean 'jobRepository'",
                new RuntimeException("Failed to initialize pool",
                        new SQLException("Connection to 127.0.0.1:5999 refused. Check that the hostname and port are"
                                + " correct\nand that the postmaster is accepting TCP/IP connections.",
                                new ConnectException("Connection refused"))));

        assertThat(Failures.oneLine(ex)).isEqualTo("Connection to 127.0.0.1:5999 refused. Check that the hostname and"
                + " port are correct and that the postmaster is accepting TCP/IP connections.");
        assertThat(Failures.exitCode(ex)).isEqualTo(MastersyncCommand.EXIT_RUN_FAILED);
    }

    @Test
    void theUsersOwnMistakeWinsOverEverythingElse() {
        Throwable ex = new RuntimeException(new SQLException("driver", new DefinitionException(Path.of("jobs/a.yml"), 3,
                "unknown key 'pth'")));

        assertThat(Failures.oneLine(ex)).contains("jobs/a.yml").contains("unknown key 'pth'");
        assertThat(Failures.exitCode(ex)).isEqualTo(MastersyncCommand.EXIT_USAGE);
    }

    @Test
    void withoutADriverMessageTheRootCauseIsShown() {
        assertThat(Failures.oneLine(new RuntimeException("outer", new IllegalArgumentException("the root"))))
                .isEqualTo("the root");
    }
}
