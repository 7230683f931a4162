package io.mastersync.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.mastersync.canonical.EntityType;

class PublishSqlTest {

    @Test
    void postgresUpsertReplacesEveryNonKeyColumn() {
        String sql = PublishSql.upsert(EntityType.CUSTOMER, SqlDialect.POSTGRESQL);

        assertThat(sql).startsWith("INSERT INTO stg_customer (source_system, source_key, customer_number")
                .contains("FROM stg_customer_load WHERE run_id = ? AND feed = ?")
                .contains("ON CONFLICT (source_system, source_key) DO UPDATE SET customer_number = EXCLUDED.customer_number")
                .contains("loaded_at = EXCLUDED.loaded_at")
                .doesNotContain("source_key = EXCLUDED.source_key");
    }

    @Test
    void onlyTheLatestRowPerKeyStaysInTheLandingTable() {
        String sql = PublishSql.deleteSuperseded(EntityType.ITEM);

        assertThat(sql).startsWith("DELETE FROM stg_item_load WHERE run_id = ? AND feed = ? AND record_no IN")
                .contains("ROW_NUMBER() OVER (PARTITION BY source_key ORDER BY record_no DESC)")
                .contains("WHERE rn > 1");
    }

    @Test
    void sharedValuesFindsEveryRowOfAValueThatOccursTwice() {
        assertThat(PublishSql.sharedValues(EntityType.CUSTOMER, "email"))
                .contains("email IN (SELECT email FROM stg_customer_load WHERE run_id = ? AND feed = ? AND email IS NOT"
                        + " NULL GROUP BY email HAVING COUNT(*) > 1)");
    }

    @Test
    void h2UsesMergeWithKey() {
        assertThat(PublishSql.upsert(EntityType.ITEM, SqlDialect.H2))
                .startsWith("MERGE INTO stg_item (").contains("KEY (source_system, source_key) SELECT");
    }

    @Test
    void supersededRowsNameTheWinningLine() {
        String sql = PublishSql.recordSuperseded(EntityType.ITEM);

        assertThat(sql).contains("'superseded'").contains("winner_line").contains("WHERE rn > 1");
    }
}
