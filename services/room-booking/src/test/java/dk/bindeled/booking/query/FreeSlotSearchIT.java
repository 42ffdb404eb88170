package dk.bindeled.booking.query;

import static dk.bindeled.booking.query.CalendarFixtures.at;
import static dk.bindeled.booking.query.CalendarFixtures.details;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.bindeled.booking.IntegrationTest;
import dk.bindeled.booking.api.Events.BookingCancelled;
import dk.bindeled.booking.api.Events.BookingRejected;
import dk.bindeled.booking.api.Events.WaitlistOffered;
import dk.bindeled.booking.domain.InvalidInputException;
import dk.bindeled.booking.domain.NotFoundException;
import dk.bindeled.booking.query.Views.AlternativeSlot;
import dk.bindeled.booking.query.Views.FreeResource;
import dk.bindeled.booking.query.Views.FreeSlots;
import dk.bindeled.events.booking.v1.CancellationReason;
import dk.bindeled.events.booking.v1.OpeningHours;
import dk.bindeled.events.booking.v1.RejectionReason;
import dk.bindeled.events.booking.v1.Visibility;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Free-slot search on PostgreSQL: seats, features, opening hours, the cleaning buffer on both sides, and the
 * nearest other slots when nothing is free. The service's clock stands at Monday 1 March 2027, 09:00.
 */
class FreeSlotSearchIT extends IntegrationTest {

    static final LocalDate THURSDAY = LocalDate.of(2027, 3, 4);
    static final LocalDate FRIDAY = LocalDate.of(2027, 3, 5);
    static final LocalDate MONDAY = LocalDate.of(2027, 3, 8);
    static final LocalTime TWO = LocalTime.of(14, 0);
    static final LocalTime FOUR = LocalTime.of(16, 0);

    CalendarProjection projection;
    @Autowired
    FreeSlotSearch search;

    CalendarFixtures events;
    String centre;
    String salen;
    String moedelokalet;
    String vaerkstedet;
    String sumak;

