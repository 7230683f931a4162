package io.mastersync.match;

import java.util.List;
import java.util.Objects;

/**
 * A named way of forming candidate pairs: records sharing a value of {@link #key()} are paired. With a
 * {@code window > 1} the rule is a sorted neighbourhood instead: records are sorted by key value and each is
 * paired with the next {@code window - 1} records in that order.
 */
public record BlockingRule(String id, BlockingKey key, int window) {

    public BlockingRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        if (window < 0) {
            throw new IllegalArgumentException("window must be >= 0");
        }
    }

    /** Standard blocking on the composite of the given parts. */
    public BlockingRule(String id, BlockingKey... parts) {
        this(id, parts.length == 1 ? parts[0] : new CompositeKey(List.of(parts)), 0);
    }

    public boolean sortedNeighbourhood() {
        return window > 1;
    }
}
