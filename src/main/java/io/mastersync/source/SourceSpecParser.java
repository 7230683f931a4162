package io.mastersync.source;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mastersync.yaml.DefinitionException;
import io.mastersync.yaml.YamlMap;

/**
 * Reads the {@code source:} block of a job file into a {@link SourceSpec}, strictly: an unknown key
 * (also a key of another source kind) or a bad value is a {@link DefinitionException} naming the
 * file and line. Every key, its default and its meaning are listed in {@code docs/source-keys.md}.
 * Stateless and thread-safe.
 */
public final class SourceSpecParser {

    static final Set<String> CSV_KEYS = keys("kind", "path", "encoding", "delimiter", "quote", "escape", "header",
            "columns", "skip-lines", "trim", "null-values", "comment-marker", "allow-empty", "ignore-empty-lines",
            "allow-missing-trailing", "max-record-lines");
    static final Set<String> FIXED_WIDTH_KEYS = keys("kind", "path", "encoding", "fields", "skip-lines", "trim",
            "null-values", "allow-empty", "ignore-empty-lines", "strict-length", "pad-short-lines");
    static final Set<String> FIELD_KEYS = keys("name", "start", "length", "end");
    static final Set<String> JDBC_KEYS = keys("kind", "url", "username", "password", "query", "fetch-size");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private SourceSpecParser() {
    }

    /**
     * Parses a {@code source:} block; {@code ${VAR}} placeholders in a jdbc block come from the process
     * environment.
     *
     * @param jobFileDirectory directory relative file paths resolve against; null means the working directory
     */
    public static SourceSpec parse(YamlMap source, Path jobFileDirectory) {
        return parse(source, jobFileDirectory, System::getenv);
    }

    /** As {@link #parse(YamlMap, Path)} with the environment given (null for an unset variable), for tests. */
    public static SourceSpec parse(YamlMap source, Path jobFileDirectory, Function<String, String> environment) {
        Path baseDir = jobFileDirectory == null ? Path.of("").toAbsolutePath() : jobFileDirectory;
        String kind = source.requiredString("kind");
        return switch (kind) {
            case "csv" -> csv(source, baseDir);
            case "fixed-width" -> fixedWidth(source, baseDir);
            case "jdbc" -> jdbc(source, environment);
            default -> throw source.error("kind", "unknown source kind '" + kind + "'; use csv, fixed-width or jdbc");
        };
    }

    private static CsvSourceSpec csv(YamlMap m, Path baseDir) {
        SourceFiles files = new SourceFiles(m.requiredString("path"), baseDir);
        Charset encoding = encoding(m);
        char delimiter = delimiter(m);
        Character quote = optionalChar(m, "quote", '"');
        Character escape = optionalChar(m, "escape", null);
        Character comment = optionalChar(m, "comment-marker", null);
        boolean header = m.bool("header", true);
        List<String> columns = m.stringList("columns");
        if (header && !columns.isEmpty()) {
            throw m.error("columns", "'columns' names the columns of files without a header; set 'header: false' or drop it");
        }
        unique(m, "columns", columns);
        if (quote != null && quote == delimiter) {
            throw m.error("quote", "the quote character must differ from the delimiter");
        }
        if (escape != null && escape == delimiter) {
            throw m.error("escape", "the escape character must differ from the delimiter");
        }
        if (comment != null && (comment == delimiter || comment.equals(quote))) {
            throw m.error("comment-marker", "the comment marker must differ from the delimiter and the quote");
        }
        CsvSourceSpec spec = new CsvSourceSpec(files, encoding, delimiter, quote, escape, header, columns,
                skipLines(m), m.bool("trim", true), nullValues(m), comment, m.bool("allow-empty", false),
                m.bool("ignore-empty-lines", true), m.bool("allow-missing-trailing", false), maxRecordLines(m));
        m.finish(CSV_KEYS);
        return spec;
    }

    private static int maxRecordLines(YamlMap m) {
        int max = m.integer("max-record-lines", CsvSourceSpec.DEFAULT_MAX_RECORD_LINES);
        if (max < 0) {
            throw m.error("max-record-lines", "'max-record-lines' must be 0 (no limit) or more");
        }
        return max;
    }

