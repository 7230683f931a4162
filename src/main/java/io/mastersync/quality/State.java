package io.mastersync.quality;

/**
 * The intermediate result of an {@link Analyzer} over part of a dataset. A state may be updated in
 * place while one partition (chunk) is being scanned; {@link #merge} never changes either input and
 * returns the state of both partitions together, so partitions can be combined in any grouping.
 */
public interface State<S extends State<S>> {

    /** The state of this partition and {@code other} together; neither input is changed. */
    S merge(S other);
}
