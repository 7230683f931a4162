package io.mastersync.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes rejected rows as CSV for stewards, safe to open in a spreadsheet: a cell starting with
 * {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return is prefixed with a single quote so it
 * is shown as text instead of being evaluated as a formula (CSV injection).
 */
public final class RejectCsvExporter {

    static final List<String> REJECT_COLUMNS = List.of("run_id", "feed", "record_no", "source_system", "entity",
            "source_key", "disposition", "source_file", "source_line", "reasons", "raw_record", "rejected_at");

    /** The cell as it is safe to write. */
    public static String neutralise(String cell) {
        return SpreadsheetCell.neutralise(cell);
    }

    /** Writes a header and rows (RFC 4180 quoting, CRLF line ends), every cell neutralised. */
    public void write(List<String> header, Iterable<? extends List<?>> rows, Writer out) {
        try {
            CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180);
            printer.printRecord(header.stream().map(RejectCsvExporter::neutralise).toList());
            for (List<?> row : rows) {
                List<String> cells = new ArrayList<>(row.size());
                for (Object v : row) {
                    cells.add(neutralise(v == null ? "" : Values.text(v)));
                }
                printer.printRecord(cells);
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the rejected rows of one run (all feeds when {@code feed} is null) from {@code rej_record}. */
    public void exportRun(JdbcTemplate jdbc, long runId, String feed, Writer out) {
        String sql = "SELECT " + String.join(", ", REJECT_COLUMNS) + " FROM rej_record WHERE run_id = ?"
                + (feed == null ? "" : " AND feed = ?") + " ORDER BY feed, record_no";
        Object[] args = feed == null ? new Object[] {runId} : new Object[] {runId, feed};
        List<List<Object>> rows = jdbc.query(sql, (rs, i) -> {
            List<Object> row = new ArrayList<>();
            for (int c = 1; c <= REJECT_COLUMNS.size(); c++) {
                row.add(rs.getObject(c));
            }
            return row;
        }, args);
        write(REJECT_COLUMNS, rows, out);
    }
}
