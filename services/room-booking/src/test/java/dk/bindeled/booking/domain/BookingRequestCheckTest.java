package dk.bindeled.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.bindeled.booking.api.BookingDetails;
import dk.bindeled.booking.api.BookingRules;
import dk.bindeled.booking.api.Commands.RequestSeries;
import dk.bindeled.booking.api.Quota;
import dk.bindeled.booking.api.Recurrence;
import dk.bindeled.booking.api.Recurrence.Frequency;
import dk.bindeled.booking.domain.InvalidInputException.FieldProblem;
import dk.bindeled.events.booking.v1.Visibility;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request checks and the time checks under them ({@link BookingTimesCheck}). */
class BookingRequestCheckTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");
    /** Monday 1 March 2027, 10:00. */
    static final LocalDateTime MONDAY = LocalDateTime.of(2027, 3, 1, 10, 0);
    /** Open every day 8–22 but Sunday. */
    static final CentreRules CENTRE = new CentreRules("motalavej", ZONE, null, 48, new OpeningHours(
            List.of(DayOfWeek.values()).stream().filter(d -> d != DayOfWeek.SUNDAY)
                    .map(d -> new dk.bindeled.events.booking.v1.OpeningHours(d, LocalTime.of(8, 0), LocalTime.of(22, 0))).toList()),
            new PeakTime(List.of()), new Quota(null, null));
    static final BookingRules RULES = new BookingRules(BookingRules.Access.ALL_CENTRE_PARTNERS, List.of(), false, 240, 30);

    final BookingRequestCheck check = new BookingRequestCheck(RULES, 20, CENTRE, new BookingHorizon(3), MONDAY.atZone(ZONE).toInstant());

    static BookingDetails details(String title, Integer attendees) {
        return new BookingDetails(title, null, attendees, null, Visibility.PUBLIC, null, null);
    }

    static List<String> fields(Runnable request) {
        try {
            request.run();
            return List.of();
        } catch (InvalidInputException e) {
            return e.problems().stream().map(FieldProblem::field).toList();
        }
    }

    @Test
    void everyFieldAtFaultIsNamedAtOnce() {
        assertThat(fields(() -> check.booking(details(" ", 21), MONDAY.minusHours(2), MONDAY.minusHours(1))))
                .containsExactly("title", "attendees", "start");
        assertThat(fields(() -> check.booking(details("Babycafé", 12), MONDAY.plusDays(1), MONDAY.plusDays(1).plusHours(2)))).isEmpty();
    }

    @Test
    void aBookingIsARealSpanInsideTheResourcesLimitsAndTheOpeningHours() {
        LocalDateTime tuesday = MONDAY.plusDays(1);
        assertThat(fields(() -> check.move(tuesday, tuesday))).containsExactly("end");
        assertThat(fields(() -> check.move(tuesday, tuesday.plusHours(5)))).containsExactly("end");
        assertThat(fields(() -> check.move(tuesday.plusDays(42), tuesday.plusDays(42).plusHours(1)))).containsExactly("start");
        assertThat(fields(() -> check.move(MONDAY.plusDays(6), MONDAY.plusDays(6).plusHours(1)))).as("Sunday").containsExactly("start");
        assertThat(fields(() -> check.move(tuesday.plusYears(4), tuesday.plusYears(4).plusHours(1)))).as("beyond the horizon")
                .containsExactly("start");
    }

    @Test
    void aSeriesIsRefusedForItsClosedDatesAndForReachingTooFarAhead() {
        // Weekly from Saturday: every date is open, but the fifth is more than 30 days ahead.
        LocalDateTime saturday = MONDAY.plusDays(5);
        RequestSeries weekly = new RequestSeries("r", "s", "p", saturday, saturday.plusHours(1),
                new Recurrence(Frequency.WEEKLY, null, 5, List.of()), false, details("Lektiecafé", null));
        assertThatThrownBy(() -> check.series(weekly)).isInstanceOf(InvalidInputException.class).hasMessageContaining("recurrence.count");
        // 21:30–22:30 runs past closing on its first date already.
        assertThat(fields(() -> check.series(new RequestSeries("r", "s", "p", saturday.withHour(21).withMinute(30),
                saturday.withHour(22).withMinute(30), new Recurrence(Frequency.WEEKLY, null, 2, List.of()), false, details("x", null)))))
                .containsExactly("firstStart");
        assertThat(check.series(new RequestSeries("r", "s", "p", saturday, saturday.plusHours(1),
                new Recurrence(Frequency.WEEKLY, null, 3, List.of()), false, details("Lektiecafé", null))).dates()).hasSize(3);
    }
}
