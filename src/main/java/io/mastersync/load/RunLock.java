package io.mastersync.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Keeps two processes from running the same thing at once (two migrates of one configuration, two syncs
 * of one feed). On PostgreSQL a session-level advisory lock on a dedicated connection: it is released
 * when the holder closes it or its process dies, so a killed run never leaves a stale lock. The embedded
 * H2 database file admits one process at a time by itself.
 */
public final class RunLock implements AutoCloseable {

    private final Connection connection;
    private final long key;

    private RunLock(Connection connection, long key) {
        this.connection = connection;
        this.key = key;
    }

    /**
     * @param name what is locked, e.g. {@code migrate:<config hash>}
     * @throws IllegalStateException when another process holds the lock
     */
    public static RunLock acquire(DataSource dataSource, String name) throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            long key = name.hashCode() * 0x9E3779B97F4A7C15L ^ name.length();
            if (SqlDialect.of(c) == SqlDialect.POSTGRESQL) {
                try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                    ps.setLong(1, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (!rs.getBoolean(1)) {
                            throw new IllegalStateException("another process is running " + name
                                    + " against this database; wait for it to finish");
                        }
                    }
                }
            }
            return new RunLock(c, key);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            if (SqlDialect.of(connection) == SqlDialect.POSTGRESQL) {
                try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    ps.setLong(1, key);
                    ps.execute();
                }
            }
        } finally {
            connection.close();
        }
    }
}