    private static FixedWidthSourceSpec fixedWidth(YamlMap m, Path baseDir) {
        SourceFiles files = new SourceFiles(m.requiredString("path"), baseDir);
        if (!m.has("fields")) {
            throw m.error("fields", "missing required key 'fields' (a list of {name, start, length} or {name, start, end})");
        }
        List<FixedWidthSourceSpec.Field> fields = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlMap f : m.mapList("fields")) {
            String name = f.requiredString("name").trim();
            if (name.isEmpty() || !names.add(name)) {
                throw f.error("name", name.isEmpty() ? "a field needs a name" : "field name '" + name + "' is used twice");
            }
            if (!f.has("start")) {
                throw f.error("start", "field '" + name + "' needs 'start' (1-based first character)");
            }
            int start = f.integer("start", 0);
            if (start < 1) {
                throw f.error("start", "field '" + name + "': 'start' is 1-based, so at least 1, not " + start);
            }
            int end;
            if (f.has("length") == f.has("end")) {
                throw f.error("name", "field '" + name + "' needs exactly one of 'length' or 'end'");
            } else if (f.has("length")) {
                int length = f.integer("length", 0);
                if (length < 1) {
                    throw f.error("length", "field '" + name + "': 'length' must be at least 1, not " + length);
                }
                end = start + length - 1;
            } else {
                end = f.integer("end", 0);
                if (end < start) {
                    throw f.error("end", "field '" + name + "': 'end' (inclusive) must not be before 'start' " + start);
                }
            }
            f.finish(FIELD_KEYS);
            fields.add(new FixedWidthSourceSpec.Field(name, start, end));
        }
        if (fields.isEmpty()) {
            throw m.error("fields", "'fields' must list at least one field");
        }
        FixedWidthSourceSpec spec = new FixedWidthSourceSpec(files, encoding(m), fields, skipLines(m),
                m.bool("trim", true), nullValues(m), m.bool("allow-empty", false), m.bool("ignore-empty-lines", true),
                m.bool("strict-length", false), m.bool("pad-short-lines", false));
        m.finish(FIXED_WIDTH_KEYS);
        return spec;
    }

    private static JdbcSourceSpec jdbc(YamlMap m, Function<String, String> environment) {
        String url = resolve(m, "url", m.requiredString("url"), environment);
        String username = resolve(m, "username", m.optionalString("username").orElse(null), environment);
        String password = resolve(m, "password", m.optionalString("password").orElse(null), environment);
        String query = resolve(m, "query", m.requiredString("query"), environment);
        String fetch = resolve(m, "fetch-size", m.optionalString("fetch-size").orElse("1000"), environment);
        int fetchSize;
        try {
            fetchSize = Integer.parseInt(fetch.trim());
        } catch (NumberFormatException e) {
            throw m.error("fetch-size", "'fetch-size' must be a whole number, not '" + fetch + "'");
        }
        if (fetchSize < 1) {
            throw m.error("fetch-size", "'fetch-size' must be at least 1, not " + fetchSize);
        }
        m.finish(JDBC_KEYS);
        return new JdbcSourceSpec(url, username, password, query, fetchSize);
    }

    /** Replaces {@code ${NAME}} with the environment variable; the error never shows the value. */
    private static String resolve(YamlMap m, String key, String value, Function<String, String> environment) {
        if (value == null || value.indexOf("${") < 0) {
            return value;
        }
        Matcher matcher = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1);
            String resolved = environment.apply(variable);
            if (resolved == null) {
                throw m.error(key, "environment variable '" + variable + "' used by '" + key + "' is not set");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(resolved));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static Charset encoding(YamlMap m) {
        String name = m.string("encoding", null);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.trim());
        } catch (IllegalArgumentException e) {
            throw m.error("encoding", "unknown encoding '" + name + "'; use a Java charset name such as UTF-8, windows-1252 or ISO-8859-1");
        }
    }

    private static final Map<String, Character> NAMED_DELIMITERS = Map.of(
            "tab", '\t', "\\t", '\t', "comma", ',', "semicolon", ';', "pipe", '|', "space", ' ');

    private static char delimiter(YamlMap m) {
        String value = m.string("delimiter", ",");
        Character named = NAMED_DELIMITERS.get(value.toLowerCase(java.util.Locale.ROOT));
        if (named != null) {
            return named;
        }
        if (value.length() != 1 || value.charAt(0) == '\n' || value.charAt(0) == '\r') {
            throw m.error("delimiter", "'delimiter' must be a single character (or tab), not '" + printable(value) + "'");
        }
        return value.charAt(0);
    }

    private static Character optionalChar(YamlMap m, String key, Character defaultValue) {
        if (!m.has(key)) {
            m.optionalString(key);
            return defaultValue;
        }
        String value = m.optionalString(key).orElse("none");
        if (value.equalsIgnoreCase("none")) {
            return null;
        }
        if (value.length() != 1 || value.charAt(0) == '\n' || value.charAt(0) == '\r') {
            throw m.error(key, "'" + key + "' must be a single character or none, not '" + printable(value) + "'");
        }
        return value.charAt(0);
    }

    private static int skipLines(YamlMap m) {
        int skip = m.integer("skip-lines", 0);
        if (skip < 0) {
            throw m.error("skip-lines", "'skip-lines' must not be negative");
        }
        return skip;
    }

    private static Set<String> nullValues(YamlMap m) {
        return m.has("null-values") ? new LinkedHashSet<>(m.stringList("null-values")) : Set.of("");
    }

    private static void unique(YamlMap m, String key, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (name.isBlank() || !seen.add(name)) {
                throw m.error(key, name.isBlank() ? "'" + key + "' has an empty name" : "'" + key + "' names '" + name + "' twice");
            }
        }
    }

    private static String printable(String s) {
        return s.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static Set<String> keys(String... keys) {
        return new LinkedHashSet<>(List.of(keys));
    }
}
