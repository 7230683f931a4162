package io.mastersync.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.mastersync.canonical.EntityType;

class PublishSqlTest {

    @Test
    void aReloadClearsTheWholeSourceSystemOfTheEntity() {
        assertThat(PublishSql.clearFeed(EntityType.CUSTOMER)).isEqualTo("DELETE FROM stg_customer WHERE source_system = ?");
    }

    @Test
    void restartReadsBackOnlyTheKeysOfThisRunAndFeed() {
        assertThat(PublishSql.stagedKeys(EntityType.ITEM))
                .isEqualTo("SELECT source_key FROM stg_item WHERE run_id = ? AND feed = ?");
    }

    @Test
    void sharedValuesFindsEveryRowOfAValueThatOccursTwice() {
        assertThat(PublishSql.sharedValues(EntityType.CUSTOMER, "email"))
                .startsWith("SELECT record_no, source_key, email, source_file, source_line FROM stg_customer")
                .contains("email IN (SELECT email FROM stg_customer WHERE run_id = ? AND feed = ? AND email IS NOT"
                        + " NULL GROUP BY email HAVING COUNT(*) > 1)");
    }

    @Test
    void sharedValueWarningsAreInsertedByTheDatabaseWithTheValueAsText() {
        assertThat(PublishSql.insertSharedValueReasons(EntityType.CUSTOMER, "email"))
                .startsWith("INSERT INTO rej_reason (run_id, feed, record_no, source_system, source_key, field, rule_id,"
                        + " severity, message, bad_value) SELECT ?, ?, s.record_no, ?, s.source_key, ?, ?, ?,"
                        + " REPLACE(?, '{value}', CAST(s.email AS VARCHAR)), CAST(s.email AS VARCHAR) FROM stg_customer s")
                .endsWith("s.email IN (SELECT email FROM stg_customer WHERE run_id = ? AND feed = ? AND email IS NOT"
                        + " NULL GROUP BY email HAVING COUNT(*) > 1)");
    }

    @Test
    void setBasedRejectsDeleteByRecordNumber() {
        assertThat(PublishSql.deleteStagedRecords(EntityType.ITEM, 3))
                .endsWith("WHERE run_id = ? AND feed = ? AND record_no IN (?, ?, ?)");
    }
}
