package io.mastersync.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of a file feed: a single path or a glob such as {@code exports/items-*.csv}, relative to
 * the job file's directory. The files are read in the order of their path names, so that a saved
 * {@link SourcePosition#fileIndex()} points at the same file on restart (as long as nobody adds or
 * removes matching files in between). Immutable and thread-safe.
 *
 * @param pattern the path or glob as written in the job file
 * @param baseDir directory that relative patterns resolve against
 */
public record SourceFiles(String pattern, Path baseDir) {

    public SourceFiles {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("a file pattern is required");
        }
    }

    /** True when the pattern contains glob syntax and may match several files. */
    public boolean isGlob() {
        return hasGlob(pattern);
    }

    /**
     * The matching files, sorted by path name.
     *
     * @throws SourceException when a plain path does not exist or a glob matches nothing
     */
    public List<Path> resolve() {
        if (!isGlob()) {
            Path file = baseDir.resolve(pattern).normalize();
            if (!Files.isRegularFile(file)) {
                throw new SourceException(file + ": file not found");
            }
            return List.of(file);
        }
        // Walk only from the longest directory prefix without glob characters: cheap and it keeps a
        // pattern like "exports/*.csv" from scanning the whole job directory.
        String normalized = pattern.replace('\\', '/');
        String[] segments = normalized.split("/");
        int literal = 0;
        while (literal < segments.length - 1 && !hasGlob(segments[literal])) {
            literal++;
        }
        Path root = baseDir.resolve(String.join("/", java.util.Arrays.copyOfRange(segments, 0, literal))).normalize();
        String rest = String.join("/", java.util.Arrays.copyOfRange(segments, literal, segments.length));
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        int depth = rest.contains("**") ? Integer.MAX_VALUE : segments.length - literal;
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> walk = Files.walk(root, depth)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> matcher.matches(root.relativize(p)))
                        .forEach(files::add);
            } catch (IOException | UncheckedIOException e) {
                throw new SourceException(root + ": cannot list files for '" + pattern + "': " + e.getMessage(), e);
            }
        }
        if (files.isEmpty()) {
            throw new SourceException("no file matches '" + pattern + "' (in " + baseDir + ")");
        }
        files.sort(Comparator.comparing(Path::toString));
        return List.copyOf(files);
    }

    private static boolean hasGlob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
    }
}
