package io.mastersync.cleanse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.mastersync.canonical.Customer;
import io.mastersync.canonical.EntityType;

class RecordAssemblerTest {

    private static Customer withLastChanged(ValueFormats formats, String lastChanged, List<Violation> violations) {
        FieldValues values = new FieldValues(EntityType.CUSTOMER);
        values.set(EntityType.CUSTOMER.indexOf("source-system"), "ERP");
        values.set(EntityType.CUSTOMER.indexOf("source-key"), "1");
        values.set(EntityType.CUSTOMER.indexOf("last-changed"), lastChanged);
        return (Customer) new RecordAssembler(EntityType.CUSTOMER, formats).assemble(values, violations);
    }

    private static Customer assemble(ValueFormats formats, String birthDate, List<Violation> violations) {
        FieldValues values = new FieldValues(EntityType.CUSTOMER);
        values.set(EntityType.CUSTOMER.indexOf("source-system"), "ERP");
        values.set(EntityType.CUSTOMER.indexOf("source-key"), "1");
        values.set(EntityType.CUSTOMER.indexOf("name"), "Jane Doe");
        values.set(EntityType.CUSTOMER.indexOf("birth-date"), birthDate);
        return (Customer) new RecordAssembler(EntityType.CUSTOMER, formats).assemble(values, violations);
    }

    @Test
    void birthDateInIsoFormIsADate() {
        List<Violation> violations = new ArrayList<>();

        Customer c = assemble(ValueFormats.DEFAULT, "1956-04-09", violations);

        assertThat(c.birthDate()).isEqualTo(LocalDate.of(1956, 4, 9));
        assertThat(violations).isEmpty();
    }

    @Test
    void birthDateIsAlsoReadWithTheFeedsTimestampPatterns() {
        ValueFormats german = new ValueFormats('.', null, List.of("dd.MM.yyyy"));
        List<Violation> violations = new ArrayList<>();

        Customer c = assemble(german, "09.04.1956", violations);

        assertThat(c.birthDate()).isEqualTo(LocalDate.of(1956, 4, 9));
        assertThat(violations).isEmpty();
    }

    @Test
    void aBirthDateThatIsNoDateIsAnErrorNamingFieldAndValue() {
        List<Violation> violations = new ArrayList<>();

        Customer c = assemble(ValueFormats.DEFAULT, "1955-11-92", violations);

        assertThat(c.birthDate()).isNull();
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.isError()).isTrue();
            assertThat(v.field()).isEqualTo("birth-date");
            assertThat(v.rule()).isEqualTo("date-format");
            assertThat(v.message()).contains("1955-11-92");
        });
    }

    @ParameterizedTest
    @CsvSource({
            "2026-11-27T02:15:19.13554, 135540000",   // a database's microseconds with the trailing zero dropped
            "2026-11-27T02:15:19.1, 100000000",
            "2026-11-27 02:15:19.12, 120000000",
            "2026-11-27 02:15:19.123456789, 123456789",
            "2026-11-27T02:15:19, 0"})
    void defaultFormatsReadAnyNumberOfFractionDigits(String text, int nanos) {
        List<Violation> violations = new ArrayList<>();

        Customer c = withLastChanged(ValueFormats.DEFAULT, text, violations);

        assertThat(violations).isEmpty();
        assertThat(c.lastChanged()).isEqualTo(LocalDateTime.of(2026, 11, 27, 2, 15, 19, nanos));
    }

    @Test
    void aCommaBeforeTheFractionIsReadWhenThePatternSaysSo() {
        ValueFormats german = new ValueFormats(',', '.', List.of("dd.MM.yyyy HH:mm:ss[,SSS]"));
        List<Violation> violations = new ArrayList<>();

        Customer c = withLastChanged(german, "27.11.2026 02:15:19,5", violations);

        assertThat(violations).isEmpty();
        assertThat(c.lastChanged()).isEqualTo(LocalDateTime.of(2026, 11, 27, 2, 15, 19, 500_000_000));
    }

    @Test
    void isoTimestampsAreReadWhateverFormatsTheFeedLists() {
        // a JDBC source renders its typed timestamps in ISO form, also for a feed whose files use dd.MM.yyyy
        ValueFormats german = new ValueFormats('.', null, List.of("dd.MM.yyyy"));
        List<Violation> violations = new ArrayList<>();

        Customer c = withLastChanged(german, "2026-11-27T02:15:19.25", violations);

        assertThat(violations).isEmpty();
        assertThat(c.lastChanged()).isEqualTo(LocalDateTime.of(2026, 11, 27, 2, 15, 19, 250_000_000));
    }

    @Test
    void aTimestampInNoFormatIsAnErrorNamingFieldValueAndFormats() {
        List<Violation> violations = new ArrayList<>();

        Customer c = withLastChanged(ValueFormats.DEFAULT, "27/11/2026", violations);

        assertThat(c.lastChanged()).isNull();
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("last-changed");
            assertThat(v.rule()).isEqualTo("timestamp-format");
            assertThat(v.message()).contains("27/11/2026", "yyyy-MM-dd");
        });
    }
}