    @BeforeEach
    void setUp() {
        projection = new CalendarProjection(jdbc);
        events = CalendarFixtures.direct(projection, jdbc);
        List<OpeningHours> weekdays = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            weekdays.add(new OpeningHours(day, LocalTime.of(8, 0), LocalTime.of(20, 0)));
        }
        centre = events.centre("free", weekdays, List.of());
        salen = events.resource(centre, "Salen", 40, List.of("Køkken", "Projector"), 30, false);
        moedelokalet = events.resource(centre, "Mødelokalet", 12, List.of("projector"), 0, false);
        vaerkstedet = events.resource(centre, "Værkstedet", 8, List.of(), 0, false);
        sumak = events.partner("Café Sumak", "PRIVATE");
    }

    @Test
    void freeResourcesHaveTheSeatsAndEveryFeatureAskedForInAnyCase() {
        FreeSlots projector = search.search(centre, THURSDAY, TWO, FOUR, 12, List.of("PROJECTOR"));
        assertThat(projector.free()).extracting(FreeResource::name).containsExactly("Mødelokalet", "Salen");
        assertThat(projector.alternatives()).isEmpty();

        assertThat(search.search(centre, THURSDAY, TWO, FOUR, 12, List.of("køkken", " projector ")).free())
                .extracting(FreeResource::resourceId).containsExactly(salen);
        assertThat(search.search(centre, THURSDAY, TWO, FOUR, null, List.of()).free()).hasSize(3);
        assertThat(search.search(centre, THURSDAY, TWO, FOUR, 13, List.of()).free()).extracting(FreeResource::name).containsExactly("Salen");
    }

    @Test
    void theCleaningBufferKeepsAResourceBusyBeforeAndAfterABooking() {
        // Salen (30 min buffer): ends 13:40, so not free from 14:00; Mødelokalet (no buffer): ends 14:00 sharp, free.
        events.confirmed(salen, centre, sumak, THURSDAY.atTime(12, 0), THURSDAY.atTime(13, 40), details("Frokost", Visibility.PUBLIC));
        events.confirmed(moedelokalet, centre, sumak, THURSDAY.atTime(12, 0), THURSDAY.atTime(14, 0), details("Møde", Visibility.PUBLIC));
        assertThat(search.search(centre, THURSDAY, TWO, FOUR, null, List.of("projector")).free())
                .extracting(FreeResource::resourceId).containsExactly(moedelokalet);

        // Exactly one buffer apart is free: ends 13:30, the slot starts 14:00.
        assertThat(search.search(centre, THURSDAY, LocalTime.of(14, 10), LocalTime.of(15, 0), null, List.of("køkken")).free())
                .extracting(FreeResource::resourceId).containsExactly(salen);

        // After the slot: a request at 16:20 holds Salen against a slot ending 16:00 (16:00 + 30 min > 16:20).
        events.requested(salen, centre, sumak, FRIDAY.atTime(16, 20), FRIDAY.atTime(17, 0), details("Senere", Visibility.PUBLIC));
        assertThat(search.search(centre, FRIDAY, TWO, FOUR, null, List.of("køkken")).free()).isEmpty();
        assertThat(search.search(centre, FRIDAY, TWO, LocalTime.of(15, 50), null, List.of("køkken")).free())
                .extracting(FreeResource::resourceId).containsExactly(salen);
    }

    @Test
    void rejectedAndCancelledBookingsFreeTheirSlotAndAnOfferHoldsIt() {
        String rejected = events.requested(moedelokalet, centre, sumak, THURSDAY.atTime(TWO), THURSDAY.atTime(FOUR),
                details("Afvist", Visibility.PUBLIC));
        events.resourceEvent(moedelokalet, new BookingRejected(rejected, moedelokalet, centre, sumak, RejectionReason.OTHER, null));
        String cancelled = events.confirmed(vaerkstedet, centre, sumak, THURSDAY.atTime(TWO), THURSDAY.atTime(FOUR),
                details("Aflyst", Visibility.PUBLIC));
        events.resourceEvent(vaerkstedet, new BookingCancelled(cancelled, vaerkstedet, centre, sumak, at(THURSDAY.atTime(TWO)),
                at(THURSDAY.atTime(FOUR)), false, CancellationReason.ORGANISER_CANCELLED, null, null));
        events.resourceEvent(salen, new WaitlistOffered(UUID.randomUUID().toString(), UUID.randomUUID().toString(), salen, centre, sumak,
                at(THURSDAY.atTime(15, 0)), at(THURSDAY.atTime(15, 30)), details("Tilbud", Visibility.PUBLIC)));

        assertThat(search.search(centre, THURSDAY, TWO, FOUR, null, List.of()).free())
                .extracting(FreeResource::resourceId).containsExactly(moedelokalet, vaerkstedet);
    }

    @Test
    void whenNothingIsFreeTheNearestSlotsOfTheSameDayComeFirstOnTheHalfHourGrid() {
        events.confirmed(salen, centre, sumak, THURSDAY.atTime(13, 0), THURSDAY.atTime(17, 0), details("Fest", Visibility.PUBLIC));

        FreeSlots result = search.search(centre, THURSDAY, TWO, FOUR, 20, List.of("køkken"));

        assertThat(result.free()).isEmpty();
        // A two-hour slot with a 30-minute buffer either side: ends by 12:30 (starts by 10:30) or starts from 17:30.
        assertThat(result.alternatives()).extracting(AlternativeSlot::date).containsOnly(THURSDAY);
        assertThat(result.alternatives()).extracting(AlternativeSlot::from).containsExactly(
                LocalTime.of(10, 30), LocalTime.of(17, 30), LocalTime.of(10, 0), LocalTime.of(18, 0), LocalTime.of(9, 30));
        AlternativeSlot first = result.alternatives().get(0);
        assertThat(first.to()).isEqualTo(LocalTime.of(12, 30));
        assertThat(first.start()).isEqualTo(at(THURSDAY.atTime(10, 30)));
        assertThat(first.resources()).extracting(FreeResource::resourceId).containsExactly(salen);
    }

    @Test
    void whenTheDayIsFullTheNextOpenDaysAreOfferedSkippingTheClosedWeekend() {
        events.confirmed(salen, centre, sumak, THURSDAY.atTime(8, 0), THURSDAY.atTime(20, 0), details("Hele dagen", Visibility.PUBLIC));
        events.confirmed(salen, centre, sumak, FRIDAY.atTime(8, 0), FRIDAY.atTime(20, 0), details("Hele dagen", Visibility.PUBLIC));

        FreeSlots result = search.search(centre, THURSDAY, TWO, FOUR, null, List.of("køkken"));

        assertThat(result.free()).isEmpty();
        assertThat(result.alternatives()).hasSize(5).extracting(AlternativeSlot::date).containsOnly(MONDAY);
        assertThat(result.alternatives()).extracting(AlternativeSlot::from).containsExactly(
                TWO, LocalTime.of(13, 30), LocalTime.of(14, 30), LocalTime.of(13, 0), LocalTime.of(15, 0));
    }

    @Test
    void outsideOpeningHoursNothingIsFreeAndTheNearestOpenTimesAreSuggested() {
        FreeSlots evening = search.search(centre, THURSDAY, LocalTime.of(21, 0), LocalTime.of(22, 0), null, List.of("projector"));
        assertThat(evening.free()).isEmpty();
        assertThat(evening.alternatives()).extracting(AlternativeSlot::from)
                .containsExactly(LocalTime.of(19, 0), LocalTime.of(18, 30), LocalTime.of(18, 0), LocalTime.of(17, 30), LocalTime.of(17, 0));
        assertThat(evening.alternatives().get(0).resources()).extracting(FreeResource::name).containsExactly("Mødelokalet", "Salen");

        FreeSlots saturday = search.search(centre, LocalDate.of(2027, 3, 6), TWO, FOUR, null, List.of());
        assertThat(saturday.free()).isEmpty();
        assertThat(saturday.alternatives()).extracting(AlternativeSlot::date).containsOnly(MONDAY);
    }

    @Test
    void noSuitableResourceMeansNoAlternativesEither() {
        FreeSlots none = search.search(centre, THURSDAY, TWO, FOUR, 100, List.of());
        assertThat(none.free()).isEmpty();
        assertThat(none.alternatives()).isEmpty();
        assertThat(search.search(centre, THURSDAY, TWO, FOUR, null, List.of("sauna")).alternatives()).isEmpty();
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> search.search(centre, THURSDAY, FOUR, TWO, null, List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> search.search(centre, LocalDate.of(2027, 2, 26), TWO, FOUR, null, List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("date"));
        assertThatThrownBy(() -> search.search(centre, LocalDate.of(2027, 3, 1), LocalTime.of(8, 0), FOUR, null, List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("from"));
        assertThatThrownBy(() -> search.search("no-such-centre", THURSDAY, TWO, FOUR, null, List.of()))
                .isInstanceOf(NotFoundException.class);
    }
}
