package io.mastersync.cleanse.rules;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.mastersync.canonical.EntityType;
import io.mastersync.cleanse.Violation;
import io.mastersync.cleanse.normalize.Normalizer;
import io.mastersync.cleanse.normalize.NormalizerRegistry;
import io.mastersync.yaml.DefinitionException;
import io.mastersync.yaml.YamlMap;

/**
 * Reads a rules file (format: {@code docs/rules.md}) into {@link DeclaredRules}. Strict: an unknown key,
 * field, normalizer or option, an invalid regex or expression, a check without id, a duplicate id or a
 * missing reference file stops with a {@link DefinitionException} naming the file and the line. Relative
 * files (reference CSVs, normalizer {@code file} options) are resolved against the rules file's directory.
 */
public final class RulesFileParser {

    private static final Set<String> TOP_KEYS = ordered("entity", "description", "fields", "record-checks", "filters");
    private static final Set<String> FIELD_KEYS = ordered("normalize", "checks");
    private static final Set<String> CHECK_KINDS = ordered("required", "pattern", "allowed-values", "length", "range",
            "date-range", "unique");
    private static final Set<String> CHECK_KEYS = ordered("id", "description", "severity", "message", "when",
            "required", "pattern", "allowed-values", "length", "range", "date-range", "unique");
    private static final Set<String> RECORD_CHECK_KEYS = ordered("id", "description", "severity", "message", "field",
            "when", "assert");
    private static final Set<String> FILTER_KEYS = ordered("id", "description", "when", "message");
    private static final Set<String> ALLOWED_KEYS = ordered("values", "file", "column", "header", "delimiter",
            "case-insensitive");
    private static final Set<String> MIN_MAX = ordered("min", "max");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Path file;
    private final Path baseDir;
    private final EntityType entity;
    private final Clock clock;
    private final NormalizerRegistry registry;
    private final Map<String, Integer> ids = new HashMap<>();
    private final Map<String, Path> references = new LinkedHashMap<>();

    private RulesFileParser(Path file, EntityType entity, Clock clock) {
        this.file = file;
        Path parent = file.toAbsolutePath().getParent();
        this.baseDir = parent;
        this.entity = entity;
        this.clock = clock;
        this.registry = new NormalizerRegistry(parent);
    }

    /** Parses a rules file for a feed of {@code entity}; relative dates resolve against the system clock. */
    public static DeclaredRules parse(Path rulesFile, EntityType entity) {
        return parse(rulesFile, entity, Clock.systemDefaultZone());
    }

    /** Parses a rules file; {@code clock} decides what {@code today} is in {@code date-range} checks. */
    public static DeclaredRules parse(Path rulesFile, EntityType entity, Clock clock) {
        return new RulesFileParser(rulesFile, entity, clock).parse();
    }

    private DeclaredRules parse() {
        YamlMap root = YamlMap.read(file);
        rejectUnknown(root, TOP_KEYS);
        String declared = root.requiredString("entity");
        if (!declared.trim().equalsIgnoreCase(entity.code())) {
            throw root.error("entity", "rules for entity '" + declared + "' cannot be used for a " + entity.code()
                    + " feed");
        }
        root.optionalString("description");
        List<DeclaredNormalizer> normalizers = new ArrayList<>();
        List<FieldCheck> fieldChecks = new ArrayList<>();
        List<UniqueCheck> uniqueChecks = new ArrayList<>();
        Set<String> known = new LinkedHashSet<>();
        entity.fields().forEach(f -> known.add(f.name()));
        YamlMap fields = root.optionalMap("fields").orElse(null);
        if (fields != null) {
            for (YamlMap.Entry e : fields.scalarEntries()) {
                int index = entity.indexOf(e.key());
                if (index < 0) {
                    throw new DefinitionException(file, e.line(), "unknown field '" + e.key() + "'; " + entity.code()
                            + " fields are " + String.join(", ", known));
                }
                if (e.map() == null) {
                    throw new DefinitionException(file, e.line(), "field '" + e.key()
                            + "' must be a mapping with 'normalize:' and/or 'checks:'");
                }
                YamlMap field = e.map();
                rejectUnknown(field, FIELD_KEYS);
                normalizers.addAll(normalizers(e.key(), index, field));
                for (YamlMap check : field.mapList("checks")) {
                    fieldCheck(e.key(), index, check, fieldChecks, uniqueChecks);
                }
                field.finish(FIELD_KEYS);
            }
        }
        List<RecordCheck> recordChecks = new ArrayList<>();
        for (YamlMap check : root.mapList("record-checks")) {
            recordChecks.add(recordCheck(check));
        }
        List<RowFilter> filters = new ArrayList<>();
        for (YamlMap filter : root.mapList("filters")) {
            filters.add(filter(filter));
        }
        root.finish(TOP_KEYS);
        return new DeclaredRules(entity, normalizers, filters, fieldChecks, recordChecks, uniqueChecks, hash());
    }

