package io.mastersync.load;

import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.postgresql.PGStatement;

/**
 * Large reads (staged keys, staged rows for the quality metrics) in PostgreSQL's binary result format: the
 * driver then decodes int8, numeric, timestamps and bytea without parsing text. It does so for statements
 * prepared on the server, which a threshold of -1 makes of the first execution. Other databases: no change.
 */
public final class BinaryResults {

    private BinaryResults() {
    }

    public static void prefer(PreparedStatement ps) throws SQLException {
        if (ps.isWrapperFor(PGStatement.class)) {
            ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
        }
    }
}
