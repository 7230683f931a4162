package io.mastersync.load;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The unique-check contract on H2 in PostgreSQL mode, the embedded default database. */
class UniqueValueCheckerH2Test extends UniqueValueCheckerContract {

    private SingleConnectionDataSource dataSource;
    private JdbcTemplate jdbc;

    @BeforeEach
    void database() throws IOException {
        dataSource = new SingleConnectionDataSource("jdbc:h2:mem:unique" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "", true);
        jdbc = new JdbcTemplate(dataSource);
        applyStaging(jdbc);
    }

    @AfterEach
    void close() {
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
        return SqlDialect.H2;
    }
}
