package io.mastersync.cleanse.normalize;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code map}: replaces values by a lookup table, e.g. legacy unit or status codes.
 *
 * <p>Options:
 * <ul>
 *   <li>{@code file}: a CSV file with two columns {@code from,to} (optional header row {@code from,to}),
 *       resolved against the rules directory;</li>
 *   <li>{@code map.<from>}: inline entries, e.g. {@code map.Stk: H87}; they override file entries;</li>
 *   <li>{@code case-insensitive} (default false): match ignoring case;</li>
 *   <li>{@code unmapped}: {@code keep} (default) leaves values not in the table unchanged, {@code problem}
 *       reports them as {@code unmapped}.</li>
 * </ul>
 * At least one entry is required. Matching is on the exact value (chain {@code trim} first). Two file entries
 * for the same key with different targets are a configuration error. Null stays null. Thread-safe.
 */
public final class MappingNormalizer implements Normalizer {

    private final Map<String, String> table;
    private final boolean caseInsensitive;
    private final boolean unmappedIsProblem;

    public MappingNormalizer(Map<String, String> table, boolean caseInsensitive, boolean unmappedIsProblem) {
        this.caseInsensitive = caseInsensitive;
        this.unmappedIsProblem = unmappedIsProblem;
        Map<String, String> t = new LinkedHashMap<>();
        table.forEach((k, v) -> t.put(key(k), v));
        this.table = Map.copyOf(t);
    }

    static MappingNormalizer create(NormalizerOptions options) {
        boolean ci = options.bool("case-insensitive", false);
        boolean problem = options.choice("unmapped", "keep", "keep", "problem").equals("problem");
        Path file = options.file("file");
        Map<String, String> inline = options.prefixed("map.");
        Map<String, String> table = new LinkedHashMap<>();
        if (file != null) {
            Map<String, Long> lines = new LinkedHashMap<>();
            for (TwoColumnCsv.Row row : TwoColumnCsv.readFile(file, options, "file")) {
                String k = ci ? row.from().toLowerCase(Locale.ROOT) : row.from();
                String previous = table.putIfAbsent(k, row.to());
                if (previous != null && !previous.equals(row.to())) {
                    throw options.invalid("file", file + " maps '" + row.from() + "' twice, to '" + previous
                            + "' (line " + lines.get(k) + ") and to '" + row.to() + "' (line " + row.line() + ")");
                }
                lines.putIfAbsent(k, row.line());
            }
        }
        inline.forEach((k, v) -> {
            if (k.isEmpty()) {
                throw options.invalid("map.", "needs the value to map after the dot, e.g. map.Stk");
            }
            table.put(ci ? k.toLowerCase(Locale.ROOT) : k, v);
        });
        if (table.isEmpty()) {
            throw options.invalid("file", "or map.<value> entries are required: the map is empty");
        }
        return new MappingNormalizer(table, ci, problem);
    }

    private String key(String value) {
        return caseInsensitive ? value.toLowerCase(Locale.ROOT) : value;
    }

    @Override
    public NormalizerResult apply(String value, RecordContext record) {
        if (value == null) {
            return new NormalizerResult.Unchanged(null);
        }
        String to = table.get(key(value));
        if (to != null) {
            return NormalizerResult.of(value, to);
        }
        return unmappedIsProblem
                ? NormalizerResult.problem(value, "unmapped", "no mapping for '" + value + "'")
                : new NormalizerResult.Unchanged(value);
    }
}
