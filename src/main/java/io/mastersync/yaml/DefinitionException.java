package io.mastersync.yaml;

import java.nio.file.Path;

/**
 * A job or rules file that cannot be used: names the file, the 1-based line (0 when unknown) and the
 * problem. Thrown before any data is read, so a broken definition never half-loads a feed.
 */
public class DefinitionException extends RuntimeException {

    private final Path file;
    private final int line;

    public DefinitionException(Path file, int line, String problem) {
        super(format(file, line, problem));
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    private static String format(Path file, int line, String problem) {
        String where = file == null ? "<definition>" : file.toString();
        return line > 0 ? where + ":" + line + ": " + problem : where + ": " + problem;
    }
}
