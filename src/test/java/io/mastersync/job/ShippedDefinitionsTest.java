package io.mastersync.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.mastersync.source.FeedDefinition;
import io.mastersync.source.FeedDefinitionParser;
import io.mastersync.source.SourcePosition;
import io.mastersync.source.SourceReader;
import io.mastersync.source.SourceReaders;

/** Every job file shipped under jobs/ parses and matches its data sample's columns. */
class ShippedDefinitionsTest {

    @Test
    void everyShippedJobFileParsesAndItsMappingFitsItsSource() throws IOException {
        List<Path> jobs;
        try (Stream<Path> files = Files.list(Path.of("jobs"))) {
            jobs = files.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
        assertThat(jobs).isNotEmpty();
        for (Path job : jobs) {
            FeedDefinition def = FeedDefinitionParser.parse(job);
            try (SourceReader reader = SourceReaders.create(def.source())) {
                reader.open(SourcePosition.START);
                def.mapping().bind(reader.layout(), job.toString(), job.toString());
                assertThat(reader.read()).as("first row of %s", job).isNotNull();
            }
        }
    }
}
