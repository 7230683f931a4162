package io.mastersync.it;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A digest of the staging and reject tables' content without the columns that differ between two runs
 * of the same data (run id, timestamps), so that two runs can be compared for equality.
 */
final class StagingSnapshot {

    private StagingSnapshot() {
    }

    static String of(JdbcTemplate jdbc) {
        return digest(jdbc, "stg_item", "source_system, source_key, sku, gtin, name, description, brand, mpn, category,"
                + " base_unit, net_weight, weight_unit, list_price, currency, status, last_changed, feed, source_file,"
                + " source_line, record_no")
                + "|" + digest(jdbc, "stg_customer", "source_system, source_key, customer_number, name, party_type,"
                        + " legal_form, vat_id, email, phone, street_1, street_2, postal_code, city, region, country,"
                        + " customer_group, credit_limit, currency, status, last_changed, feed, source_file, source_line,"
                        + " record_no")
                + "|" + digest(jdbc, "rej_record", "feed, record_no, source_system, entity, source_key, disposition,"
                        + " source_file, source_line, raw_record, reasons")
                + "|" + digest(jdbc, "rej_reason", "feed, record_no, source_system, source_key, field, rule_id,"
                        + " severity, message, bad_value");
    }

    private static String digest(JdbcTemplate jdbc, String table, String columns) {
        String latestRun = table.startsWith("rej_") ? " WHERE run_id = (SELECT MAX(run_id) FROM " + table + ")" : "";
        return jdbc.queryForObject("SELECT COUNT(*) || ':' || COALESCE(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '')"
                + " FROM (SELECT " + columns + " FROM " + table + latestRun + ") t", String.class);
    }
}
