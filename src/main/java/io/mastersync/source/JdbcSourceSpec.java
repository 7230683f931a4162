package io.mastersync.source;

/**
 * A feed read from a legacy database with one query ({@code kind: jdbc}). Immutable and thread-safe.
 * {@link #toString()} never shows the password, and strips credentials from the URL.
 *
 * @param url       JDBC URL; may carry {@code user=}/{@code password=} parameters, which are never shown
 * @param username  user, or null to take it from the URL or driver defaults
 * @param password  password, or null for none
 * @param query     the SELECT; must order its rows deterministically (ORDER BY a unique key) because a
 *                  restart re-runs it and skips the rows already read
 * @param fetchSize rows fetched per round trip
 */
public record JdbcSourceSpec(String url, String username, String password, String query, int fetchSize)
        implements SourceSpec {

    public JdbcSourceSpec {
        if (fetchSize < 1) {
            throw new IllegalArgumentException("fetch-size must be at least 1");
        }
    }

    @Override
    public String kind() {
        return "jdbc";
    }

    /** Whether the query reads from a {@code :watermark} (a watermark sync fills it). */
    public boolean hasWatermarkPlaceholder() {
        return WATERMARK.matcher(query).find();
    }

    /** The query split around its {@code :watermark} placeholders (one part more than there are placeholders). */
    String[] partsAroundWatermark() {
        return WATERMARK.split(query, -1);
    }

    private static final java.util.regex.Pattern WATERMARK = java.util.regex.Pattern.compile(":watermark\\b");

    /** The URL without credentials, safe for lineage, logs and messages. */
    public String safeUrl() {
        return JdbcUrls.sanitize(url, password);
    }

    @Override
    public String toString() {
        return "JdbcSourceSpec[url=" + safeUrl() + ", username=" + username
                + ", password=" + (password == null ? "null" : "***") + ", fetchSize=" + fetchSize + "]";
    }
}
