package io.mastersync.source;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.mastersync.yaml.YamlMap;

/** Small helpers shared by the source tests. */
final class SourceTestSupport {

    private SourceTestSupport() {
    }

    static Path write(Path dir, String name, String text, Charset charset) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, text.getBytes(charset));
        return file;
    }

    static Path writeBytes(Path dir, String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return file;
    }

    /** The source block of a job file written to {@code dir/job.yaml}. */
    static YamlMap sourceBlock(Path dir, String yaml) throws IOException {
        Path job = dir.resolve("job.yaml");
        Files.writeString(job, yaml);
        return YamlMap.read(job).requiredMap("source");
    }

    static SourceSpec spec(Path dir, String sourceYaml) throws IOException {
        return SourceSpecParser.parse(sourceBlock(dir, "source:\n" + sourceYaml.indent(2)), dir);
    }

    static List<SourceRow> readAll(SourceSpec spec) {
        return readFrom(spec, SourcePosition.START);
    }

    static List<SourceRow> readFrom(SourceSpec spec, SourcePosition position) {
        try (SourceReader reader = SourceReaders.create(spec)) {
            reader.open(position);
            List<SourceRow> rows = new ArrayList<>();
            for (SourceRow row = reader.read(); row != null; row = reader.read()) {
                rows.add(row);
            }
            return rows;
        }
    }

    /**
     * The restart contract: read n rows, take the position, close; a new reader opened there returns
     * the remaining rows with the same values and lineage as one uninterrupted read.
     */
    static void assertRestartMatches(SourceSpec spec, int n) {
        List<SourceRow> all = readAll(spec);
        SourcePosition position;
        try (SourceReader reader = SourceReaders.create(spec)) {
            reader.open(SourcePosition.START);
            for (int i = 0; i < n; i++) {
                org.assertj.core.api.Assertions.assertThat(reader.read()).as("row %d", i + 1).isNotNull();
            }
            position = reader.position();
        }
        org.assertj.core.api.Assertions.assertThat(position.recordsTotal()).isEqualTo(n);
        List<SourceRow> rest = readFrom(spec, position);
        org.assertj.core.api.Assertions.assertThat(rest.stream().map(SourceTestSupport::describe).toList())
                .as("rows after restart at %s", position)
                .containsExactlyElementsOf(all.subList(n, all.size()).stream().map(SourceTestSupport::describe).toList());
    }

    /** Everything that must survive a restart, as comparable text. */
    static String describe(SourceRow row) {
        return row.lineage() + " " + java.util.Arrays.toString(row.values()) + " " + row.problems() + " " + row.layout();
    }
}
