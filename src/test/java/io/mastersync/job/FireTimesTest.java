package io.mastersync.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.CronExpression;

class FireTimesTest {

    private static final CronExpression DAILY_3AM = CronExpression.parse("0 0 3 * * *");
    private static final CronExpression QUARTER_HOURLY = CronExpression.parse("0 */15 * * * *");

    private static LocalDateTime at(String text) {
        return LocalDateTime.parse(text);
    }

    @Test
    void notDueBeforeTheNextFireTime() {
        assertThat(FireTimes.due(DAILY_3AM, at("2024-05-10T03:00"), at("2024-05-11T02:59:59"))).isEmpty();
        assertThat(FireTimes.due(QUARTER_HOURLY, at("2024-05-10T10:15"), at("2024-05-10T10:29:59"))).isEmpty();
    }

    @Test
    void dueAtTheFireTimeItself() {
        assertThat(FireTimes.due(DAILY_3AM, at("2024-05-10T03:00"), at("2024-05-11T03:00")))
                .contains(at("2024-05-11T03:00"));
    }

    @Test
    void severalMissedFireTimesRunOnceForTheMostRecent() {
        assertThat(FireTimes.due(DAILY_3AM, at("2024-05-01T03:00"), at("2024-05-11T12:34:56")))
                .contains(at("2024-05-11T03:00"));
        assertThat(FireTimes.due(QUARTER_HOURLY, at("2023-01-01T00:00"), at("2024-05-10T10:44:00")))
                .contains(at("2024-05-10T10:30"));
    }

    @Test
    void aLastFireBetweenFireTimesCountsFromThere() {
        // e.g. the feed's last successful manual sync, when serve has no history for it
        assertThat(FireTimes.due(DAILY_3AM, at("2024-05-11T10:00"), at("2024-05-11T23:00"))).isEmpty();
        assertThat(FireTimes.due(DAILY_3AM, at("2024-05-10T10:00"), at("2024-05-11T04:00")))
                .contains(at("2024-05-11T03:00"));
    }

    @Test
    void noHistoryRunsOnceNowRecordingTheMostRecentFireTime() {
        assertThat(FireTimes.due(DAILY_3AM, null, at("2024-05-11T12:00"))).contains(at("2024-05-11T03:00"));
        assertThat(FireTimes.due(CronExpression.parse("0 0 0 1 1 *"), null, at("2024-05-11T12:00")))
                .contains(at("2024-01-01T00:00"));
    }

    @Test
    void noHistoryAndAnExpressionThatNeverFiredRunsNow() {
        // February 30th never comes
        assertThat(FireTimes.due(CronExpression.parse("0 0 0 30 2 *"), null, at("2024-05-11T12:00")))
                .contains(at("2024-05-11T12:00"));
    }

    @Test
    void denseSchedulesAreFoundQuickly() {
        CronExpression everySecond = CronExpression.parse("* * * * * *");
        assertThat(FireTimes.due(everySecond, at("2000-01-01T00:00"), at("2024-05-11T12:00:07")))
                .contains(at("2024-05-11T12:00:07"));
        CronExpression newYearsHour = CronExpression.parse("* * 0 1 1 *");
        assertThat(FireTimes.latestAtOrBefore(newYearsHour, at("2024-05-11T12:00")))
                .contains(at("2024-01-01T00:59:59"));
    }
}
