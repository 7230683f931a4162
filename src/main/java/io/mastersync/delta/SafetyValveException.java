package io.mastersync.delta;

/** A sync would change too much of a feed at once (a truncated export?) and was stopped before applying. */
public class SafetyValveException extends RuntimeException {

    public SafetyValveException(String message) {
        super(message);
    }
}
