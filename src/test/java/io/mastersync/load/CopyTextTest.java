package io.mastersync.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class CopyTextTest {

    @Test
    void escapesWhatTheTextFormatReservesAndWritesNullAsBackslashN() {
        StringBuilder out = new StringBuilder();
        new CopyText(out).value("a\tb\nc\\d\re").value(null).value(new BigDecimal("1E+3"))
                .value(LocalDateTime.of(2024, 12, 31, 23, 59, 1)).value(7L).value("nul\0here").endRow();

        assertThat(out.toString()).isEqualTo("a\\tb\\nc\\\\d\\re\t\\N\t1000\t2024-12-31T23:59:01\t7\tnul\u2400here\n");
    }
}
