package io.mastersync.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's run command on a machine with no database configured: the embedded H2 default. */
class EmbeddedDefaultIT {

    @TempDir
    Path workDir;
    private final Path project = Path.of("").toAbsolutePath();

    private record Run(int exitCode, String out) {
    }

    private Run mastersync(String... args) throws Exception {
        Path jar = Path.of(System.getProperty("mastersync.jar", "target/mastersync.jar")).toAbsolutePath();
        Path log = workDir.resolve("run.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("SPRING_"));
        Process p = pb.start();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return new Run(p.exitValue(), Files.readString(log));
    }

    @Test
    void theReadmeRunCommandWorksWithoutAnyDatabaseSettings() throws Exception {
        Run run = mastersync("migrate", "--job", project.resolve("jobs/items-acme.yml").toString(), "--job",
                project.resolve("jobs/customers-acme.yml").toString());

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("Run 1 completed").contains("jdbc:h2:file:./mastersync-data/mastersync");
        assertThat(workDir.resolve("mastersync-data/mastersync.mv.db")).exists();

        // a sync of the unchanged export on the embedded database changes nothing, twice
        String job = project.resolve("jobs/customers-acme.yml").toString();
        for (int i = 0; i < 2; i++) {
            Run sync = mastersync("sync", "--job", job);
            assertThat(sync.exitCode()).as(sync.out()).isZero();
            String counts = sync.out().lines().filter(l -> l.startsWith("acme-customers")).findFirst().orElseThrow();
            // feed, read, inserted, updated, unchanged, deleted, ...
            String[] c = counts.trim().split("\\s+");
            assertThat(List.of(c[2], c[3], c[5])).as(counts).containsExactly("0", "0", "0");
            assertThat(Long.parseLong(c[4])).as(counts).isPositive();
        }
    }
}
