package io.mastersync.cleanse.normalize;

import java.util.Map;
import java.util.Objects;

/**
 * The outcome of applying one {@link Normalizer} to one value.
 *
 * <ul>
 *   <li>{@link Unchanged}: the value already was canonical.</li>
 *   <li>{@link Changed}: the value was rewritten; carries before and after so that a caller can count changes
 *       per normalizer and collect before/after examples. {@code after} may be null (e.g. {@code n/a} became
 *       empty).</li>
 *   <li>{@link Problem}: the value could not be normalized; it is kept unchanged and the problem is reported
 *       with a stable code and a message naming the value. Whether a problem rejects the row, is a warning
 *       or is ignored is the caller's (the rule's) decision, not the normalizer's.</li>
 * </ul>
 *
 * <p>Any result may carry {@link #outputs()}: values for <em>other</em> fields of the same record (e.g. the
 * legal form split off a company name goes to {@code legal-form}). Keys are canonical field names; a null
 * value means "set that field empty". The caller decides how to apply them.
 *
 * <p>All implementations are immutable records and safe to share.
 */
public sealed interface NormalizerResult
        permits NormalizerResult.Unchanged, NormalizerResult.Changed, NormalizerResult.Problem {

    /** The value to continue with: the new value when changed, otherwise the unchanged input (may be null). */
    String value();

    /** Values for other fields of the same record; empty when none. Never null. */
    Map<String, String> outputs();

    /** True only for {@link Changed}. */
    default boolean changed() {
        return this instanceof Changed;
    }

    /** True only for {@link Problem}. */
    default boolean isProblem() {
        return this instanceof Problem;
    }

    /** The value was already canonical. */
    record Unchanged(String value, Map<String, String> outputs) implements NormalizerResult {
        public Unchanged {
            outputs = copy(outputs);
        }

        public Unchanged(String value) {
            this(value, Map.of());
        }
    }

    /**
     * The value was rewritten from {@code before} to {@code after}; {@code before} and {@code after} differ.
     */
    record Changed(String before, String after, Map<String, String> outputs) implements NormalizerResult {
        public Changed {
            if (Objects.equals(before, after)) {
                throw new IllegalArgumentException("not a change: '" + before + "'");
            }
            outputs = copy(outputs);
        }

        public Changed(String before, String after) {
            this(before, after, Map.of());
        }

        @Override
        public String value() {
            return after;
        }
    }

    /**
     * The value could not be normalized and is kept as it was.
     *
     * @param value   the unchanged input value
     * @param code    short stable code for counting and filtering, e.g. {@code unknown-country}
     * @param message human-readable explanation that names the value, e.g. {@code unknown country 'Atlantis'}
     */
    record Problem(String value, String code, String message) implements NormalizerResult {
        public Problem {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public Map<String, String> outputs() {
            return Map.of();
        }
    }

    /** {@link Changed} when {@code after} differs from {@code before}, otherwise {@link Unchanged}. */
    static NormalizerResult of(String before, String after) {
        return Objects.equals(before, after) ? new Unchanged(before) : new Changed(before, after);
    }

    /** Like {@link #of(String, String)} but also carrying outputs for other fields. */
    static NormalizerResult of(String before, String after, Map<String, String> outputs) {
        return Objects.equals(before, after)
                ? new Unchanged(before, outputs)
                : new Changed(before, after, outputs);
    }

    /** The input is kept; reports a problem. */
    static NormalizerResult problem(String value, String code, String message) {
        return new Problem(value, code, message);
    }

    private static Map<String, String> copy(Map<String, String> outputs) {
        if (outputs == null || outputs.isEmpty()) {
            return Map.of();
        }
        // Map.copyOf rejects null values, but "set the other field empty" is a legitimate output.
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
    }
}
