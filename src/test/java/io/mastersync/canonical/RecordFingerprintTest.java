package io.mastersync.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class RecordFingerprintTest {

    /** The content hash the release before birth-date staged for {@link #customer}: delta syncs compare with it. */
    private static final long STAGED_BEFORE_BIRTH_DATE = 5645974426147755705L;

    private static Customer customer(LocalDate birthDate) {
        return new Customer("ERP", "1", "C-1", "Jane Doe", "person", null, "DE123456789", "jane@example.com", null,
                "Hauptstr. 1", null, "10115", "Berlin", null, "DE", null, new BigDecimal("1000.50"), "EUR", "active",
                LocalDateTime.of(2024, 1, 2, 3, 4, 5), birthDate);
    }

    @Test
    void aCustomerWithoutBirthDateKeepsTheContentHashStagedBeforeTheFieldExisted() {
        assertThat(RecordFingerprint.content(customer(null))).isEqualTo(STAGED_BEFORE_BIRTH_DATE);
    }

    @Test
    void aBirthDateChangesTheContentHash() {
        long without = RecordFingerprint.content(customer(null));
        long with = RecordFingerprint.content(customer(LocalDate.of(1956, 4, 9)));
        long other = RecordFingerprint.content(customer(LocalDate.of(1956, 4, 10)));

        assertThat(with).isNotEqualTo(without).isNotEqualTo(other);
    }
}
