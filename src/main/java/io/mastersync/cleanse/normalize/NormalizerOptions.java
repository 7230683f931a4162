package io.mastersync.cleanse.normalize;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The options given to one normalizer in a rules file, with typed accessors that throw an
 * {@link IllegalArgumentException} naming the option on a bad value.
 *
 * <p>Every accessor records the option name as known; after the factory ran, {@link NormalizerRegistry}
 * rejects any option that no accessor asked for, so a typo ({@code defualt-region}) fails loudly instead of
 * being ignored. Factories therefore read all of their options unconditionally.
 *
 * <p>Used only during construction, by one thread; not thread-safe.
 */
public final class NormalizerOptions {

    /** Separator of list-valued options such as {@code patterns} or {@code values}. */
    public static final String LIST_SEPARATOR = "|";

    private final String normalizer;
    private final Map<String, String> values;
    private final Path baseDir;
    private final Set<String> known = new LinkedHashSet<>();
    private final Set<String> knownPrefixes = new LinkedHashSet<>();

    NormalizerOptions(String normalizer, Map<String, String> values, Path baseDir) {
        this.normalizer = normalizer;
        this.values = values == null ? Map.of() : new LinkedHashMap<>(values);
        this.baseDir = baseDir;
    }

    /** Name of the normalizer being configured, for messages. */
    public String normalizer() {
        return normalizer;
    }

    /** The raw value, or {@code defaultValue} when the option is absent. */
    public String string(String name, String defaultValue) {
        known.add(name);
        String v = values.get(name);
        return v == null ? defaultValue : v;
    }

    /** The raw value; throws when absent or blank. */
    public String required(String name) {
        String v = string(name, null);
        if (v == null || v.isBlank()) {
            throw invalid(name, "is required");
        }
        return v;
    }

    /** {@code true}/{@code false} (case-insensitive; also yes/no), or the default when absent. */
    public boolean bool(String name, boolean defaultValue) {
        String v = string(name, null);
        if (v == null) {
            return defaultValue;
        }
        switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> {
                return true;
            }
            case "false", "no" -> {
                return false;
            }
            default -> throw invalid(name, "must be true or false, not '" + v + "'");
        }
    }

    /** A non-negative integer, or the default when absent. */
    public Integer integer(String name, Integer defaultValue) {
        String v = string(name, null);
        if (v == null) {
            return defaultValue;
        }
        try {
            int i = Integer.parseInt(v.trim());
            if (i < 0) {
                throw invalid(name, "must not be negative, not '" + v + "'");
            }
            return i;
        } catch (NumberFormatException e) {
            throw invalid(name, "must be a whole number, not '" + v + "'");
        }
    }

    /** One of {@code allowed} (case-insensitive, returned in the spelling of {@code allowed}). */
    public String choice(String name, String defaultValue, String... allowed) {
        String v = string(name, null);
        if (v == null) {
            return defaultValue;
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(v.trim())) {
                return a;
            }
        }
        throw invalid(name, "must be one of " + String.join(", ", allowed) + ", not '" + v + "'");
    }

    /** A BCP 47 language tag such as {@code de-DE} (underscores accepted), or the default when absent. */
    public Locale locale(String name, Locale defaultValue) {
        String v = string(name, null);
        if (v == null) {
            return defaultValue;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(v.trim().replace('_', '-')).build();
            if (locale.getLanguage().isEmpty()) {
                throw invalid(name, "must be a language tag such as de-DE, not '" + v + "'");
            }
            return locale;
        } catch (IllformedLocaleException e) {
            throw invalid(name, "must be a language tag such as de-DE, not '" + v + "'");
        }
    }

    /** A {@link #LIST_SEPARATOR}-separated list with blank entries dropped, or the default when absent. */
    public List<String> list(String name, List<String> defaultValue) {
        String v = string(name, null);
        if (v == null) {
            return defaultValue;
        }
        List<String> out = new ArrayList<>();
        for (String part : v.split(java.util.regex.Pattern.quote(LIST_SEPARATOR), -1)) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        if (out.isEmpty()) {
            throw invalid(name, "must list at least one entry separated by '" + LIST_SEPARATOR + "'");
        }
        return out;
    }

    /**
     * All options starting with {@code prefix} (e.g. {@code map.}), keyed by the rest of the name, in the
     * order given. Marks the prefix as known.
     */
    public Map<String, String> prefixed(String prefix) {
        knownPrefixes.add(prefix);
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    /** A file path option resolved against the registry's base directory; null when absent. */
    public Path file(String name) {
        String v = string(name, null);
        if (v == null) {
            return null;
        }
        if (v.isBlank()) {
            throw invalid(name, "must name a file");
        }
        Path p = Path.of(v.trim());
        return baseDir == null || p.isAbsolute() ? p : baseDir.resolve(p);
    }

    /** An exception for a bad value of option {@code name}; the message names normalizer and option. */
    public IllegalArgumentException invalid(String name, String problem) {
        return new IllegalArgumentException(
                "normalizer '" + normalizer + "': option '" + name + "' " + problem);
    }

    /** Rejects options that no accessor asked for. */
    void rejectUnknown() {
        for (String key : new TreeMap<>(values).keySet()) {
            if (known.contains(key) || knownPrefixes.stream().anyMatch(key::startsWith)) {
                continue;
            }
            List<String> names = new ArrayList<>(known);
            knownPrefixes.forEach(p -> names.add(p + "*"));
            Collections.sort(names);
            throw new IllegalArgumentException("normalizer '" + normalizer + "': unknown option '" + key + "'"
                    + (names.isEmpty() ? " (it takes no options)" : " (known options: " + String.join(", ", names) + ")"));
        }
    }
}
