package io.mastersync.match;

import java.util.List;

/**
 * Derives the blocking key values of a record. Records sharing a key value land in the same block and
 * are compared. A record may yield several values (token blocking) or none (missing field: not blocked
 * by this key).
 */
public interface BlockingKey {

    /** The key values of a record; empty when the record has no value for this key. */
    List<String> keys(MatchRecord record);

    /** Short human description, used in warnings and reports. */
    String describe();

    /** The fields the key is built from (a comparison on one of them is conditioned by blocking on this key). */
    java.util.Set<String> fields();

    /** The exact normalised value of a field. */
    static KeyPart exact(String field) {
        return new KeyPart(field, 0, KeyPart.Token.WHOLE, false, java.util.Set.of());
    }

    /** The first {@code n} characters of the normalised value of a field. */
    static KeyPart prefix(String field, int n) {
        return new KeyPart(field, n, KeyPart.Token.WHOLE, false, java.util.Set.of());
    }

    /** The Double Metaphone code of a field (token = WHOLE) or of its first or last token. */
    static KeyPart phonetic(String field, KeyPart.Token token) {
        return new KeyPart(field, 0, token, true, java.util.Set.of());
    }

    /** Each token of a field (token blocking), skipping the stop words. */
    static KeyPart tokens(String field, java.util.Set<String> stopWords) {
        return new KeyPart(field, 0, KeyPart.Token.EACH, false, stopWords);
    }

    /** All combinations of the parts' values, e.g. postal code + first 3 letters of the name. */
    static BlockingKey composite(BlockingKey... parts) {
        return new CompositeKey(List.of(parts));
    }
}
