package io.mastersync.load;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The unique-check contract on the PostgreSQL of this machine ({@code mastersync.test.db.url}, default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}, user root), in a throwaway schema dropped afterwards.
 */
class UniqueValueCheckerIT extends UniqueValueCheckerContract {

    private final String schema = "unique_it_" + Long.toHexString(System.nanoTime());
    private SingleConnectionDataSource dataSource;
    private JdbcTemplate jdbc;

    @BeforeEach
    void database() throws IOException {
        String url = System.getProperty("mastersync.test.db.url", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getProperty("mastersync.test.db.user", "root");
        String password = System.getProperty("mastersync.test.db.password", "");
        dataSource = new SingleConnectionDataSource(url, user, password, true);
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE SCHEMA " + schema);
        jdbc.execute("SET search_path TO " + schema);
        applyStaging(jdbc);
    }

    @AfterEach
    void dropSchema() {
        jdbc.execute("DROP SCHEMA " + schema + " CASCADE");
        dataSource.destroy();
    }

    @Override
    JdbcTemplate jdbc() {
        return jdbc;
    }

    @Override
    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    SqlDialect dialect() {
        return SqlDialect.POSTGRESQL;
    }
}
