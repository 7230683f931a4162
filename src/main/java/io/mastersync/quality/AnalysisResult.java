package io.mastersync.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of profiling one dataset: a metric per analyzer that succeeded, an error message per
 * analyzer that failed, and example violating rows per row-level analyzer.
 */
public record AnalysisResult(String dataset, Map<Analyzer<?>, Metric> metrics, Map<Analyzer<?>, String> errors,
        Map<Analyzer<?>, List<Map<String, String>>> examples) {

    public AnalysisResult {
        metrics = Map.copyOf(metrics);
        errors = Map.copyOf(errors);
        examples = Map.copyOf(examples);
    }

    public Optional<Metric> metric(Analyzer<?> analyzer) {
        return Optional.ofNullable(metrics.get(analyzer));
    }

    public Optional<String> error(Analyzer<?> analyzer) {
        return Optional.ofNullable(errors.get(analyzer));
    }

    public List<Map<String, String>> examples(Analyzer<?> analyzer) {
        return examples.getOrDefault(analyzer, List.of());
    }

    /** All metrics, dataset-level first, then by column and name. */
    public List<Metric> allMetrics() {
        List<Metric> all = new ArrayList<>(metrics.values());
        all.sort((a, b) -> {
            if (a.column() == null || b.column() == null) {
                return a.column() == null ? (b.column() == null ? a.name().compareTo(b.name()) : -1) : 1;
            }
            int c = a.column().compareTo(b.column());
            return c != 0 ? c : a.name().compareTo(b.name());
        });
        return all;
    }
}
