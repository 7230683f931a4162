package io.mastersync.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class CopyBufferTest {

    private static String text(CopyBuffer b) {
        return new String(b.bytes(), 0, b.length(), StandardCharsets.UTF_8);
    }

    @Test
    void escapesWhatTheTextFormatReservesAndWritesNullAsBackslashN() {
        CopyBuffer b = new CopyBuffer();
        b.value("a\tb\nc\\d\re").value(null).value(new BigDecimal("1E+3"))
                .value(LocalDateTime.of(2024, 12, 31, 23, 59, 1)).value(7L).value("nul\0here").endRow();

        assertThat(text(b)).isEqualTo("a\\tb\\nc\\\\d\\re\t\\N\t1000\t2024-12-31T23:59:01\t7\tnul\u2400here\n");
    }

    @Test
    void encodesEveryUnicodeRangeAsUtf8() {
        String s = "Müller € Señor 𝄞 漢字";
        CopyBuffer b = new CopyBuffer();
        b.value(s).endRow();

        assertThat(text(b)).isEqualTo(s + "\n");
    }

    @Test
    void growsPastItsInitialSizeAndStartsOverAfterClear() {
        CopyBuffer b = new CopyBuffer();
        String big = "x".repeat(100_000);
        b.value(big).value("y").endRow();
        assertThat(b.length()).isEqualTo(100_000 + 3);

        b.clear();
        b.value("z").endRow();
        assertThat(text(b)).isEqualTo("z\n");
    }

    @Test
    void preEncodedValuesAreWrittenAsEncodedOnce() {
        CopyBuffer b = new CopyBuffer();
        b.value(Encoded.of("C:\\exports\tfile")).value(Encoded.of(42L)).endRow();

        assertThat(text(b)).isEqualTo("C:\\\\exports\\tfile\t42\n");
    }
}
