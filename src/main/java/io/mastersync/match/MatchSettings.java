package io.mastersync.match;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.mastersync.yaml.DefinitionException;
import io.mastersync.yaml.YamlMap;

/**
 * Everything the matcher needs: which pairs to consider, how to compare them, the thresholds, EM and guard
 * parameters. Read from the {@code match:} section of a YAML file, strictly (unknown keys are errors naming the
 * file and line); see {@code docs/matching.md}.
 */
public record MatchSettings(LinkMode link, boolean oneToOne, List<BlockingRule> blocking, int maxBlockSize,
        long maxPairsPerRule, List<ComparisonSpec> comparisons, Thresholds thresholds, EmSettings em,
        ClusterSettings clusters) {

    public static final int DEFAULT_MAX_BLOCK_SIZE = 1000;
    public static final long DEFAULT_MAX_PAIRS_PER_RULE = 5_000_000L;
    public static final Thresholds DEFAULT_THRESHOLDS = new Thresholds(0.95, 0.60);

    public MatchSettings {
        blocking = List.copyOf(blocking);
        comparisons = List.copyOf(comparisons);
        if (blocking.isEmpty()) {
            throw new IllegalArgumentException("at least one blocking rule is needed");
        }
        if (comparisons.isEmpty()) {
            throw new IllegalArgumentException("at least one comparison is needed");
        }
        if (comparisons.size() > 16) {
            throw new IllegalArgumentException("at most 16 comparisons");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (ComparisonSpec c : comparisons) {
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException("duplicate comparison id '" + c.id() + "'");
            }
        }
        if (maxBlockSize < 2 || maxPairsPerRule < 1) {
            throw new IllegalArgumentException("max-block-size must be >= 2 and max-pairs-per-rule >= 1");
        }
    }

    /** Settings with the defaults for everything but the rules and comparisons. */
    public static MatchSettings of(LinkMode link, List<BlockingRule> blocking, List<ComparisonSpec> comparisons) {
        return new MatchSettings(link, false, blocking, DEFAULT_MAX_BLOCK_SIZE, DEFAULT_MAX_PAIRS_PER_RULE, comparisons,
                DEFAULT_THRESHOLDS, EmSettings.DEFAULTS, ClusterSettings.DEFAULTS);
    }

    public MatchSettings withOneToOne(boolean value) {
        return new MatchSettings(link, value, blocking, maxBlockSize, maxPairsPerRule, comparisons, thresholds, em,
                clusters);
    }

    public MatchSettings withThresholds(Thresholds value) {
        return new MatchSettings(link, oneToOne, blocking, maxBlockSize, maxPairsPerRule, comparisons, value, em,
                clusters);
    }

    /** Reads a file whose top level has a {@code match:} section. */
    public static MatchSettings read(Path file) {
        YamlMap root = YamlMap.read(file);
        MatchSettings settings = fromYaml(root.requiredMap("match"));
        root.finish(Set.of("match"));
        return settings;
    }

    private static final Set<String> KEYS = Set.of("link", "one-to-one", "blocking", "max-block-size",
            "max-pairs-per-rule", "comparisons", "thresholds", "em", "clusters");

    /** Parses a {@code match:} mapping (so the section can live inside a larger job file). */
    public static MatchSettings fromYaml(YamlMap y) {
        // first: a misspelt 'comparisons' is an unknown key on its line, not a missing one
        y.rejectUnknown(KEYS);
        LinkMode link = switch (y.string("link", "dedupe").toLowerCase(Locale.ROOT)) {
            case "dedupe" -> LinkMode.DEDUPE;
            case "link" -> LinkMode.LINK;
            case "both" -> LinkMode.BOTH;
            default -> throw y.error("link", "'link' must be dedupe, link or both");
        };
        boolean oneToOne = y.bool("one-to-one", false);
        List<BlockingRule> rules = new ArrayList<>();
        Set<String> ruleIds = new LinkedHashSet<>();
        for (YamlMap r : y.mapList("blocking")) {
            BlockingRule rule = blockingRule(r);
            if (!ruleIds.add(rule.id())) {
                throw r.error("id", "duplicate blocking rule id '" + rule.id() + "'");
            }
            rules.add(rule);
        }
        if (rules.isEmpty()) {
            throw y.error("blocking", "'blocking' needs at least one rule");
        }
        int maxBlockSize = y.integer("max-block-size", DEFAULT_MAX_BLOCK_SIZE);
        long maxPairs = y.longValue("max-pairs-per-rule", DEFAULT_MAX_PAIRS_PER_RULE);
        List<ComparisonSpec> comparisons = new ArrayList<>();
        Set<String> compIds = new LinkedHashSet<>();
        for (YamlMap c : y.mapList("comparisons")) {
            ComparisonSpec spec = comparison(c);
            if (!compIds.add(spec.id())) {
                throw c.error("id", "duplicate comparison id '" + spec.id() + "'");
            }
            comparisons.add(spec);
        }
        if (comparisons.isEmpty()) {
            throw y.error("comparisons", "'comparisons' needs at least one comparison");
        }
        Thresholds thresholds = DEFAULT_THRESHOLDS;
        YamlMap t = y.optionalMap("thresholds").orElse(null);
        if (t != null) {
            double match = t.decimal("match", DEFAULT_THRESHOLDS.match());
            double review = t.decimal("review", DEFAULT_THRESHOLDS.review());
            t.finish(Set.of("match", "review"));
            thresholds = wrap(t, "match", () -> new Thresholds(match, review));
        }
        EmSettings em = EmSettings.DEFAULTS;
        YamlMap e = y.optionalMap("em").orElse(null);
        if (e != null) {
            EmSettings d = EmSettings.DEFAULTS;
            int maxIt = e.integer("max-iterations", d.maxIterations());
            double tol = e.decimal("tolerance", d.tolerance());
            int sample = e.integer("sample-pairs", d.samplePairs());
            int uSample = e.integer("u-sample-pairs", d.uSamplePairs());
            boolean estimateU = e.bool("estimate-u", d.estimateU());
            long seed = e.longValue("seed", d.seed());
            boolean monotone = e.bool("monotone", d.monotone());
            String training = e.string("training", d.perRule() ? "per-rule" : "candidates");
            if (!training.equals("per-rule") && !training.equals("candidates")) {
                throw e.error("training", "'training' must be per-rule or candidates");
            }
            e.finish(Set.of("max-iterations", "tolerance", "sample-pairs", "u-sample-pairs", "estimate-u", "seed",
                    "monotone", "training"));
            em = wrap(e, "max-iterations", () -> new EmSettings(maxIt, tol, sample, uSample, estimateU, seed,
                    monotone, training.equals("per-rule")));
        }
        ClusterSettings clusters = ClusterSettings.DEFAULTS;
        YamlMap cl = y.optionalMap("clusters").orElse(null);
        if (cl != null) {
            ClusterSettings d = ClusterSettings.DEFAULTS;
            int maxSize = cl.integer("max-size", d.maxSize());
            double minDensity = cl.decimal("min-density", d.minDensity());
            double strict = cl.decimal("strict-threshold", d.strictThreshold());
            cl.finish(Set.of("max-size", "min-density", "strict-threshold"));
            clusters = wrap(cl, "max-size", () -> new ClusterSettings(maxSize, minDensity, strict));
        }
        y.finish(KEYS);
        Thresholds th = thresholds;
        EmSettings emf = em;
        ClusterSettings clf = clusters;
        return wrap(y, "blocking", () -> new MatchSettings(link, oneToOne, rules, maxBlockSize, maxPairs, comparisons,
                th, emf, clf));
    }

    private static BlockingRule blockingRule(YamlMap r) {
        String id = r.requiredString("id");
        List<BlockingKey> parts = new ArrayList<>();
        for (YamlMap p : r.mapList("key")) {
            parts.add(keyPart(p));
        }
        if (parts.isEmpty()) {
            throw r.error("key", "blocking rule '" + id + "' needs a 'key' with at least one part");
        }
        int window = r.integer("window", 0);
        r.finish(Set.of("id", "key", "window"));
        return wrap(r, "id", () -> new BlockingRule(id, parts.size() == 1 ? parts.get(0) : new CompositeKey(parts),
                window));
    }

    private static KeyPart keyPart(YamlMap p) {
        String field = p.requiredString("field");
        int first = p.integer("first", 0);
        KeyPart.Token token = switch (p.string("token", "whole").toLowerCase(Locale.ROOT)) {
            case "whole" -> KeyPart.Token.WHOLE;
            case "first" -> KeyPart.Token.FIRST;
            case "last" -> KeyPart.Token.LAST;
            case "each" -> KeyPart.Token.EACH;
            case "house" -> KeyPart.Token.HOUSE;
            default -> throw p.error("token", "'token' must be whole, first, last, each or house");
        };
        String phonetic = p.string("phonetic", null);
        if (phonetic != null && !phonetic.equals("double-metaphone")) {
            throw p.error("phonetic", "'phonetic' must be double-metaphone");
        }
        List<String> stop = p.stringList("stop-words");
        if (!stop.isEmpty() && token != KeyPart.Token.EACH) {
            throw p.error("stop-words", "'stop-words' only applies with token: each");
        }
        Set<String> stopWords = new LinkedHashSet<>();
        for (String s : stop) {
            stopWords.add(Text.normalize(s));
        }
        p.finish(Set.of("field", "first", "token", "phonetic", "stop-words"));
        return wrap(p, "field", () -> new KeyPart(field, first, token, phonetic != null, stopWords));
    }

    private static ComparisonSpec comparison(YamlMap c) {
        String id = c.requiredString("id");
        String field = c.string("field", id);
        String method = c.requiredString("method");
        if (!Comparators.known(method)) {
            throw c.error("method", "unknown method '" + method + "'; known: " + String.join(", ", Comparators.names()));
        }
        List<Double> levels = new ArrayList<>();
        for (String s : c.stringList("levels")) {
            try {
                levels.add(Double.parseDouble(s.trim()));
            } catch (NumberFormatException ex) {
                throw c.error("levels", "'levels' must be numbers, not '" + s + "'");
            }
        }
        boolean tf = c.bool("term-frequency", false);
        Map<String, String> params = new LinkedHashMap<>();
        for (String param : Comparators.parameters(method)) {
            c.optionalString(param).ifPresent(v -> params.put(param, v));
        }
        String unitField = c.optionalString("unit-field").orElse(null);
        Set<String> known = new LinkedHashSet<>(List.of("id", "field", "method", "levels", "term-frequency",
                "unit-field"));
        known.addAll(Comparators.parameters(method));
        c.finish(known);
        ComparisonSpec spec = wrap(c, "id", () -> new ComparisonSpec(id, field, method, levels, tf, params,
                unitField));
        wrap(c, "method", () -> Comparators.create(method, params, List.of())); // rejects bad parameter values now
        return spec;
    }

    private static <T> T wrap(YamlMap y, String key, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException ex) {
            throw new DefinitionException(y.file(), y.lineOf(key), ex.getMessage());
        }
    }
}
