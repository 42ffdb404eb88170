package dk.bindeled.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpeningHoursTest {

    /** Tuesday 2 March 2027. */
    static final LocalDateTime TUESDAY = LocalDateTime.of(2027, 3, 2, 0, 0);

    final OpeningHours hours = new OpeningHours(List.of(
            new dk.bindeled.events.booking.v1.OpeningHours(DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)),
            new dk.bindeled.events.booking.v1.OpeningHours(DayOfWeek.TUESDAY, LocalTime.of(13, 0), LocalTime.of(21, 0))));

    @Test
    void aBookingMustLieInsideOneWindowOfItsDay() {
        assertThat(hours.covers(TUESDAY.withHour(9), TUESDAY.withHour(12))).as("edges included").isTrue();
        assertThat(hours.covers(TUESDAY.withHour(17), TUESDAY.withHour(21))).isTrue();
        assertThat(hours.covers(TUESDAY.withHour(11), TUESDAY.withHour(14))).as("across the lunch break").isFalse();
        assertThat(hours.covers(TUESDAY.withHour(8), TUESDAY.withHour(10))).isFalse();
        assertThat(hours.covers(TUESDAY.plusDays(1).withHour(10), TUESDAY.plusDays(1).withHour(11))).as("Wednesday").isFalse();
    }

    @Test
    void nothingPastMidnightAndNothingWithoutHours() {
        assertThat(hours.covers(TUESDAY.withHour(20), TUESDAY.plusDays(1).withHour(1))).isFalse();
        assertThat(new OpeningHours(null).covers(TUESDAY.withHour(10), TUESDAY.withHour(11))).isFalse();
    }

    @Test
    void theWindowsOfADayInTheCentresOrder() {
        assertThat(hours.on(DayOfWeek.TUESDAY)).extracting(h -> h.opens()).containsExactly(LocalTime.of(9, 0), LocalTime.of(13, 0));
        assertThat(hours.on(DayOfWeek.MONDAY)).isEmpty();
    }
}
