package io.mastersync.quality;

import java.io.IOException;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The repository contract on H2 in PostgreSQL mode, which also proves V3 runs there. */
class MetricRepositoryH2Test extends MetricRepositoryContract {

    private JdbcTemplate jdbc;

    @BeforeEach
    void database() throws IOException {
        SingleConnectionDataSource ds = new SingleConnectionDataSource(
                "jdbc:h2:mem:dq" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "sa", "", true);
        jdbc = new JdbcTemplate(ds);
        applyV3(jdbc);
    }

    @Override
    JdbcTemplate jdbc() {
        return jdbc;
    }
}