    // ---------------------------------------------------------------- normalizers

    private List<DeclaredNormalizer> normalizers(String field, int index, YamlMap spec) {
        List<DeclaredNormalizer> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (YamlMap.Item item : spec.itemList("normalize")) {
            String name;
            Map<String, String> options = new LinkedHashMap<>();
            DeclaredNormalizer.OnProblem onProblem = DeclaredNormalizer.OnProblem.WARNING;
            if (item.scalar() != null) {
                name = item.scalar().trim();
            } else {
                YamlMap m = item.map();
                name = null;
                for (YamlMap.Entry o : m.scalarEntries()) {
                    if (o.key().equals("name")) {
                        name = o.scalar();
                    } else if (o.key().equals("on-problem")) {
                        onProblem = onProblem(o);
                    } else if (o.map() != null) {
                        for (YamlMap.Entry sub : o.map().scalarEntries()) {
                            if (sub.scalar() == null) {
                                throw new DefinitionException(file, sub.line(), "option '" + o.key() + "." + sub.key()
                                        + "' must be a single value");
                            }
                            options.put(o.key() + "." + sub.key(), sub.scalar());
                        }
                    } else if (o.list() != null) {
                        options.put(o.key(), String.join("|", o.list()));
                    } else {
                        options.put(o.key(), o.scalar() == null ? "" : o.scalar());
                    }
                    checkOption(field, o);
                }
                if (name == null || name.isBlank()) {
                    throw new DefinitionException(file, item.line(), "normalizer of field '" + field
                            + "' has no 'name'");
                }
            }
            Normalizer normalizer;
            try {
                normalizer = registry.create(name, options);
            } catch (IllegalArgumentException e) {
                throw new DefinitionException(file, item.line(), "field '" + field + "': " + e.getMessage());
            }
            int n = seen.merge(name, 1, Integer::sum);
            String id = field + "/" + name + (n > 1 ? "#" + n : "");
            out.add(new DeclaredNormalizer(id, field, index, normalizer, onProblem));
        }
        return out;
    }

    private DeclaredNormalizer.OnProblem onProblem(YamlMap.Entry o) {
        String v = o.scalar() == null ? "" : o.scalar().trim().toLowerCase(Locale.ROOT);
        switch (v) {
            case "error":
                return DeclaredNormalizer.OnProblem.ERROR;
            case "warning":
                return DeclaredNormalizer.OnProblem.WARNING;
            case "ignore":
                return DeclaredNormalizer.OnProblem.IGNORE;
            case "clear":
                return DeclaredNormalizer.OnProblem.CLEAR;
            default:
                throw new DefinitionException(file, o.line(), "'on-problem' must be error, warning, ignore or clear, not '"
                        + o.scalar() + "'");
        }
    }

    /** Options naming a field must name one of the entity; options naming a file must name one that exists. */
    private void checkOption(String field, YamlMap.Entry o) {
        if (o.key().endsWith("-field") && o.scalar() != null && entity.indexOf(o.scalar().trim()) < 0) {
            throw new DefinitionException(file, o.line(), "field '" + field + "': option '" + o.key()
                    + "' names the unknown field '" + o.scalar() + "'");
        }
        if ((o.key().equals("file") || o.key().endsWith("-file")) && o.scalar() != null && !o.scalar().isBlank()) {
            reference(o.scalar().trim(), o.line());
        }
    }

