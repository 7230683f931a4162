package io.mastersync.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Inserts many rows into one table on the caller's connection (and so inside the caller's transaction:
 * a chunk's rows commit together with the step's restart position).
 */
interface BulkInserter {

    void insert(Connection connection, String table, List<String> columns, List<Object[]> rows) throws SQLException;

    static BulkInserter forDialect(SqlDialect dialect) {
        return dialect == SqlDialect.POSTGRESQL ? new BinaryCopyInserter() : new BatchInserter();
    }
}
