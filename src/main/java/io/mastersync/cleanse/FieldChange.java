package io.mastersync.cleanse;

/**
 * A value that a normalizer rewrote, kept so that stewards can see how many values each normalizer
 * changed, with a few before/after examples.
 *
 * @param normalizer the normalizer's id in the rules file (e.g. {@code country/country-iso2})
 * @param field      the canonical field
 * @param before     the value before (null when there was none)
 * @param after      the value after (null when it was cleared)
 */
public record FieldChange(String normalizer, String field, String before, String after) {
}