    // ---------------------------------------------------------------- field checks

    private void fieldCheck(String field, int index, YamlMap c, List<FieldCheck> checks, List<UniqueCheck> uniques) {
        rejectUnknown(c, CHECK_KEYS);
        String id = id(c, "check of field '" + field + "'");
        c.optionalString("description");
        Violation.Severity severity = severity(c);
        String messageText = c.optionalString("message").orElse(null);
        MessageTemplate message = messageText == null ? null : template(c, messageText, true);
        RuleExpression when = c.has("when") ? expression(c, "when") : null;
        List<String> kinds = new ArrayList<>();
        for (String k : CHECK_KINDS) {
            if (c.has(k)) {
                kinds.add(k);
            }
        }
        if (kinds.size() != 1) {
            throw new DefinitionException(file, c.line(), "check '" + id + "' must have exactly one of "
                    + String.join(", ", CHECK_KINDS) + (kinds.isEmpty() ? "" : ", not " + String.join(" and ", kinds)));
        }
        String kind = kinds.get(0);
        FieldCheck.Common common = new FieldCheck.Common(id, field, index, severity, message, when);
        switch (kind) {
            case "required":
                if (!c.bool("required", false)) {
                    throw c.error("required", "'required: false' checks nothing; remove the check");
                }
                checks.add(new FieldCheck.Required(common));
                break;
            case "pattern":
                checks.add(new FieldCheck.Matches(common, regex(c, "pattern")));
                break;
            case "allowed-values":
                checks.add(allowedValues(c, common));
                break;
            case "length": {
                YamlMap m = c.requiredMap("length");
                Integer min = nonNegative(m, "min");
                Integer max = nonNegative(m, "max");
                bounds(m, min, max, min != null && max != null && min > max);
                checks.add(new FieldCheck.Length(common, min, max));
                break;
            }
            case "range": {
                YamlMap m = c.requiredMap("range");
                BigDecimal min = decimal(m, "min");
                BigDecimal max = decimal(m, "max");
                bounds(m, min, max, min != null && max != null && min.compareTo(max) > 0);
                checks.add(new FieldCheck.Range(common, min, max));
                break;
            }
            case "date-range": {
                YamlMap m = c.requiredMap("date-range");
                RelativeDate min = date(m, "min");
                RelativeDate max = date(m, "max");
                bounds(m, min, max, min != null && max != null && min.fixed() != null && max.fixed() != null
                        && min.fixed().isAfter(max.fixed()));
                checks.add(new FieldCheck.DateRange(common, min, max, clock));
                break;
            }
            default: // unique
                if (!c.bool("unique", false)) {
                    throw c.error("unique", "'unique: false' checks nothing; remove the check");
                }
                if (when != null) {
                    throw c.error("when", "a unique check cannot have 'when' (it runs in the database after loading)");
                }
                uniques.add(new UniqueCheck(id, field, severity, messageText));
                break;
        }
        c.finish(CHECK_KEYS);
    }

    private FieldCheck allowedValues(YamlMap c, FieldCheck.Common common) {
        if (!c.isMap("allowed-values")) {
            List<String> values = c.stringList("allowed-values");
            if (values.isEmpty()) {
                throw c.error("allowed-values", "'allowed-values' lists no values");
            }
            return new FieldCheck.AllowedValues(common, new LinkedHashSet<>(values), false, shortList(values));
        }
        YamlMap m = c.requiredMap("allowed-values");
        rejectUnknown(m, ALLOWED_KEYS);
        boolean caseInsensitive = m.bool("case-insensitive", false);
        List<String> values = new ArrayList<>(m.stringList("values"));
        String source = values.isEmpty() ? "" : shortList(values);
        if (m.has("file")) {
            String name = m.requiredString("file").trim();
            int line = m.lineOf("file");
            int column = m.integer("column", 1);
            if (column < 1) {
                throw m.error("column", "'column' counts from 1");
            }
            boolean header = m.bool("header", false);
            String delimiter = m.string("delimiter", ",");
            if (delimiter.length() != 1) {
                throw m.error("delimiter", "'delimiter' must be a single character");
            }
            values.addAll(readColumn(reference(name, line), name, line, column, header, delimiter.charAt(0)));
            source = source.isEmpty() ? name : source + " and " + name;
        } else {
            m.optionalString("column");
            m.optionalString("header");
            m.optionalString("delimiter");
        }
        m.finish(ALLOWED_KEYS);
        if (values.isEmpty()) {
            throw c.error("allowed-values", "'allowed-values' lists no values");
        }
        Set<String> allowed = new LinkedHashSet<>();
        for (String v : values) {
            allowed.add(caseInsensitive ? v.toUpperCase(Locale.ROOT) : v);
        }
        return new FieldCheck.AllowedValues(common, allowed, caseInsensitive, source);
    }

