package io.mastersync.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpreadsheetCellTest {

    @Test
    void cellsAFormulaWouldStartWithGetAQuoteAndOthersStayAsTheyAre() {
        assertThat(SpreadsheetCell.neutralise("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(SpreadsheetCell.neutralise("+1")).isEqualTo("'+1");
        assertThat(SpreadsheetCell.neutralise("-2")).isEqualTo("'-2");
        assertThat(SpreadsheetCell.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetCell.neutralise("\tx")).isEqualTo("'\tx");
        assertThat(SpreadsheetCell.neutralise("Acme = good")).isEqualTo("Acme = good");
        assertThat(SpreadsheetCell.neutralise("")).isEmpty();
        assertThat(SpreadsheetCell.neutralise(null)).isNull();
    }
}
