package io.mastersync.golden;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

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
                throw new DefinitionException(file, matchLine, "match settings use '" + f + "', which is not a "
                        + entity.code() + " field");
            }
        }
        return new MatchFile(file, entity, match, survivorship);
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
