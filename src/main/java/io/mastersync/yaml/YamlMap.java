package io.mastersync.yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping read strictly: every key a caller does not ask for is an error at {@link #finish()},
 * and every error names the file and line. Definitions are data written by hand, so a typo in a key
 * must stop the run instead of being silently ignored. Not thread-safe.
 */
public final class YamlMap {

    private final Path file;
    private final MappingNode node;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> consumed = new LinkedHashSet<>();

    private YamlMap(Path file, MappingNode node) {
        this.file = file;
        this.node = node;
        for (NodeTuple tuple : node.getValue()) {
            String key = scalarText(tuple.getKeyNode(), "key");
            if (entries.put(key, tuple) != null) {
                throw error(tuple.getKeyNode(), "duplicate key '" + key + "'");
            }
        }
    }

    /** Reads a file whose top level must be a mapping. */
    public static YamlMap read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Node root = new Yaml(new LoaderOptions()).compose(reader);
            if (!(root instanceof MappingNode mapping)) {
                throw new DefinitionException(file, root == null ? 0 : line(root), "expected a mapping of keys at the top level");
            }
            return new YamlMap(file, mapping);
        } catch (NoSuchFileException e) {
            throw new DefinitionException(file, 0, "file not found");
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new DefinitionException(file, line, "not valid YAML: " + e.getProblem());
        } catch (IOException e) {
            throw new DefinitionException(file, 0, "cannot read: " + e.getMessage());
        }
    }

    public Path file() {
        return file;
    }

    /** 1-based line of this mapping. */
    public int line() {
        return line(node);
    }

    /** 1-based line of a key, or of the mapping when the key is absent. */
    public int lineOf(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? line() : line(tuple.getKeyNode());
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    public String requiredString(String key) {
        return optionalString(key).orElseThrow(() -> error(node, "missing required key '" + key + "'"));
    }

    public Optional<String> optionalString(String key) {
        NodeTuple tuple = take(key);
        return tuple == null ? Optional.empty() : Optional.ofNullable(scalarOrNull(tuple.getValueNode(), key));
    }

    public String string(String key, String defaultValue) {
        return optionalString(key).orElse(defaultValue);
    }

    public int integer(String key, int defaultValue) {
        return optionalString(key).map(v -> parse(key, v, Integer::parseInt, "a whole number")).orElse(defaultValue);
    }

    public long longValue(String key, long defaultValue) {
        return optionalString(key).map(v -> parse(key, v, Long::parseLong, "a whole number")).orElse(defaultValue);
    }

    public double decimal(String key, double defaultValue) {
        return optionalString(key).map(v -> parse(key, v, Double::parseDouble, "a number")).orElse(defaultValue);
    }

    public boolean bool(String key, boolean defaultValue) {
        return optionalString(key).map(v -> switch (v.toLowerCase()) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error(entries.get(key).getValueNode(), "'" + key + "' must be true or false, not '" + v + "'");
        }).orElse(defaultValue);
    }

    public Optional<YamlMap> optionalMap(String key) {
        NodeTuple tuple = take(key);
        if (tuple == null || isNull(tuple.getValueNode())) {
            return Optional.empty();
        }
        if (!(tuple.getValueNode() instanceof MappingNode mapping)) {
            throw error(tuple.getValueNode(), "'" + key + "' must be a mapping of keys");
        }
        return Optional.of(new YamlMap(file, mapping));
    }

    public YamlMap requiredMap(String key) {
        return optionalMap(key).orElseThrow(() -> error(node, "missing required key '" + key + "'"));
    }

    /** A list of mappings; absent means empty. */
    public List<YamlMap> mapList(String key) {
        List<YamlMap> result = new ArrayList<>();
        for (Node item : sequence(key)) {
            if (!(item instanceof MappingNode mapping)) {
                throw error(item, "each entry of '" + key + "' must be a mapping of keys");
            }
            result.add(new YamlMap(file, mapping));
        }
        return result;
    }

    /** A list of scalars (a single scalar counts as a list of one); absent means empty. */
    public List<String> stringList(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple != null && tuple.getValueNode() instanceof ScalarNode scalar && !isNull(scalar)) {
            take(key);
            return List.of(scalar.getValue());
        }
        List<String> result = new ArrayList<>();
        for (Node item : sequence(key)) {
            result.add(scalarText(item, key));
        }
        return result;
    }

    /**
     * A list whose entries are each a scalar or a mapping, with their lines (a single scalar counts as a
     * list of one); absent or null means empty. Nested lists are refused.
     */
    public List<Item> itemList(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple != null && tuple.getValueNode() instanceof ScalarNode scalar && !isNull(scalar)) {
            take(key);
            return List.of(new Item(scalar.getValue(), null, line(scalar)));
        }
        List<Item> result = new ArrayList<>();
        for (Node item : sequence(key)) {
            if (item instanceof MappingNode mapping) {
                result.add(new Item(null, new YamlMap(file, mapping), line(item)));
            } else {
                result.add(new Item(scalarText(item, key), null, line(item)));
            }
        }
        return result;
    }

    /** One entry of {@link #itemList}: either {@code scalar} or {@code map} is set. */
    public record Item(String scalar, YamlMap map, int line) {
    }

    /** True when the key is present and its value is a mapping. */
    public boolean isMap(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple != null && tuple.getValueNode() instanceof MappingNode;
    }

    /** 1-based line of a key's value, or of the mapping when the key is absent. */
    public int valueLineOf(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? line() : line(tuple.getValueNode());
    }

    /** The entries of a nested mapping of scalars, in file order, with their lines. */
    public List<Entry> scalarEntries() {
        List<Entry> result = new ArrayList<>();
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            consumed.add(e.getKey());
            Node value = e.getValue().getValueNode();
            int keyLine = line(e.getValue().getKeyNode());
            if (value instanceof MappingNode mapping) {
                result.add(new Entry(e.getKey(), null, new YamlMap(file, mapping), null, keyLine));
            } else if (value instanceof SequenceNode seq) {
                List<String> items = new ArrayList<>();
                for (Node item : seq.getValue()) {
                    items.add(scalarText(item, e.getKey()));
                }
                result.add(new Entry(e.getKey(), null, null, List.copyOf(items), keyLine));
            } else {
                result.add(new Entry(e.getKey(), scalarOrNull(value, e.getKey()), null, null, keyLine));
            }
        }
        return result;
    }

    /** A key of a mapping with a scalar value, a nested mapping or a list of scalars (the others null). */
    public record Entry(String key, String scalar, YamlMap map, List<String> list, int line) {
    }

    /** Fails on any key that nobody asked for: the usual sign of a typo. */
    /** Refuses a key that is not one of these, before any is read: a typo then is not taken for a missing key. */
    public void rejectUnknown(Set<String> known) {
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            if (!known.contains(e.getKey())) {
                throw unknownKey(e, known);
            }
        }
    }

    public void finish(Set<String> known) {
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            if (!consumed.contains(e.getKey())) {
                throw unknownKey(e, known);
            }
        }
    }

    private DefinitionException unknownKey(Map.Entry<String, NodeTuple> e, Set<String> known) {
        return error(e.getValue().getKeyNode(), "unknown key '" + e.getKey() + "'"
                + (known.isEmpty() ? "" : "; known keys here: " + String.join(", ", new java.util.TreeSet<>(known))));
    }

    public DefinitionException error(String key, String problem) {
        return new DefinitionException(file, lineOf(key), problem);
    }

    private List<Node> sequence(String key) {
        NodeTuple tuple = take(key);
        if (tuple == null || isNull(tuple.getValueNode())) {
            return List.of();
        }
        if (!(tuple.getValueNode() instanceof SequenceNode seq)) {
            throw error(tuple.getValueNode(), "'" + key + "' must be a list");
        }
        return seq.getValue();
    }

    private NodeTuple take(String key) {
        consumed.add(key);
        return entries.get(key);
    }

    private <T> T parse(String key, String value, Function<String, T> parser, String what) {
        try {
            return parser.apply(value.trim());
        } catch (RuntimeException e) {
            throw error(entries.get(key).getValueNode(), "'" + key + "' must be " + what + ", not '" + value + "'");
        }
    }

    private String scalarOrNull(Node value, String key) {
        return isNull(value) ? null : scalarText(value, key);
    }

    private String scalarText(Node value, String what) {
        if (!(value instanceof ScalarNode scalar)) {
            throw error(value, "'" + what + "' must be a single value");
        }
        return scalar.getValue();
    }

    private static boolean isNull(Node value) {
        return value instanceof ScalarNode scalar && "tag:yaml.org,2002:null".equals(scalar.getTag().getValue());
    }

    private DefinitionException error(Node at, String problem) {
        return new DefinitionException(file, line(at), problem);
    }

    private static int line(Node n) {
        return n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
    }
}
