package io.mastersync.quality;

import java.io.IOException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The repository contract on the PostgreSQL of this machine ({@code mastersync.test.db.url}, default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}, user root): V3 is applied to a throwaway schema that is
 * dropped afterwards.
 */
class MetricRepositoryIT extends MetricRepositoryContract {

    private final String schema = "dq_it_" + Long.toHexString(System.nanoTime());
    private SingleConnectionDataSource dataSource;
    private JdbcTemplate jdbc;

    @BeforeEach
    void database() throws IOException {
        String url = System.getProperty("mastersync.test.db.url", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getProperty("mastersync.test.db.user", "root");
        dataSource = new SingleConnectionDataSource(url, user, "", true);
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE SCHEMA " + schema);
        jdbc.execute("SET search_path TO " + schema);
        applyV3(jdbc);
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
}
