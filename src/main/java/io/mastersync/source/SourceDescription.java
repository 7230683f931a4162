package io.mastersync.source;

/** A one-line description of a feed's source for logs and the run table; never contains credentials. */
public final class SourceDescription {

    private SourceDescription() {
    }

    public static String of(SourceSpec spec) {
        if (spec instanceof CsvSourceSpec csv) {
            return "csv " + csv.files().baseDir().resolve(csv.files().pattern()).normalize();
        }
        if (spec instanceof FixedWidthSourceSpec fixed) {
            return "fixed-width " + fixed.files().baseDir().resolve(fixed.files().pattern()).normalize();
        }
        JdbcSourceSpec jdbc = (JdbcSourceSpec) spec;
        return "jdbc " + jdbc.safeUrl();
    }
}
