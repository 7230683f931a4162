package io.mastersync.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.mastersync.cleanse.RuleSet;
import io.mastersync.cleanse.rules.DeclaredRules;
import io.mastersync.cleanse.rules.RulesFileParser;
import io.mastersync.cleanse.rules.UniqueCheck;
import io.mastersync.source.FeedDefinition;
import io.mastersync.source.FeedDefinitionParser;
import io.mastersync.source.SourceException;
import io.mastersync.source.SourceReader;
import io.mastersync.source.SourceDescription;
import io.mastersync.source.SourceReaders;
import io.mastersync.yaml.DefinitionException;

/**
 * Reads the job files (and their rules), checks that every source can be opened and has every mapped
 * column, and fixes the plan of a run. Any problem here stops the run before a single row is loaded.
 */
@Component
class MigrationPlanner {

    MigrationPlan plan(List<Path> jobFiles) {
        List<FeedPlan> feeds = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> targets = new HashSet<>();
        MessageDigest config = sha256();
        StringBuilder ruleHashes = new StringBuilder();
        for (Path jobFile : jobFiles) {
            FeedDefinition def = FeedDefinitionParser.parse(jobFile);
            if (!names.add(def.name())) {
                throw new DefinitionException(jobFile, 0, "feed name '" + def.name()
                        + "' is used by another job file of this run; give each feed its own 'feed:' name");
            }
            if (!targets.add(def.sourceSystem() + "/" + def.entity().code())) {
                throw new DefinitionException(jobFile, 0, "another job file of this run also loads "
                        + def.entity().code() + " records of source system " + def.sourceSystem()
                        + "; use one feed (a glob of files) per source system and entity");
            }
            RuleSet ruleSet = RuleSet.NONE;
            List<UniqueCheck> uniqueChecks = List.of();
            if (def.rulesFile().isPresent()) {
                DeclaredRules declared = RulesFileParser.parse(def.rulesFile().get(), def.entity());
                ruleSet = declared;
                uniqueChecks = declared.uniqueChecks();
            }
            checkSource(def);
            feeds.add(new FeedPlan(def, ruleSet, uniqueChecks));
            config.update(bytes(jobFile));
            config.update(ruleSet.hash().getBytes(StandardCharsets.UTF_8));
            ruleHashes.append(ruleSet.hash());
        }
        String rulesHash = ruleHashes.isEmpty() ? ""
                : HexFormat.of().formatHex(sha256().digest(ruleHashes.toString().getBytes(StandardCharsets.UTF_8)));
        String jobList = String.join(",", jobFiles.stream().map(Path::toString).toList());
        return new MigrationPlan(List.copyOf(feeds), jobList, HexFormat.of().formatHex(config.digest()), rulesHash);
    }

    /** Opens the source once to prove it is there and has every mapped and tombstone column; reads no rows. */
    private static void checkSource(FeedDefinition def) {
        // a :watermark placeholder gets the earliest time here: this only opens the source to see its columns
        try (SourceReader reader = SourceReaders.create(def.source(), SourceReaders.READ_ALL)) {
            reader.open(io.mastersync.source.SourcePosition.START);
            def.mapping().bind(reader.layout(), def.jobFile().toString(), SourceDescription.of(def.source()));
            def.sync().checkTombstoneColumn(def.jobFile(), reader.layout());
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SourceException(file + ": cannot read job file: " + e.getMessage(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
