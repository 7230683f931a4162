package io.mastersync.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.mastersync.canonical.CanonicalField;
import io.mastersync.canonical.EntityType;
import io.mastersync.match.BlockingRule;
import io.mastersync.match.ComparisonSpec;
import io.mastersync.match.MatchSettings;
import io.mastersync.yaml.DefinitionException;
import io.mastersync.yaml.YamlMap;

/**
 * A match file ({@code rules/<entity>-match.yml}): the {@code match:} settings of the matcher (see
 * docs/matching.md) over canonical field names, and the {@code survivorship:} rules per field.
 */
public record MatchFile(Path file, EntityType entity, MatchSettings match, Survivorship survivorship) {

    public static MatchFile read(Path file, EntityType entity) {
        YamlMap root = YamlMap.read(file);
        root.optionalString("description");
        int matchLine = root.lineOf("match");
        MatchSettings match = MatchSettings.fromYaml(root.requiredMap("match"));
        Survivorship survivorship = root.optionalMap("survivorship")
                .map(y -> Survivorship.fromYaml(y, entity)).orElse(Survivorship.defaults(entity));
        root.finish(Set.of("description", "match", "survivorship"));
        Set<String> fields = new LinkedHashSet<>();
        for (BlockingRule rule : match.blocking()) {
            fields.addAll(rule.key().fields());
        }
        for (ComparisonSpec c : match.comparisons()) {
            fields.add(c.field());
            if (c.unitField() != null) {
                fields.add(c.unitField());
            }
        }
        for (String f : fields) {
            if (entity.field(f).isEmpty() || f.equals("source-system") || f.equals("source-key")) {
                throw new DefinitionException(file, lineNaming(file, f, matchLine), "match settings use '" + f
                        + "', which is not a " + entity.code() + " field; its fields: " + String.join(", ",
                        entity.fields().stream().map(CanonicalField::name)
                                .filter(n -> !n.equals("source-system") && !n.equals("source-key")).toList()));
            }
        }
        return new MatchFile(file, entity, match, survivorship);
    }

    /**
     * The first line whose {@code field}, {@code fields} or {@code unit-field} value names {@code field} (the
     * parsed settings keep no lines), else {@code fallback}.
     */
    private static int lineNaming(Path file, String field, int fallback) {
        Pattern naming = Pattern.compile("(?:^|[\\s{,-])(?:field|fields|unit-field)\\s*:"
                + ".*(?<![\\w-])" + Pattern.quote(field) + "(?![\\w-])");
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                int comment = line.indexOf('#');
                if (naming.matcher(comment < 0 ? line : line.substring(0, comment)).find()) {
                    return i + 1;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // the file was read a moment ago; without it the match: line will do
        }
        return fallback;
    }

    /** The canonical fields the matcher reads (blocking keys and comparisons), in entity order. */
    public Set<String> matchFields() {
        Set<String> used = new LinkedHashSet<>();
        for (BlockingRule rule : match.blocking()) {
            used.addAll(rule.key().fields());
        }
        for (ComparisonSpec c : match.comparisons()) {
            used.add(c.field());
            if (c.unitField() != null) {
                used.add(c.unitField());
            }
        }
        Set<String> ordered = new LinkedHashSet<>();
        entity.fields().forEach(f -> {
            if (used.contains(f.name())) {
                ordered.add(f.name());
            }
        });
        return ordered;
    }
}
