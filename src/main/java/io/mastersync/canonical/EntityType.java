package io.mastersync.canonical;

import static io.mastersync.canonical.CanonicalField.date;
import static io.mastersync.canonical.CanonicalField.decimal;
import static io.mastersync.canonical.CanonicalField.text;
import static io.mastersync.canonical.CanonicalField.timestamp;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The master-data entities mastersync migrates, with their canonical fields in storage order. The
 * first two fields are always {@code source-system} and {@code source-key}: the staging key.
 */
public enum EntityType {

    ITEM("item", "stg_item", List.of(
            text("source-system"), text("source-key"), text("sku"), text("gtin"), text("name"),
            text("description"), text("brand"), text("mpn"), text("category"), text("base-unit"),
            decimal("net-weight"), text("weight-unit"), decimal("list-price"), text("currency"),
            text("status"), timestamp("last-changed")),
            Item::fromValues),

    CUSTOMER("customer", "stg_customer", List.of(
            text("source-system"), text("source-key"), text("customer-number"), text("name"),
            text("party-type"), text("legal-form"), text("vat-id"), text("email"), text("phone"),
            text("street-1"), text("street-2"), text("postal-code"), text("city"), text("region"),
            text("country"), text("customer-group"), decimal("credit-limit"), text("currency"),
            text("status"), timestamp("last-changed"), date("birth-date")),
            Customer::fromValues);

    private final String code;
    private final String stagingTable;
    private final List<CanonicalField> fields;
    private final Function<Object[], CanonicalRecord> factory;

    EntityType(String code, String stagingTable, List<CanonicalField> fields,
            Function<Object[], CanonicalRecord> factory) {
        this.code = code;
        this.stagingTable = stagingTable;
        this.fields = fields;
        this.factory = factory;
    }

    /** The name used in job files: {@code item} or {@code customer}. */
    public String code() {
        return code;
    }

    /** The staging table that holds the current record per (source system, source key). */
    public String stagingTable() {
        return stagingTable;
    }

    public List<CanonicalField> fields() {
        return fields;
    }

    public Optional<CanonicalField> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public int indexOf(String fieldName) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(fieldName)) {
                return i;
            }
        }
        return -1;
    }

    /** Builds the record from typed values in field order (see {@link CanonicalRecord#values()}). */
    public CanonicalRecord create(Object[] values) {
        if (values.length != fields.size()) {
            throw new IllegalArgumentException(code + " needs " + fields.size() + " values, got " + values.length);
        }
        return factory.apply(values);
    }

    public static Optional<EntityType> ofCode(String code) {
        String wanted = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        for (EntityType type : values()) {
            if (type.code.equals(wanted)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
