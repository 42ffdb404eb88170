package dk.bindeled.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dk.bindeled.booking.api.TimeWindow;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeakTimeTest {

    final PeakTime peak = new PeakTime(List.of(
            new TimeWindow(DayOfWeek.MONDAY, LocalTime.of(16, 0), LocalTime.of(20, 0)),
            new TimeWindow(DayOfWeek.TUESDAY, LocalTime.of(0, 0), LocalTime.of(2, 0))));

    /** Monday 1 March 2027. */
    static LocalDateTime monday(int hour, int minute) {
        return LocalDateTime.of(2027, 3, 1, hour, minute);
    }

    @Test
    void onlyTheMinutesInsideTheWindowsCount() {
        assertThat(peak.minutesIn(monday(15, 0), monday(17, 30), 150)).isEqualTo(90);
        assertThat(peak.minutesIn(monday(9, 0), monday(12, 0), 180)).isZero();
    }

    @Test
    void aBookingOverMidnightCountsTheWindowsOfBothDays() {
        assertThat(peak.minutesIn(monday(19, 0), monday(19, 0).plusHours(6), 360)).isEqualTo(60 + 60);
    }

    @Test
    void neverMoreThanTheBookingLasts() {
        // The autumn clock change: the wall clock shows 4 hours, the booking lasts 3.
        assertThat(peak.minutesIn(monday(16, 0), monday(20, 0), 180)).isEqualTo(180);
    }
}
