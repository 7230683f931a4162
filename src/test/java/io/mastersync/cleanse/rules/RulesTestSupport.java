package io.mastersync.cleanse.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.mastersync.canonical.EntityType;
import io.mastersync.cleanse.FieldChange;
import io.mastersync.cleanse.FieldValues;
import io.mastersync.cleanse.Violation;

/** Writes rules files into a temporary directory and runs rows through them. */
final class RulesTestSupport {

    /** 2024-06-15, the "today" of date-range tests. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-15T10:00:00Z"), ZoneOffset.UTC);

    private RulesTestSupport() {
    }

    static Path write(Path dir, String name, String content) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DeclaredRules rules(Path dir, EntityType entity, String yaml) {
        return RulesFileParser.parse(write(dir, "rules.yml", yaml), entity, CLOCK);
    }

    static DeclaredRules customerRules(Path dir, String yaml) {
        return rules(dir, EntityType.CUSTOMER, "entity: customer\n" + yaml);
    }

    static DeclaredRules itemRules(Path dir, String yaml) {
        return rules(dir, EntityType.ITEM, "entity: item\n" + yaml);
    }

    /** A row of the entity from alternating field names and values. */
    static FieldValues row(EntityType entity, String... namesAndValues) {
        FieldValues values = new FieldValues(entity);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.set(namesAndValues[i], namesAndValues[i + 1]);
        }
        return values;
    }

    /** The outcome of one row: its values after the rules, what they found and changed. */
    record Outcome(FieldValues values, List<Violation> violations, List<FieldChange> changes, Violation filter) {
        List<String> ruleIds() {
            return violations.stream().map(Violation::rule).toList();
        }

        Violation only(String rule) {
            List<Violation> found = violations.stream().filter(v -> v.rule().equals(rule)).toList();
            if (found.size() != 1) {
                throw new AssertionError("expected one violation of " + rule + " but got " + violations);
            }
            return found.get(0);
        }
    }

    static Outcome apply(DeclaredRules rules, FieldValues values) {
        List<Violation> violations = new ArrayList<>();
        List<FieldChange> changes = new ArrayList<>();
        Violation filter = rules.apply(values, violations, changes);
        return new Outcome(values, violations, changes, filter);
    }
}
