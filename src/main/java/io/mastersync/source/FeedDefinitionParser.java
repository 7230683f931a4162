package io.mastersync.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.mastersync.canonical.CanonicalField;
import io.mastersync.canonical.EntityType;
import io.mastersync.cleanse.ValueFormats;
import io.mastersync.yaml.DefinitionException;
import io.mastersync.yaml.YamlMap;

/**
 * Reads a job file strictly: an unknown key, an unknown canonical field, a bad format pattern or a
 * missing required key stops the run before anything is read, with the file and line.
 */
public final class FeedDefinitionParser {

    private static final Set<String> TOP_KEYS = Set.of("feed", "description", "source-system", "entity", "source",
            "mapping", "formats", "rules", "chunk-size", "sync", "match", "quality");
    private static final Set<String> SYNC_KEYS = Set.of("mode", "watermark-field", "overlap", "max-change-share",
            "tombstone", "schedule");
    private static final Set<String> FORMAT_KEYS = Set.of("decimal-separator", "grouping-separator", "timestamp");
    private static final int DEFAULT_CHUNK_SIZE = 5000;

    private FeedDefinitionParser() {
    }

    public static FeedDefinition parse(Path jobFile) {
        YamlMap top = YamlMap.read(jobFile);
        Path dir = jobFile.toAbsolutePath().getParent();
        String name = top.optionalString("feed").orElseGet(() -> defaultName(jobFile));
        top.optionalString("description");
        String sourceSystem = top.requiredString("source-system");
        if (!sourceSystem.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw top.error("source-system", "source-system must be 1 to 64 letters, digits, '_', '.' or '-', not '"
                    + sourceSystem + "'");
        }
        String entityCode = top.requiredString("entity");
        EntityType entity = EntityType.ofCode(entityCode).orElseThrow(() -> top.error("entity",
                "unknown entity '" + entityCode + "'; use item or customer"));
        SourceSpec source = SourceSpecParser.parse(top.requiredMap("source"), dir);
        ColumnMapping mapping = mapping(top.requiredMap("mapping"), entity);
        ValueFormats formats = top.optionalMap("formats").map(FeedDefinitionParser::formats).orElse(ValueFormats.DEFAULT);
        Optional<Path> rules = top.optionalString("rules").map(dir::resolve).map(Path::normalize);
        Optional<Path> match = top.optionalString("match").map(dir::resolve).map(Path::normalize);
        Optional<Path> quality = top.optionalString("quality").map(dir::resolve).map(Path::normalize);
        if (quality.isPresent() && !java.nio.file.Files.isRegularFile(quality.get())) {
            throw top.error("quality", "quality-checks file not found: " + quality.get());
        }
        int chunkSize = top.integer("chunk-size", DEFAULT_CHUNK_SIZE);
        if (chunkSize < 1 || chunkSize > 100_000) {
            throw top.error("chunk-size", "chunk-size must be between 1 and 100000, not " + chunkSize);
        }
        SyncSettings sync = top.optionalMap("sync").map(b -> sync(b, entity, source)).orElse(SyncSettings.defaultFor(source));
        top.finish(TOP_KEYS);
        return new FeedDefinition(jobFile, name, sourceSystem, entity, source, mapping, formats, rules, chunkSize, sync,
                match, quality);
    }

    private static ColumnMapping mapping(YamlMap block, EntityType entity) {
        Map<String, ColumnMapping.FieldSource> fields = new LinkedHashMap<>();
        for (YamlMap.Entry e : block.scalarEntries()) {
            Optional<CanonicalField> field = entity.field(e.key());
            if (field.isEmpty() || e.key().equals("source-system")) {
                throw new DefinitionException(block.file(), e.line(), "unknown " + entity.code() + " field '" + e.key()
                        + "' in mapping; " + entity.code() + " fields are " + mappableFields(entity));
            }
            fields.put(e.key(), fieldSource(block, e));
        }
        // a list value (composite key) arrives as neither scalar nor map: read it as a string list
        if (!fields.containsKey("source-key")) {
            throw new DefinitionException(block.file(), block.line(), "mapping must say which column is 'source-key'");
        }
        return new ColumnMapping(fields);
    }

    private static ColumnMapping.FieldSource fieldSource(YamlMap block, YamlMap.Entry e) {
        if (e.list() != null) {
            return new ColumnMapping.Columns(e.list(), "|", e.line());
        }
        if (e.map() == null) {
            if (e.scalar() == null) {
                throw new DefinitionException(block.file(), e.line(), "mapping of '" + e.key() + "' is empty");
            }
            return new ColumnMapping.Columns(List.of(e.scalar()), "|", e.line());
        }
        YamlMap m = e.map();
        Optional<String> value = m.optionalString("value");
        Optional<String> column = m.optionalString("column");
        List<String> columns = m.stringList("columns");
        String separator = m.string("separator", "|");
        m.finish(Set.of("value", "column", "columns", "separator"));
        int given = (value.isPresent() ? 1 : 0) + (column.isPresent() ? 1 : 0) + (columns.isEmpty() ? 0 : 1);
        if (given != 1) {
            throw new DefinitionException(block.file(), e.line(), "mapping of '" + e.key()
                    + "' needs exactly one of 'column', 'columns' or 'value'");
        }
        if (value.isPresent()) {
            return new ColumnMapping.Constant(value.get(), e.line());
        }
        return new ColumnMapping.Columns(column.map(List::of).orElse(columns), separator, e.line());
    }

