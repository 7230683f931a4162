package io.mastersync.source;

import java.nio.file.Path;
import java.util.Optional;

import io.mastersync.canonical.EntityType;
import io.mastersync.cleanse.ValueFormats;

/**
 * One legacy feed as described by a job file under {@code jobs/}: which system and entity it is, where
 * its rows come from, how source columns map to canonical fields and how typed values are written.
 * Immutable.
 *
 * @param jobFile      the job file this was read from
 * @param name         the feed name, unique within a run (default: the job file name without extension)
 * @param sourceSystem the legacy system's code, part of every staging key
 * @param entity       item or customer
 * @param source       where the rows come from
 * @param mapping      source columns to canonical fields
 * @param formats      number and timestamp formats of the source
 * @param rulesFile    the rules file in force, if any
 * @param chunkSize    rows per committed chunk
 * @param sync         how delta syncs treat the feed
 * @param matchFile    the match and survivorship settings of the entity, if any
 * @param qualityFile  the quality-checks file evaluated on what the run staged, if any
 */
public record FeedDefinition(Path jobFile, String name, String sourceSystem, EntityType entity, SourceSpec source,
        ColumnMapping mapping, ValueFormats formats, Optional<Path> rulesFile, int chunkSize, SyncSettings sync,
        Optional<Path> matchFile, Optional<Path> qualityFile) {

    public FeedDefinition {
        sync = sync == null ? SyncSettings.DEFAULT : sync;
        matchFile = matchFile == null ? Optional.empty() : matchFile;
        qualityFile = qualityFile == null ? Optional.empty() : qualityFile;
    }

    /** A feed with default sync settings, no matching and no quality checks. */
    public FeedDefinition(Path jobFile, String name, String sourceSystem, EntityType entity, SourceSpec source,
            ColumnMapping mapping, ValueFormats formats, Optional<Path> rulesFile, int chunkSize) {
        this(jobFile, name, sourceSystem, entity, source, mapping, formats, rulesFile, chunkSize, SyncSettings.DEFAULT,
                Optional.empty(), Optional.empty());
    }
}
