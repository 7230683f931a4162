package io.mastersync.source;

/**
 * An interrupted run cannot resume by position: the source is not the one the first attempt read (files of
 * another size, a query whose rows before the position differ). Resuming anyway would skip the wrong rows.
 */
public class SourceChangedException extends SourceException {

    /** What a {@code migrate} can do about it; a sync starts a new run by itself. */
    static final String ADVICE = "; resume with the original source, or start over with --fresh";

    private final String problem;

    /** @param problem what changed, without advice */
    public SourceChangedException(String problem) {
        super(problem + ADVICE);
        this.problem = problem;
    }

    /** What changed, without the advice of the message. */
    public String problem() {
        return problem;
    }
}
