package io.mastersync.match;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * One part of a blocking key built from one field: the normalised value (lower case, no accents, punctuation
 * as blanks), optionally reduced to its first or last token or split into every token, optionally cut to the
 * first {@code first} characters, optionally encoded with Double Metaphone.
 *
 * @param field     the field name
 * @param first     keep only the first N characters (0 = all); applied after token selection and phonetic coding
 * @param token     which token(s) of the value to use
 * @param phonetic  encode with Double Metaphone (primary code)
 * @param stopWords tokens never used as keys (for {@link Token#EACH})
 */
public record KeyPart(String field, int first, Token token, boolean phonetic, Set<String> stopWords) implements BlockingKey {

    /**
     * Which token(s) of the value make the key. {@code HOUSE} reads the value as a street line: its house number
     * and the first word of the street name ({@code 3701 W. Ogden Ave} and {@code 3701 West Ogden} give
     * {@code 3701 ogden}), no key without a house number; see {@link StreetAddress#houseKey}.
     */
    public enum Token { WHOLE, FIRST, LAST, EACH, HOUSE }

    private static final ThreadLocal<DoubleMetaphone> METAPHONE = ThreadLocal.withInitial(DoubleMetaphone::new);

    public KeyPart {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(token, "token");
        if (first < 0) {
            throw new IllegalArgumentException("first must be >= 0");
        }
        stopWords = Set.copyOf(stopWords);
    }

    @Override
    public List<String> keys(MatchRecord record) {
        String raw = record.get(field);
        if (raw == null) {
            return List.of();
        }
        String value = Text.normalize(raw);
        if (value.isEmpty()) {
            return List.of();
        }
        List<String> values = new ArrayList<>(1);
        switch (token) {
            case WHOLE -> values.add(phonetic ? String.join(" ", Text.tokens(value)) : value);
            case FIRST -> values.add(value.substring(0, indexOrLength(value.indexOf(' '), value)));
            case LAST -> values.add(value.substring(value.lastIndexOf(' ') + 1));
            case HOUSE -> {
                String house = StreetAddress.houseKey(value);
                if (house != null) {
                    values.add(house);
                }
            }
            case EACH -> {
                Set<String> seen = new LinkedHashSet<>(Text.tokens(value));
                seen.removeAll(stopWords);
                values.addAll(seen);
            }
        }
        List<String> result = new ArrayList<>(values.size());
        for (String v : values) {
            String k = phonetic ? encode(v) : v;
            if (first > 0 && k.length() > first) {
                k = k.substring(0, first);
            }
            if (!k.isEmpty() && !result.contains(k)) {
                result.add(k);
            }
        }
        return result;
    }

    private static int indexOrLength(int index, String value) {
        return index < 0 ? value.length() : index;
    }

    /**
     * Double Metaphone codes of tokens seen: a million names are made of a few ten thousand distinct words, and
     * encoding was most of the time a phonetic key took. Bounded; thread-safe.
     */
    private static final Map<String, String> CODES = new ConcurrentHashMap<>();
    private static final int MAX_CODES = 200_000;

    private static String code(String token) {
        String code = CODES.get(token);
        if (code == null) {
            code = METAPHONE.get().doubleMetaphone(token);
            code = code == null ? "" : code;
            if (CODES.size() < MAX_CODES) {
                CODES.put(token, code);
            }
        }
        return code;
    }

    private static String encode(String v) {
        StringBuilder sb = new StringBuilder();
        for (String t : v.split(" ")) {
            String code = code(t);
            if (code != null && !code.isEmpty()) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(code);
            }
        }
        return sb.toString();
    }

    @Override
    public Set<String> fields() {
        return Set.of(field);
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder(field);
        if (token != Token.WHOLE) {
            sb.append(" token=").append(token.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (phonetic) {
            sb.append(" phonetic");
        }
        if (first > 0) {
            sb.append(" first=").append(first);
        }
        return sb.toString();
    }
}
