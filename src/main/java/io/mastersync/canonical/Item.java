package io.mastersync.canonical;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import io.mastersync.cleanse.constraint.Gtin;
import io.mastersync.cleanse.constraint.IsoCurrency;
import io.mastersync.cleanse.constraint.Severity;
import io.mastersync.cleanse.constraint.UnitOfMeasure;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An item (SKU) master record in canonical form. Null means the source had no value. Weights are in
 * {@code weightUnit} (a UN/ECE Rec 20 code), prices in {@code currency} (ISO 4217, upper case). Immutable.
 */
public record Item(
        @NotBlank @Size(max = 64) String sourceSystem,
        @NotBlank @Size(max = 128) String sourceKey,
        @Size(max = 64) String sku,
        @Gtin String gtin,
        @NotBlank @Size(max = 512) String name,
        @Size(max = 4000, payload = Severity.Warning.class) String description,
        @Size(max = 128) String brand,
        @Size(max = 128) String mpn,
        @Size(max = 128) String category,
        @UnitOfMeasure String baseUnit,
        @DecimalMin(value = "0", message = "must not be negative") BigDecimal netWeight,
        @UnitOfMeasure String weightUnit,
        @DecimalMin(value = "0", message = "must not be negative") BigDecimal listPrice,
        @IsoCurrency String currency,
        @Pattern(regexp = "active|blocked|discontinued", message = "must be one of active, blocked, discontinued") String status,
        LocalDateTime lastChanged) implements CanonicalRecord {

    /**
     * ISO 4217 codes are upper case; a feed writing {@code gbp} means GBP, so the code is upper-cased before the
     * currency check rather than rejecting the item. A description over 4,000 characters is kept whole and
     * flagged (a warning): a long marketing text is no reason to lose the item, and a steward decides whether a
     * target system needs it shorter.
     */
    public Item {
        currency = CurrencyCode.canonical(currency);
    }

    static Item fromValues(Object[] v) {
        return new Item((String) v[0], (String) v[1], (String) v[2], (String) v[3], (String) v[4], (String) v[5],
                (String) v[6], (String) v[7], (String) v[8], (String) v[9], (BigDecimal) v[10], (String) v[11],
                (BigDecimal) v[12], (String) v[13], (String) v[14], (LocalDateTime) v[15]);
    }

    @Override
    public Object[] values() {
        return new Object[] {sourceSystem, sourceKey, sku, gtin, name, description, brand, mpn, category, baseUnit,
                netWeight, weightUnit, listPrice, currency, status, lastChanged};
    }

    /** A price without currency cannot be invoiced correctly; loaded but flagged. */
    @jakarta.validation.constraints.AssertTrue(message = "list-price has no currency", payload = Severity.Warning.class)
    boolean isPricedWithCurrency() {
        return listPrice == null || currency != null;
    }
}
