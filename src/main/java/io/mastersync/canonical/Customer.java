package io.mastersync.canonical;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import io.mastersync.cleanse.constraint.EmailAddress;
import io.mastersync.cleanse.constraint.IsoCountry;
import io.mastersync.cleanse.constraint.IsoCurrency;
import io.mastersync.cleanse.constraint.Severity;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A customer master record in canonical form: a person or an organisation. Null means the source had
 * no value. Country is ISO 3166-1 alpha-2, currency ISO 4217. The birth date (persons only) is, besides a tax id,
 * the strongest evidence that two person records are one customer; plausibility (not in the future) is left to a
 * rules file's {@code date-range} check so that the fast constraint precheck keeps covering every constraint.
 * Immutable.
 */
public record Customer(
        @NotBlank @Size(max = 64) String sourceSystem,
        @NotBlank @Size(max = 128) String sourceKey,
        @Size(max = 64) String customerNumber,
        @NotBlank @Size(max = 512) String name,
        @Pattern(regexp = "person|organisation", message = "must be person or organisation") String partyType,
        @Size(max = 64) String legalForm,
        @Size(max = 32) String vatId,
        @EmailAddress String email,
        @Size(max = 64) String phone,
        @Size(max = 256) String street1,
        @Size(max = 256) String street2,
        @Size(max = 32) String postalCode,
        @Size(max = 128) String city,
        @Size(max = 128) String region,
        @IsoCountry String country,
        @Size(max = 64) String customerGroup,
        @DecimalMin(value = "0", message = "must not be negative") BigDecimal creditLimit,
        @IsoCurrency String currency,
        @Pattern(regexp = "active|blocked|inactive", message = "must be one of active, blocked, inactive") String status,
        LocalDateTime lastChanged,
        LocalDate birthDate) implements CanonicalRecord {

    /** A lower-case ISO 4217 code ({@code eur}) means the upper-case one: upper-cased before the currency check. */
    public Customer {
        currency = CurrencyCode.canonical(currency);
    }

    static Customer fromValues(Object[] v) {
        return new Customer((String) v[0], (String) v[1], (String) v[2], (String) v[3], (String) v[4], (String) v[5],
                (String) v[6], (String) v[7], (String) v[8], (String) v[9], (String) v[10], (String) v[11],
                (String) v[12], (String) v[13], (String) v[14], (String) v[15], (BigDecimal) v[16], (String) v[17],
                (String) v[18], (LocalDateTime) v[19], (LocalDate) v[20]);
    }

    @Override
    public Object[] values() {
        return new Object[] {sourceSystem, sourceKey, customerNumber, name, partyType, legalForm, vatId, email, phone,
                street1, street2, postalCode, city, region, country, customerGroup, creditLimit, currency, status,
                lastChanged, birthDate};
    }

    /** A credit limit without currency is ambiguous; loaded but flagged. */
    @AssertTrue(message = "credit-limit has no currency", payload = Severity.Warning.class)
    boolean isCreditLimitWithCurrency() {
        return creditLimit == null || currency != null;
    }
}
