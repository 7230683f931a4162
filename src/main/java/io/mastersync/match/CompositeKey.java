package io.mastersync.match;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Concatenation of several key parts; a part with several values yields every combination. */
public record CompositeKey(List<BlockingKey> parts) implements BlockingKey {

    private static final int MAX_COMBINATIONS = 1000;

    public CompositeKey {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a composite key needs at least one part");
        }
        parts = List.copyOf(parts);
    }

    @Override
    public List<String> keys(MatchRecord record) {
        List<String> acc = List.of("");
        for (int i = 0; i < parts.size(); i++) {
            List<String> values = parts.get(i).keys(record);
            if (values.isEmpty()) {
                return List.of();
            }
            List<String> next = new ArrayList<>(acc.size() * values.size());
            for (String prefix : acc) {
                for (String v : values) {
                    next.add(i == 0 ? v : prefix + "|" + v);
                    if (next.size() >= MAX_COMBINATIONS) {
                        break;
                    }
                }
            }
            acc = next;
        }
        return acc;
    }

    @Override
    public java.util.Set<String> fields() {
        java.util.Set<String> f = new java.util.LinkedHashSet<>();
        for (BlockingKey p : parts) {
            f.addAll(p.fields());
        }
        return java.util.Set.copyOf(f);
    }

    @Override
    public String describe() {
        return parts.stream().map(BlockingKey::describe).collect(Collectors.joining(" + "));
    }
}
