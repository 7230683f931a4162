package io.mastersync.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's run command on a machine with no database configured: the embedded H2 default. */
class EmbeddedDefaultIT {

    @TempDir
    Path workDir;

    @Test
    void theReadmeRunCommandWorksWithoutAnyDatabaseSettings() throws Exception {
        Path project = Path.of("").toAbsolutePath();
        Path jar = Path.of(System.getProperty("mastersync.jar", "target/mastersync.jar")).toAbsolutePath();
        Path log = workDir.resolve("run.log");
        ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "migrate", "--job", project.resolve("jobs/items-acme.yml").toString(), "--job",
                project.resolve("jobs/customers-acme.yml").toString()))
                .directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("SPRING_"));

        Process p = pb.start();

        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String out = Files.readString(log);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("Run 1 completed").contains("jdbc:h2:file:./mastersync-data/mastersync");
        assertThat(workDir.resolve("mastersync-data/mastersync.mv.db")).exists();
    }
}
