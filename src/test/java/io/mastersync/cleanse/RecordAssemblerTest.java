package io.mastersync.cleanse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mastersync.canonical.Customer;
import io.mastersync.canonical.EntityType;

class RecordAssemblerTest {

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
}
