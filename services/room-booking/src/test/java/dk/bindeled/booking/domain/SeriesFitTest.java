package dk.bindeled.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dk.bindeled.booking.api.Quota;
import dk.bindeled.booking.api.Recurrence;
import dk.bindeled.booking.api.Recurrence.Frequency;
import dk.bindeled.booking.domain.QuotaLedger.Use;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesFitTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");
    static final CentreRules CENTRE = new CentreRules("motalavej", ZONE, null, 48, new OpeningHours(List.of()),
            new PeakTime(List.of()), new Quota(null, null));
    /** Tuesdays 17:00–19:00 from 2 March 2027, four times, the second left out on purpose. */
    static final LocalDateTime FIRST = LocalDateTime.of(2027, 3, 2, 17, 0);
    static final SeriesPlan PLAN = SeriesPlan.of(FIRST, FIRST.plusHours(2),
            new Recurrence(Frequency.WEEKLY, null, 4, List.of(LocalDate.of(2027, 3, 9))), ZONE);

    @Test
    void theFreeDatesAreBookedTheClashingOnesSkippedAndTheirHoursCountedPerWeek() {
        Holdings holdings = new Holdings(0);
        holdings.hold(FIRST.minusDays(1).atZone(ZONE).toInstant(), "other", "q", FIRST.plusDays(14).atZone(ZONE).toOffsetDateTime(),
                FIRST.plusDays(14).plusHours(1).atZone(ZONE).toOffsetDateTime(), Held.Status.CONFIRMED, null, null);

        SeriesFit fit = SeriesFit.of("s", PLAN, holdings, CENTRE);

        assertThat(fit.skipped()).containsExactly(LocalDate.of(2027, 3, 16));
        assertThat(fit.clashes()).extracting(Clash::bookingId).containsExactly("other");
        assertThat(fit.occurrences()).extracting(o -> o.start().toLocalDate())
                .containsExactly(LocalDate.of(2027, 3, 2), LocalDate.of(2027, 3, 23));
        assertThat(fit.use()).containsExactly(Map.entry("2027-W09", new Use(120, 0)), Map.entry("2027-W12", new Use(120, 0)));
        assertThat(fit.exdates(PLAN)).containsExactly(LocalDate.of(2027, 3, 9), LocalDate.of(2027, 3, 16));
        assertThat(fit.bookable(false)).isFalse();
        assertThat(fit.bookable(true)).isTrue();
    }

    @Test
    void anOccurrencesIdIsTheSameForTheSameSeriesAndDate() {
        assertThat(SeriesFit.occurrenceId("s", LocalDate.of(2027, 3, 2))).isEqualTo(SeriesFit.occurrenceId("s", LocalDate.of(2027, 3, 2)))
                .isNotEqualTo(SeriesFit.occurrenceId("s", LocalDate.of(2027, 3, 23)));
    }
}
