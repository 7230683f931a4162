package io.mastersync.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class RejectCsvExporterTest {

    @Test
    void neutralisesFormulaCells() {
        assertThat(RejectCsvExporter.neutralise("=1+2")).isEqualTo("'=1+2");
        assertThat(RejectCsvExporter.neutralise("+49 30 1234")).isEqualTo("'+49 30 1234");
        assertThat(RejectCsvExporter.neutralise("-5")).isEqualTo("'-5");
        assertThat(RejectCsvExporter.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(RejectCsvExporter.neutralise("\t=x")).isEqualTo("'\t=x");
        assertThat(RejectCsvExporter.neutralise("\r=x")).isEqualTo("'\r=x");
        assertThat(RejectCsvExporter.neutralise("a=b")).isEqualTo("a=b");
        assertThat(RejectCsvExporter.neutralise("")).isEmpty();
        assertThat(RejectCsvExporter.neutralise(null)).isNull();
    }

    @Test
    void writesCsvThatReadsBackWithNeutralisedCells() throws Exception {
        StringWriter out = new StringWriter();
        new RejectCsvExporter().write(List.of("key", "name", "reasons"), List.of(
                Arrays.asList("K1", "=HYPERLINK(\"http://evil\",\"click\")", "name: required"),
                Arrays.asList("K2", "Müller, \"Sohn\"\nline 2", null),
                Arrays.asList("K3", new BigDecimal("-12.50"), "@x")), out);
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(out.toString())).getRecords();
        assertThat(records).hasSize(4);
        assertThat(records.get(1).get(1)).isEqualTo("'=HYPERLINK(\"http://evil\",\"click\")");
        assertThat(records.get(2).get(1)).isEqualTo("Müller, \"Sohn\"\nline 2");
        assertThat(records.get(2).get(2)).isEmpty();
        assertThat(records.get(3).get(1)).isEqualTo("'-12.50");
        assertThat(records.get(3).get(2)).isEqualTo("'@x");
    }

    @Test
    void exportsRejectsOfARunFromTheStagingTable() throws Exception {
        SingleConnectionDataSource ds = new SingleConnectionDataSource("jdbc:h2:mem:rej" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "", true);
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        jdbc.execute("CREATE TABLE rej_record (run_id BIGINT NOT NULL, feed VARCHAR NOT NULL, record_no BIGINT NOT NULL,"
                + " source_system VARCHAR NOT NULL, entity VARCHAR NOT NULL, source_key VARCHAR, disposition VARCHAR NOT NULL,"
                + " source_file VARCHAR NOT NULL, source_line BIGINT NOT NULL, raw_record VARCHAR, reasons VARCHAR NOT NULL,"
                + " rejected_at TIMESTAMP NOT NULL)");
        jdbc.update("INSERT INTO rej_record VALUES (7, 'f', 2, 'ACME', 'customer', '=2+3', 'rejected', 'c.csv', 3,"
                + " '=2+3;x', 'email: invalid', TIMESTAMP '2025-03-01 10:00:00')");
        jdbc.update("INSERT INTO rej_record VALUES (8, 'f', 1, 'ACME', 'customer', 'K', 'rejected', 'c.csv', 2, NULL, 'x',"
                + " TIMESTAMP '2025-03-01 10:00:00')");
        StringWriter out = new StringWriter();
        new RejectCsvExporter().exportRun(jdbc, 7, null, out);
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(out.toString())).getRecords();
        assertThat(records).hasSize(2);
        assertThat(records.get(0).get(0)).isEqualTo("run_id");
        assertThat(records.get(1).get(5)).isEqualTo("'=2+3");
        assertThat(records.get(1).get(10)).isEqualTo("'=2+3;x");
        ds.destroy();
    }
}
