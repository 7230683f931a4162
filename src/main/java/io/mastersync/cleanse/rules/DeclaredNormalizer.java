package io.mastersync.cleanse.rules;

import io.mastersync.cleanse.normalize.Normalizer;

/**
 * A normalizer as declared for one field of a rules file.
 *
 * @param id         {@code field/name}, with {@code #2}, {@code #3} ... when the name repeats in the field
 * @param field      the canonical field it rewrites
 * @param index      the field's index in the entity
 * @param normalizer the configured normalizer
 * @param onProblem  what a problem result becomes
 */
record DeclaredNormalizer(String id, String field, int index, Normalizer normalizer, OnProblem onProblem) {

    /**
     * What a normalizer's problem result becomes: an error (row rejected), a warning (value kept, row flagged),
     * nothing, or {@code CLEAR}: a warning and the value dropped, for optional fields whose bad value would
     * otherwise fail typed parsing and reject the whole row (a birth date of 1955-11-92).
     */
    enum OnProblem {
        ERROR, WARNING, IGNORE, CLEAR
    }
}
