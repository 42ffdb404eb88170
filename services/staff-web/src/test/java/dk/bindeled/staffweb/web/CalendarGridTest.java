package dk.bindeled.staffweb.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalendarGridTest {

    private static final LocalDate THURSDAY = LocalDate.of(2026, 12, 3);

    @Test
    void aBookingSpansItsHalfHoursAndTheRestAreFreeToBook() {
        List<CalendarGrid.Cell> cells = CalendarGrid.cells(THURSDAY, LocalTime.of(8, 0), LocalTime.of(11, 0), List.of(
                Map.of("bookingId", "b1", "localStart", "2026-12-03T09:00", "localEnd", "2026-12-03T10:15", "status", "CONFIRMED")));

        assertThat(cells).extracting(c -> c.start().toLocalTime().toString(), CalendarGrid.Cell::span, CalendarGrid.Cell::free)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("08:00", 1, true),
                        org.assertj.core.groups.Tuple.tuple("08:30", 1, true),
                        org.assertj.core.groups.Tuple.tuple("09:00", 3, false),
                        org.assertj.core.groups.Tuple.tuple("10:30", 1, true));
    }

    @Test
    void aBookingThatBeganBeforeOpeningStartsTheRow() {
        List<CalendarGrid.Cell> cells = CalendarGrid.cells(THURSDAY, LocalTime.of(8, 0), LocalTime.of(9, 0), List.of(
                Map.of("bookingId", "b1", "localStart", "2026-12-03T07:00", "localEnd", "2026-12-03T08:30", "status", "CONFIRMED")));

        assertThat(cells).extracting(CalendarGrid.Cell::span, CalendarGrid.Cell::free).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, false), org.assertj.core.groups.Tuple.tuple(1, true));
    }

    @Test
    void openingHoursOfADayJoinTheirWindows() {
        Map<String, Object> centre = Map.of("openingHours", List.of(
                Map.of("day", "THURSDAY", "opens", "08:00", "closes", "12:00"),
                Map.of("day", "THURSDAY", "opens", "16:00", "closes", "22:00"),
                Map.of("day", "FRIDAY", "opens", "08:00", "closes", "20:00")));

        assertThat(CalendarGrid.hoursOn(centre, DayOfWeek.THURSDAY)).isEqualTo(new CalendarGrid.Hours(LocalTime.of(8, 0), LocalTime.of(22, 0)));
        assertThat(CalendarGrid.hoursOn(centre, DayOfWeek.SUNDAY)).isNull();
        assertThat(CalendarGrid.times(LocalTime.of(8, 0), LocalTime.of(9, 30))).containsExactly("08:00", "08:30", "09:00");
    }

    @Test
    void onlyBookingsThatHoldTheirSlotAreDrawn() {
        assertThat(CalendarGrid.holdsSlot(Map.of("status", "REQUESTED"))).isTrue();
        assertThat(CalendarGrid.holdsSlot(Map.of("status", "CANCELLED"))).isFalse();
        assertThat(CalendarGrid.holdsSlot(Map.of("status", "LAPSED"))).isFalse();
    }
}
