package io.mastersync.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.mastersync.canonical.FieldType;

class StagedRecordsTest {

    @Test
    void aDateFieldIsWrittenToItsGoldenColumnAsADate() {
        assertThat(StagedRecords.parameter(FieldType.DATE, "1956-04-09")).isEqualTo(LocalDate.of(1956, 4, 9));
        assertThat(StagedRecords.parameter(FieldType.DATE, null)).isNull();
    }
}
