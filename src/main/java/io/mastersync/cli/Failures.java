package io.mastersync.cli;

import io.mastersync.source.SourceException;
import io.mastersync.yaml.DefinitionException;

/** Turns an exception into the one line a user sees on stderr, and into an exit code. */
final class Failures {

    private Failures() {
    }

    static String oneLine(Throwable ex) {
        Throwable own = ownCause(ex);
        Throwable shown = own != null ? own : driverCause(ex);
        if (shown == null) {
            shown = root(ex);
        }
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

    /**
     * The deepest SQLException in the chain: the driver's own words ("Connection to 127.0.0.1:5433 refused. Check
     * that the hostname and port are correct ..."), which say more than the socket error under them.
     */
    private static Throwable driverCause(Throwable ex) {
        Throwable found = null;
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException && t.getMessage() != null) {
                found = t;
            }
        }
        return found;
    }

    private static Throwable root(Throwable ex) {
        Throwable t = ex;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
