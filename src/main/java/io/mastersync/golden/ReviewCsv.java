package io.mastersync.golden;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.JdbcTemplate;

import io.mastersync.canonical.EntityType;
import io.mastersync.quality.SpreadsheetCell;
import io.mastersync.yaml.DefinitionException;

/**
 * Steward review as CSV. Export: the pending possible matches of the entity's latest match run (pairs a
 * steward has not decided yet), both records side by side, the probability and the evidence per comparison;
 * every cell that a spreadsheet would run as a formula (starting with {@code = + - @}, tab or CR) is prefixed
 * with {@code '}. Import: the same file with the {@code decision} column filled ({@code same}, {@code different},
 * empty = skip) into {@code mdm_steward_decision}; the next migrate honours it.
 */
public final class ReviewCsv {

    static final List<String> KEY_COLUMNS = List.of("entity", "source_a", "key_a", "source_b", "key_b");

    public record ImportResult(int same, int different, int skipped) {
    }

    private final JdbcTemplate jdbc;

    public ReviewCsv(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the pending pairs; returns how many. */
    public int export(EntityType entity, Path out) throws IOException {
        List<String> fields = StagedRecords.allFields(entity);
        StringBuilder sql = new StringBuilder("SELECT p.a_source_system, p.a_source_key, p.b_source_system, "
                + "p.b_source_key, p.probability, p.evidence, p.review_reason");
        for (String f : fields) {
            sql.append(", a.").append(StagedRecords.column(f)).append(", b.").append(StagedRecords.column(f));
        }
        String stg = entity.stagingTable();
        sql.append(" FROM mdm_match_pair p JOIN ").append(stg).append(" a ON a.source_system = p.a_source_system AND "
                + "a.source_key = p.a_source_key JOIN ").append(stg).append(" b ON b.source_system = p.b_source_system"
                + " AND b.source_key = p.b_source_key WHERE p.entity = ? AND p.decision = 'possible' AND p.run_id = "
                + "(SELECT max(run_id) FROM mdm_match_pair WHERE entity = ?) AND NOT EXISTS (SELECT 1 FROM "
                + "mdm_steward_decision d WHERE d.entity = p.entity AND d.a_source_system = p.a_source_system AND "
                + "d.a_source_key = p.a_source_key AND d.b_source_system = p.b_source_system AND d.b_source_key = "
                + "p.b_source_key) ORDER BY p.probability DESC, p.a_source_system, p.a_source_key, "
                + "p.b_source_system, p.b_source_key");
        List<List<String>> rows = new ArrayList<>();
        Set<String> comparisons = new LinkedHashSet<>();
        List<Map<String, Object>> evidences = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        jdbc.query(sql.toString(), rs -> {
            List<String> row = new ArrayList<>();
            row.add(entity.code());
            for (int i = 1; i <= 4; i++) {
                row.add(rs.getString(i));
            }
            row.add(String.format(Locale.ROOT, "%.4f", rs.getDouble(5)));
            Map<String, Object> ev = JsonText.read(rs.getString(6));
            ev.remove("steward");
            comparisons.addAll(ev.keySet());
            evidences.add(ev);
            reasons.add(rs.getString(7));
            for (int f = 0; f < fields.size(); f++) {
                var type = entity.field(fields.get(f)).orElseThrow().type();
                row.add(StagedRecords.text(rs, 8 + 2 * f, type));
                row.add(StagedRecords.text(rs, 9 + 2 * f, type));
            }
            rows.add(row);
        }, entity.code(), entity.code());
        if (comparisons.isEmpty()) { // no pending pairs: the evidence columns of the entity's latest pairs
            jdbc.query("SELECT evidence FROM mdm_match_pair WHERE entity = ? AND run_id = (SELECT max(run_id) FROM "
                    + "mdm_match_pair WHERE entity = ?) ORDER BY probability DESC LIMIT 1", rs -> {
                        Map<String, Object> ev = JsonText.read(rs.getString(1));
                        ev.remove("steward");
                        comparisons.addAll(ev.keySet());
                    }, entity.code(), entity.code());
        }
        List<String> header = new ArrayList<>(KEY_COLUMNS);
        header.add("probability");
        header.add("decision");
        header.add("reason");
        for (String c : comparisons) {
            header.add("evidence_" + c);
        }
        for (String f : fields) {
            header.add("a_" + StagedRecords.column(f));
            header.add("b_" + StagedRecords.column(f));
        }
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(w, CSVFormat.RFC4180)) {
            printer.printRecord(header);
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                List<String> cells = new ArrayList<>(row.subList(0, 6));
                cells.add("");
                cells.add(reasons.get(r));
                for (String c : comparisons) {
                    cells.add(evidenceCell(evidences.get(r).get(c)));
                }
                cells.addAll(row.subList(6, row.size()));
                List<String> safe = new ArrayList<>(cells.size());
                for (String cell : cells) {
                    safe.add(neutralise(cell));
                }
                printer.printRecord(safe);
            }
        }
        return rows.size();
    }

    private static String evidenceCell(Object o) {
        if (!(o instanceof Map<?, ?> m)) {
            return "";
        }
        Object sim = m.get("similarity");
        Object weight = m.get("weight");
        return "level " + m.get("level") + (sim == null ? "" : String.format(Locale.ROOT, ", similarity %.3f",
                ((Number) sim).doubleValue())) + (weight == null ? "" : String.format(Locale.ROOT, ", weight %.2f bits",
                        ((Number) weight).doubleValue()));
    }

    /** A UTF-8 file to read, past its byte order mark if it has one (a spreadsheet's "CSV UTF-8" writes one). */
    static Reader utf8WithoutBom(Path file) throws IOException {
        Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        r.mark(1);
        if (r.read() != '\uFEFF') {
            r.reset();
        }
        return r;
    }

        /** A cell a spreadsheet will not run as a formula. */
    public static String neutralise(String cell) {
        return cell == null ? "" : SpreadsheetCell.neutralise(cell);
    }

    /** Undoes {@link #neutralise}. */
    public static String restore(String cell) {
        if (cell != null && cell.length() >= 2 && cell.charAt(0) == '\'') {
            if (SpreadsheetCell.isFormulaStart(cell.charAt(1))) {
                return cell.substring(1);
            }
        }
        return cell;
    }

    /** Reads the decisions of a reviewed file into {@code mdm_steward_decision}, in one transaction. */
    public ImportResult importFile(Path file, String decidedBy) throws IOException {
        List<Object[]> rows = new ArrayList<>();
        int same = 0;
        int different = 0;
        int skipped = 0;
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader r = utf8WithoutBom(file)) {
            var parser = format.parse(r);
            Map<String, Integer> header = parser.getHeaderMap();
            for (String col : List.of("entity", "source_a", "key_a", "source_b", "key_b", "decision")) {
                if (header == null || !header.containsKey(col)) {
                    throw new DefinitionException(file, 1, "review file needs a '" + col + "' column");
                }
            }
            Timestamp now = Timestamp.valueOf(LocalDateTime.now());
            for (CSVRecord rec : parser) {
                String decision = rec.get("decision").trim().toLowerCase(Locale.ROOT);
                if (decision.isEmpty()) {
                    skipped++;
                    continue;
                }
                if (!decision.equals("same") && !decision.equals("different")) {
                    throw new DefinitionException(file, (int) rec.getRecordNumber() + 1, "decision must be 'same', "
                            + "'different' or empty, not '" + rec.get("decision") + "'");
                }
                String entity = restore(rec.get("entity")).trim();
                if (EntityType.ofCode(entity).isEmpty()) {
                    throw new DefinitionException(file, (int) rec.getRecordNumber() + 1, "unknown entity '" + entity
                            + "'");
                }
                PairKeys k = PairKeys.of(restore(rec.get("source_a")), restore(rec.get("key_a")),
                        restore(rec.get("source_b")), restore(rec.get("key_b")));
                if (k.aSystem().equals(k.bSystem()) && k.aKey().equals(k.bKey())) {
                    throw new DefinitionException(file, (int) rec.getRecordNumber() + 1, "a decision pairs the record "
                            + k.aSystem() + "/" + k.aKey() + " with itself; nothing was imported");
                }
                String staging = EntityType.ofCode(entity).orElseThrow().stagingTable();
                for (String[] key : List.of(new String[] {k.aSystem(), k.aKey()}, new String[] {k.bSystem(), k.bKey()})) {
                    // a typo in a key would store a decision that never applies, silently
                    Long found = jdbc.queryForObject("SELECT COUNT(*) FROM " + staging + " WHERE source_system = ?"
                            + " AND source_key = ?", Long.class, key[0], key[1]);
                    if (found == null || found == 0) {
                        throw new DefinitionException(file, (int) rec.getRecordNumber() + 1, "no staged " + entity
                                + " record " + key[0] + "/" + key[1] + "; nothing was imported");
                    }
                }
                rows.add(new Object[] {entity, k.aSystem(), k.aKey(), k.bSystem(), k.bKey(), decision, decidedBy,
                        now});
                if (decision.equals("same")) {
                    same++;
                } else {
                    different++;
                }
            }
        }
        Batches.insert(jdbc, "INSERT INTO mdm_steward_decision (entity, a_source_system, a_source_key, "
                + "b_source_system, b_source_key, decision, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows, new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                        Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP});
        return new ImportResult(same, different, skipped);
    }

}
