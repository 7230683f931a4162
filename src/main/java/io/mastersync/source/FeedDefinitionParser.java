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
            "mapping", "formats", "rules", "chunk-size", "quality");
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
        Optional<Path> quality = top.optionalString("quality").map(dir::resolve).map(Path::normalize);
        if (quality.isPresent() && !java.nio.file.Files.isRegularFile(quality.get())) {
            throw top.error("quality", "quality-checks file not found: " + quality.get());
        }
        int chunkSize = top.integer("chunk-size", DEFAULT_CHUNK_SIZE);
        if (chunkSize < 1 || chunkSize > 100_000) {
            throw top.error("chunk-size", "chunk-size must be between 1 and 100000, not " + chunkSize);
        }
        top.finish(TOP_KEYS);
        return new FeedDefinition(jobFile, name, sourceSystem, entity, source, mapping, formats, rules, chunkSize, quality);
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
