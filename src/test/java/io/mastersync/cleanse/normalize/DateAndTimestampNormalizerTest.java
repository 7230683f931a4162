package io.mastersync.cleanse.normalize;

import static io.mastersync.cleanse.normalize.Results.assertNormalizes;
import static io.mastersync.cleanse.normalize.Results.assertProblem;
import static io.mastersync.cleanse.normalize.Results.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateAndTimestampNormalizerTest {

    private final Normalizer date = create("date", "patterns", "dd.MM.yyyy|yyyyMMdd|yyyy-MM-dd|dd.MM.yy");

    @ParameterizedTest
    @CsvSource({"31.12.2024,2024-12-31", "20240229,2024-02-29", "2024-01-05,2024-01-05", " 01.02.2024 ,2024-02-01",
            "31.12.49,2049-12-31", "01.01.50,1950-01-01"})
    void readsConfiguredPatterns(String in, String out) {
        assertNormalizes(date, in, out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"31.02.2024", "29.02.2023", "2024-13-01", "32.01.2024", "1.1.2024x", "yesterday", "2024/01/05"})
    void invalidDatesAreProblems(String in) {
        assertProblem(date, in, "invalid-date");
    }

    @Test
    void pivotYearIsFirstYearOfWindow() {
        Normalizer n = create("date", "patterns", "dd.MM.yy", "pivot-year", "1930");
        assertNormalizes(n, "01.01.29", "2029-01-01");
        assertNormalizes(n, "01.01.30", "1930-01-01");
    }

    @Test
    void sapZeroDateBecomesNull() {
        NormalizerResult r = date.apply("00000000", RecordContext.empty());
        assertThat(r.changed()).isTrue();
        assertThat(r.value()).isNull();
        assertProblem(create("date", "patterns", "yyyyMMdd", "zero-as-null", "false"), "00000000", "invalid-date");
    }

    @Test
    void differentReadingsAreAmbiguousButAgreeingOnesAreFine() {
        Normalizer n = create("date", "patterns", "dd/MM/yyyy|MM/dd/yyyy");
        NormalizerResult.Problem p = assertProblem(n, "01/02/2024", "ambiguous-date");
        assertThat(p.message()).contains("2024-02-01").contains("2024-01-02");
        assertNormalizes(n, "13/02/2024", "2024-02-13");
        assertNormalizes(n, "02/02/2024", "2024-02-02");
    }

    @Test
    void monthNamesUseLocale() {
        assertNormalizes(create("date", "patterns", "d MMM yyyy"), "5 Mar 2024", "2024-03-05");
        assertNormalizes(create("date", "patterns", "d. MMMM yyyy", "locale", "de"), "5. März 2024", "2024-03-05");
    }

    @Test
    void rejectsBadPatternsAndPivot() {
        assertThatThrownBy(() -> create("date", "patterns", "dd.MM.yyyy|'oops"))
                .hasMessageContaining("'patterns'").hasMessageContaining("'oops");
        assertThatThrownBy(() -> create("date", "pivot-year", "soon")).hasMessageContaining("'pivot-year'");
    }

    @Test
    void timestampWritesIsoLocalDateTime() {
        Normalizer n = create("timestamp", "patterns", "dd.MM.yyyy HH:mm:ss|yyyyMMddHHmmss|dd.MM.yyyy");
        assertNormalizes(n, "31.12.2024 23:59:00", "2024-12-31T23:59:00");
        assertNormalizes(n, "20240301120000", "2024-03-01T12:00:00");
        assertNormalizes(n, "01.03.2024", "2024-03-01T00:00:00");
        assertProblem(n, "31.12.2024 24:00:00", "invalid-timestamp");
    }

    @Test
    void anOptionalFractionAcceptsAnyNumberOfDigitsAndIsoIsAlwaysRead() {
        Normalizer n = create("timestamp", "patterns", "dd.MM.yyyy HH:mm:ss[,SSS]|yyyy-MM-dd HH:mm:ss[.SSSSSS]");
        assertNormalizes(n, "2026-11-27 02:15:19.13554", "2026-11-27T02:15:19.13554");
        assertNormalizes(n, "2026-11-27 02:15:19.1", "2026-11-27T02:15:19.1");
        assertNormalizes(n, "2026-11-27 02:15:19", "2026-11-27T02:15:19");
        assertNormalizes(n, "27.11.2026 02:15:19,5", "2026-11-27T02:15:19.5");
        // a JDBC source's typed timestamp, in none of the patterns
        assertNormalizes(n, "2026-11-27T02:15:19.25", "2026-11-27T02:15:19.25");
        assertProblem(n, "2026-11-27 02:15:19.1234567890", "invalid-timestamp");
    }

    @Test
    void timestampConvertsZonesToUtcAndRefusesDstGaps() {
        Normalizer utc = create("timestamp", "patterns", "yyyy-MM-dd HH:mm|yyyy-MM-dd HH:mmXXX",
                "zone", "Europe/Berlin", "output", "utc");
        assertNormalizes(utc, "2024-03-01 12:00", "2024-03-01T11:00:00Z");
        assertNormalizes(utc, "2024-07-01 12:00", "2024-07-01T10:00:00Z");
        assertNormalizes(utc, "2024-07-01 12:00+00:00", "2024-07-01T12:00:00Z");
        NormalizerResult gap = utc.apply("2024-03-31 02:30", RecordContext.empty());
        assertThat(gap).isInstanceOf(NormalizerResult.Problem.class);
        assertThat(((NormalizerResult.Problem) gap).message()).contains("does not exist");
        NormalizerResult overlap = utc.apply("2024-10-27 02:30", RecordContext.empty());
        assertThat(((NormalizerResult.Problem) overlap).message()).contains("occurs twice");

        Normalizer local = create("timestamp", "patterns", "yyyy-MM-dd HH:mmXXX", "zone", "Europe/Berlin");
        assertNormalizes(local, "2024-07-01 12:00Z", "2024-07-01T14:00:00");
        assertThatThrownBy(() -> create("timestamp", "zone", "Mars/Olympus")).hasMessageContaining("'zone'");
    }
}
