package io.mastersync.cli;

import io.mastersync.source.SourceException;
import io.mastersync.yaml.DefinitionException;

/** Turns an exception into the one line a user sees on stderr, and into an exit code. */
final class Failures {

    private Failures() {
    }

    static String oneLine(Throwable ex) {
        Throwable own = ownCause(ex);
        Throwable shown = own != null ? own : root(ex);
        String message = shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
        return message.replace('\n', ' ').replace('\r', ' ');
    }

    static int exitCode(Throwable ex) {
        return ownCause(ex) != null ? MastersyncCommand.EXIT_USAGE : MastersyncCommand.EXIT_RUN_FAILED;
    }

    /** The first definition or source problem in the cause chain: those are the user's to fix. */
    private static Throwable ownCause(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DefinitionException || t instanceof SourceException) {
                return t;
            }
        }
        return null;
    }

    private static Throwable root(Throwable ex) {
        Throwable t = ex;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
