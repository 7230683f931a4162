package io.mastersync.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The databases whose SQL differs where it matters for loading: bulk load and upsert. */
public enum SqlDialect {
    POSTGRESQL, H2;

    public static SqlDialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        if (product.contains("h2")) {
            return H2;
        }
        throw new SQLException("unsupported staging database '" + product + "': use PostgreSQL (or the embedded H2)");
    }
}