    private static SyncSettings sync(YamlMap block, EntityType entity, SourceSpec source) {
        SyncSettings d = SyncSettings.DEFAULT;
        String mode = block.string("mode", SyncSettings.defaultFor(source).mode());
        if (!mode.equals("snapshot") && !mode.equals("watermark")) {
            throw block.error("mode", "sync mode must be snapshot or watermark, not '" + mode + "'");
        }
        if (mode.equals("watermark") && !(source instanceof JdbcSourceSpec)) {
            throw block.error("mode", "watermark syncs need a jdbc source whose query has a :watermark placeholder");
        }
        String field = block.string("watermark-field", d.watermarkField());
        if (entity.field(field).filter(f -> f.type() == io.mastersync.canonical.FieldType.TIMESTAMP).isEmpty()) {
            throw block.error("watermark-field", "watermark-field must be a timestamp field of " + entity.code()
                    + ", not '" + field + "'");
        }
        java.time.Duration overlap = d.overlap();
        if (block.has("overlap")) {
            String text = block.string("overlap", "");
            try {
                overlap = java.time.Duration.parse("PT" + text.toUpperCase(java.util.Locale.ROOT));
            } catch (java.time.format.DateTimeParseException e) {
                throw block.error("overlap", "overlap must be a duration like 10m, 2h or 30s, not '" + text + "'");
            }
        }
        double share = block.decimal("max-change-share", d.maxChangeShare());
        if (share <= 0 || share > 1) {
            throw block.error("max-change-share", "max-change-share must be above 0 and at most 1, not " + share);
        }
        String tombstoneColumn = null;
        List<String> tombstoneValues = List.of();
        Optional<YamlMap> tombstone = block.optionalMap("tombstone");
        if (tombstone.isPresent()) {
            tombstoneColumn = tombstone.get().requiredString("column");
            tombstoneValues = tombstone.get().stringList("values");
            tombstone.get().finish(Set.of("column", "values"));
            if (tombstoneValues.isEmpty()) {
                throw block.error("tombstone", "tombstone needs the 'values' that mark a deleted row");
            }
        }
        Optional<String> schedule = block.optionalString("schedule");
        if (schedule.isPresent()) {
            try {
                org.springframework.scheduling.support.CronExpression.parse(schedule.get());
            } catch (IllegalArgumentException e) {
                throw block.error("schedule", "invalid cron expression '" + schedule.get() + "' (six fields, seconds"
                        + " first, e.g. \"0 30 2 * * *\"): " + e.getMessage());
            }
        }
        block.finish(SYNC_KEYS);
        return new SyncSettings(mode, field, overlap, share, tombstoneColumn, tombstoneValues, schedule,
                tombstone.isPresent() ? tombstone.get().lineOf("column") : 0);
    }

    private static ValueFormats formats(YamlMap block) {
        String decimal = block.string("decimal-separator", ".");
        Optional<String> grouping = block.optionalString("grouping-separator");
        List<String> patterns = block.stringList("timestamp");
        block.finish(FORMAT_KEYS);
        if (decimal.length() != 1) {
            throw block.error("decimal-separator", "decimal-separator must be one character, not '" + decimal + "'");
        }
        if (grouping.isPresent() && grouping.get().length() != 1) {
            throw block.error("grouping-separator", "grouping-separator must be one character, not '"
                    + grouping.get() + "'");
        }
        if (grouping.isPresent() && grouping.get().charAt(0) == decimal.charAt(0)) {
            throw block.error("grouping-separator", "grouping-separator and decimal-separator must differ");
        }
        for (String pattern : patterns) {
            try {
                ValueFormats.formatter(pattern);
            } catch (IllegalArgumentException ex) {
                throw block.error("timestamp", "invalid timestamp pattern '" + pattern + "': " + ex.getMessage());
            }
        }
        return new ValueFormats(decimal.charAt(0), grouping.map(g -> g.charAt(0)).orElse(null),
                patterns.isEmpty() ? ValueFormats.DEFAULT_TIMESTAMP_PATTERNS : patterns);
    }

    private static List<String> mappableFields(EntityType entity) {
        List<String> names = new ArrayList<>();
        for (CanonicalField f : entity.fields()) {
            if (!f.name().equals("source-system")) {
                names.add(f.name());
            }
        }
        return names;
    }

    private static String defaultName(Path jobFile) {
        String file = jobFile.getFileName().toString();
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }
}
