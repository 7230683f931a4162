package io.mastersync.quality;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks declared in one rules file, with the analyzers they need (give these to a
 * {@link ProfileRunner}, add profiling analyzers as wanted).
 *
 * @param dataset the dataset named in the file, or null when the file does not say
 */
public record QualityChecks(Path file, String dataset, List<Check> checks) {

    public QualityChecks {
        checks = List.copyOf(checks);
    }

    /** The distinct analyzers the checks need, in declaration order. */
    public List<Analyzer<?>> analyzers() {
        Set<Analyzer<?>> analyzers = new LinkedHashSet<>();
        for (Check c : checks) {
            analyzers.add(c.analyzer());
        }
        return new ArrayList<>(analyzers);
    }
}