    private List<String> readColumn(Path csv, String name, int line, int column, boolean header, char delimiter) {
        String text;
        try {
            text = Files.readString(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DefinitionException(file, line, "cannot read '" + name + "': " + e.getMessage());
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setCommentMarker('#')
                .setIgnoreEmptyLines(true).setTrim(true).get();
        List<String> values = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            boolean first = true;
            for (CSVRecord r : parser) {
                if (first && header) {
                    first = false;
                    continue;
                }
                first = false;
                if (r.size() < column) {
                    throw new DefinitionException(file, line, "'" + name + "' line " + r.getParser().getCurrentLineNumber()
                            + " has no column " + column);
                }
                String v = r.get(column - 1);
                if (!v.isEmpty()) {
                    values.add(v);
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new DefinitionException(file, line, "cannot read '" + name + "' as CSV: " + e.getMessage());
        }
        if (values.isEmpty()) {
            throw new DefinitionException(file, line, "'" + name + "' has no values in column " + column);
        }
        return values;
    }

    // ---------------------------------------------------------------- record checks and filters

    private RecordCheck recordCheck(YamlMap c) {
        rejectUnknown(c, RECORD_CHECK_KEYS);
        String id = id(c, "record check");
        c.optionalString("description");
        Violation.Severity severity = severity(c);
        String field = c.optionalString("field").map(String::trim).orElse(null);
        int index = -1;
        if (field != null) {
            index = entity.indexOf(field);
            if (index < 0) {
                throw c.error("field", "unknown field '" + field + "'");
            }
        }
        MessageTemplate message = c.optionalString("message").map(t -> template(c, t, c.has("field"))).orElse(null);
        RuleExpression when = c.has("when") ? expression(c, "when") : null;
        if (!c.has("assert")) {
            throw new DefinitionException(file, c.line(), "record check '" + id + "' has no 'assert'");
        }
        RuleExpression assertion = expression(c, "assert");
        c.finish(RECORD_CHECK_KEYS);
        return new RecordCheck(id, field, index, severity, message, when, assertion);
    }

    private RowFilter filter(YamlMap f) {
        rejectUnknown(f, FILTER_KEYS);
        String id = id(f, "filter");
        f.optionalString("description");
        if (!f.has("when")) {
            throw new DefinitionException(file, f.line(), "filter '" + id + "' has no 'when'");
        }
        RuleExpression when = expression(f, "when");
        MessageTemplate message = f.optionalString("message").map(t -> template(f, t, false)).orElse(null);
        f.finish(FILTER_KEYS);
        return new RowFilter(id, when, message);
    }

    // ---------------------------------------------------------------- shared pieces

    private String id(YamlMap c, String what) {
        if (!c.has("id")) {
            throw new DefinitionException(file, c.line(), what + " has no 'id'");
        }
        String id = c.requiredString("id").trim();
        if (!ID.matcher(id).matches()) {
            throw c.error("id", "id '" + id + "' may only contain letters, digits, '.', '_' and '-'");
        }
        Integer first = ids.putIfAbsent(id, c.lineOf("id"));
        if (first != null) {
            throw c.error("id", "duplicate id '" + id + "' (first used on line " + first + ")");
        }
        return id;
    }

    private Violation.Severity severity(YamlMap c) {
        String s = c.string("severity", "error").trim().toLowerCase(Locale.ROOT);
        if (s.equals("error")) {
            return Violation.Severity.ERROR;
        }
        if (s.equals("warning")) {
            return Violation.Severity.WARNING;
        }
        throw c.error("severity", "'severity' must be error or warning, not '" + s + "'");
    }

    private MessageTemplate template(YamlMap c, String text, boolean forField) {
        try {
            return MessageTemplate.parse(text, entity, forField);
        } catch (IllegalArgumentException e) {
            throw c.error("message", "message: " + e.getMessage());
        }
    }

    private RuleExpression expression(YamlMap c, String key) {
        String text = c.requiredString(key);
        try {
            return RuleExpression.parse(text, entity);
        } catch (IllegalArgumentException e) {
            throw c.error(key, "'" + key + "' expression \"" + text + "\" is refused: " + e.getMessage());
        }
    }

    private Pattern regex(YamlMap c, String key) {
        String text = c.requiredString(key);
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw c.error(key, "invalid regular expression '" + text + "': " + e.getDescription() + " near index "
                    + e.getIndex());
        }
    }

    /** Reports the first key not in {@code known} before anything else, so a typo is named as such. */
    private static void rejectUnknown(YamlMap m, Set<String> known) {
        for (String key : m.keys()) {
            if (!known.contains(key)) {
                throw m.error(key, "unknown key '" + key + "'; known keys here: " + String.join(", ", known));
            }
        }
    }

    private static Integer nonNegative(YamlMap m, String key) {
        rejectUnknown(m, MIN_MAX);
        if (!m.has(key)) {
            return null;
        }
        int v = m.integer(key, 0);
        if (v < 0) {
            throw m.error(key, "'" + key + "' must not be negative");
        }
        return v;
    }

    private static BigDecimal decimal(YamlMap m, String key) {
        rejectUnknown(m, MIN_MAX);
        String v = m.optionalString(key).orElse(null);
        if (v == null) {
            return null;
        }
        BigDecimal n = RuleExpression.number(v.trim());
        if (n == null) {
            throw m.error(key, "'" + key + "' must be a number such as 1000 or 0.5, not '" + v + "'");
        }
        return n;
    }

    private static RelativeDate date(YamlMap m, String key) {
        rejectUnknown(m, MIN_MAX);
        String v = m.optionalString(key).orElse(null);
        if (v == null) {
            return null;
        }
        try {
            return RelativeDate.parse(v);
        } catch (IllegalArgumentException e) {
            throw m.error(key, "'" + key + "': " + e.getMessage());
        }
    }

    private void bounds(YamlMap m, Object min, Object max, boolean reversed) {
        m.finish(MIN_MAX);
        if (min == null && max == null) {
            throw new DefinitionException(file, m.line(), "give 'min', 'max' or both");
        }
        if (reversed) {
            throw m.error("min", "'min' is greater than 'max'");
        }
    }

    private Path reference(String name, int line) {
        Path p = Path.of(name);
        Path resolved = p.isAbsolute() ? p : baseDir.resolve(p);
        if (!Files.isRegularFile(resolved)) {
            throw new DefinitionException(file, line, "referenced file '" + name + "' not found (looked for "
                    + resolved.normalize() + ")");
        }
        references.putIfAbsent(name, resolved);
        return resolved;
    }

    private String hash() {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        update(digest, file, file.getFileName().toString());
        for (Map.Entry<String, Path> ref : references.entrySet()) {
            update(digest, ref.getValue(), ref.getKey());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private void update(MessageDigest digest, Path path, String name) {
        try {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(Files.readAllBytes(path));
            digest.update((byte) 0);
        } catch (NoSuchFileException e) {
            throw new DefinitionException(file, 0, "file '" + name + "' disappeared while reading the rules");
        } catch (IOException e) {
            throw new DefinitionException(file, 0, "cannot read '" + name + "': " + e.getMessage());
        }
    }

    private static String shortList(List<String> values) {
        return values.size() <= 8 ? String.join(", ", values)
                : String.join(", ", values.subList(0, 8)) + " ... (" + values.size() + " values)";
    }

    private static Set<String> ordered(String... keys) {
        return new LinkedHashSet<>(List.of(keys));
    }
}
