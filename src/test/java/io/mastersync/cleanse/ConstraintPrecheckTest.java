package io.mastersync.cleanse;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import io.mastersync.canonical.CanonicalRecord;
import io.mastersync.canonical.Customer;
import io.mastersync.canonical.Item;
import jakarta.validation.Validator;

/** The precheck may only ever agree with Hibernate Validator: "valid" exactly when HV finds nothing. */
class ConstraintPrecheckTest {

    private static final Validator HV = jakarta.validation.Validation.byProvider(HibernateValidator.class).configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    private static final String[] TEXT = {null, "", " ", "x", "Acme", "a".repeat(513), "Müller & Söhne"};
    private static final String[] GTIN = {null, "4006381333931", "4006381333932", "96385074", "12345", "00036000291452",
            "x4006381333931"};
    private static final String[] COUNTRY = {null, "DE", "XX", "de", "DEU"};
    private static final String[] CURRENCY = {null, "EUR", "EURO", "usd"};
    private static final String[] UNIT = {null, "H87", "KGM", "PCS"};
    private static final String[] EMAIL = {null, "a@b.de", "jane@example", "no-at", "a@@b.de", "x y@z.com",
            "info@mueller-buero.de", "-a@b.c", "a@-b.com"};
    private static final String[] ITEM_STATUS = {null, "active", "blocked", "gone"};
    private static final String[] CUSTOMER_STATUS = {null, "active", "inactive", "deleted"};
    private static final BigDecimal[] AMOUNT = {null, BigDecimal.ZERO, new BigDecimal("12.50"), new BigDecimal("-1")};

    @Test
    void coversEveryConstraintOfTheCanonicalRecords() {
        assertThat(ConstraintPrecheck.of(Item.class)).isNotNull();
        assertThat(ConstraintPrecheck.of(Customer.class)).isNotNull();
    }

    @Test
    void saysValidExactlyWhenHibernateValidatorFindsNoViolation() {
        Random random = new Random(7);
        ConstraintPrecheck items = ConstraintPrecheck.of(Item.class);
        ConstraintPrecheck customers = ConstraintPrecheck.of(Customer.class);
        List<CanonicalRecord> records = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            records.add(new Item(pick(random, TEXT), pick(random, TEXT), pick(random, TEXT), pick(random, GTIN),
                    pick(random, TEXT), pick(random, TEXT), null, null, null, pick(random, UNIT), pick(random, AMOUNT),
                    pick(random, UNIT), pick(random, AMOUNT), pick(random, CURRENCY), pick(random, ITEM_STATUS),
                    LocalDateTime.of(2024, 1, 1, 0, 0)));
            records.add(new Customer(pick(random, TEXT), pick(random, TEXT), null, pick(random, TEXT), null, null, null,
                    pick(random, EMAIL), null, null, null, null, null, null, pick(random, COUNTRY), null,
                    pick(random, AMOUNT), pick(random, CURRENCY), pick(random, CUSTOMER_STATUS), null, null));
        }
        int valid = 0;
        for (CanonicalRecord r : records) {
            boolean hvValid = HV.validate(r).isEmpty();
            boolean precheckValid = (r instanceof Item ? items : customers).certainlyValid(r);
            assertThat(precheckValid).as("%s", r).isEqualTo(hvValid);
            valid += hvValid ? 1 : 0;
        }
        assertThat(valid).as("the corpus has valid and invalid records").isBetween(20, records.size() - 20);
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
