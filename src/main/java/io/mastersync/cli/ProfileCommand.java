package io.mastersync.cli;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.mastersync.canonical.CanonicalField;
import io.mastersync.canonical.EntityType;
import io.mastersync.cleanse.RecordValidator;
import io.mastersync.cleanse.RowCleanser;
import io.mastersync.cleanse.RowOutcome;
import io.mastersync.cleanse.RuleSet;
import io.mastersync.cleanse.rules.RulesFileParser;
import io.mastersync.load.SeenKeys;
import io.mastersync.quality.CheckSuggester;
import io.mastersync.quality.ProfileRunner;
import io.mastersync.quality.RowAccessor;
import io.mastersync.source.FeedDefinition;
import io.mastersync.source.FeedDefinitionParser;
import io.mastersync.source.SourcePosition;
import io.mastersync.source.SourceReader;
import io.mastersync.source.SourceReaders;
import io.mastersync.source.SourceRow;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mastersync profile --job jobs/x.yml [--out FILE] [--limit N]}: profiles a feed's source through the
 * same reader, mapping and rules cleansing as migrate, without loading anything (no database), and writes
 * suggested quality checks for a steward to edit. One streaming pass; memory stays bounded.
 */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = {"Suggests quality checks from a profile of a feed's source; loads nothing.",
                "Reads the source like migrate does (reader, mapping, rules), profiles the rows that would be staged",
                "and writes checks in the quality-checks file format for a steward to edit."})
final class ProfileCommand implements Callable<Integer> {

    @Option(names = "--job", required = true, paramLabel = "FILE", description = "The job file of the feed.")
    Path job;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the checks (default: standard output).")
    Path out;

    @Option(names = "--limit", paramLabel = "N", description = "Read at most N source rows.")
    Long limit;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** No Spring here, so no logging settings: keep library INFO lines off standard output (the YAML may go there). */
    private static void quietLogging() {
        org.slf4j.Logger root = org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    @Override
    public Integer call() throws Exception {
        if (limit != null && limit < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1");
        }
        quietLogging();
        FeedDefinition def = FeedDefinitionParser.parse(job);
        EntityType entity = def.entity();
        RuleSet rules = def.rulesFile().isPresent() ? RulesFileParser.parse(def.rulesFile().get(), entity) : RuleSet.NONE;
        RowCleanser cleanser = new RowCleanser(entity, def.sourceSystem(), def.mapping(), def.jobFile().toString(), rules,
                def.formats(), new RecordValidator());
        List<String> columns = new ArrayList<>();
        for (CanonicalField f : entity.fields()) {
            if (!f.name().equals("source-system")) {
                columns.add(f.name());
            }
        }
        ProfileRunner runner = new ProfileRunner(def.name(), CheckSuggester.profilingAnalyzers(columns));
        Pass pass = profile(def, cleanser, runner, null);
        if (!pass.lastOfRepeated().isEmpty()) {
            // a key repeated in the feed is staged once, from its last row: profile again without the earlier rows,
            // or they count in every metric (and make the key itself look not unique)
            pass = profile(def, cleanser, runner, pass.lastOfRepeated());
        }
        long read = pass.read();
        long accepted = pass.accepted();
        long rejected = pass.rejected();
        long filtered = pass.filtered();
        SeenKeys keys = pass.keys();
        ProfileRunner.Partition partition = pass.partition();
        String yaml = "# " + read + " source rows read from " + def.source().getClass().getSimpleName().replace("SourceSpec", "")
                .toLowerCase(java.util.Locale.ROOT) + " source of job " + job + ": " + keys.size() + " would be staged"
                + (accepted > keys.size() ? " (" + (accepted - keys.size()) + " more rows repeat a source key: the"
                        + " later row wins)" : "") + ", " + rejected + " rejected, " + filtered + " filtered; checks"
                + " below are about the rows that would be staged.\n"
                + CheckSuggester.suggest(def.name(), runner.result(partition).allMetrics(), entity);
        if (out == null) {
            spec.commandLine().getOut().print(yaml);
        } else {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                w.write(yaml);
            }
            spec.commandLine().getOut().printf("Profiled %d rows of %s (%d would be staged); suggested checks written to %s%n",
                    read, def.name(), keys.size(), out);
        }
        spec.commandLine().getOut().flush();
        return MastersyncCommand.EXIT_OK;
    }

    /**
     * One pass over the source. The accepted rows go into the profile, except, when {@code lastOfRepeated} is given,
     * the earlier rows of a repeated key (they are superseded: the later row wins).
     */
    private Pass profile(FeedDefinition def, RowCleanser cleanser, ProfileRunner runner,
            java.util.Map<String, Long> lastOfRepeated) {
        EntityType entity = def.entity();
        ProfileRunner.Partition partition = runner.newPartition();
        Object[][] current = new Object[1][];
        RowAccessor row = new RowAccessor() {
            @Override
            public Object get(String column) {
                int i = entity.indexOf(column);
                return i < 0 ? null : current[0][i];
            }

            @Override
            public boolean has(String column) {
                return entity.indexOf(column) >= 0;
            }
        };
        long read = 0;
        long accepted = 0;
        long rejected = 0;
        long filtered = 0;
        SeenKeys keys = new SeenKeys();
        java.util.Map<String, Long> repeated = new java.util.HashMap<>();
        try (SourceReader reader = SourceReaders.create(def.source(), SourceReaders.READ_ALL)) {
            reader.open(SourcePosition.START);
            SourceRow source;
            while ((limit == null || read < limit) && (source = reader.read()) != null) {
                read++;
                RowOutcome outcome = cleanser.cleanse(source);
                if (outcome instanceof RowOutcome.Accepted a) {
                    accepted++;
                    String key = a.record().sourceKey();
                    if (!keys.add(key)) {
                        repeated.put(key, accepted);
                    }
                    Long last = lastOfRepeated == null ? null : lastOfRepeated.get(key);
                    if (last == null || last == accepted) {
                        current[0] = a.record().values();
                        partition.accept(row);
                    }
                } else if (outcome instanceof RowOutcome.Rejected) {
                    rejected++;
                } else {
                    filtered++;
                }
            }
        }
        return new Pass(read, accepted, rejected, filtered, keys, repeated, partition);
    }

    /** What one pass read, and the ordinal (among accepted rows) of the last row of each repeated key. */
    private record Pass(long read, long accepted, long rejected, long filtered, SeenKeys keys,
            java.util.Map<String, Long> lastOfRepeated, ProfileRunner.Partition partition) {
    }
}
