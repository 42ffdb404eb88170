package dk.bindeled.booking.query;

import dk.bindeled.booking.domain.Viewer;
import java.util.Set;

import static dk.bindeled.booking.query.CalendarFixtures.at;
import static dk.bindeled.booking.query.CalendarFixtures.details;
import static org.assertj.core.api.Assertions.assertThat;

import dk.bindeled.booking.IntegrationTest;
import dk.bindeled.booking.api.BookingRules;
import dk.bindeled.booking.api.Events.BookingCancelled;
import dk.bindeled.booking.api.Events.BookingConfirmed;
import dk.bindeled.booking.api.Events.BookingFlagged;
import dk.bindeled.booking.api.Events.BookingMoved;
import dk.bindeled.booking.api.Events.BookingRejected;
import dk.bindeled.booking.api.Events.BookingRequested;
import dk.bindeled.booking.api.Events.CentreDefined;
import dk.bindeled.booking.api.Events.ResourceRulesChanged;
import dk.bindeled.booking.api.Events.SeriesBooked;
import dk.bindeled.booking.api.Events.WaitlistJoined;
import dk.bindeled.booking.api.Events.WaitlistOfferDeclined;
import dk.bindeled.booking.api.Events.WaitlistOffered;
import dk.bindeled.booking.api.Events.WaitlistServed;
import dk.bindeled.booking.api.Occurrence;
import dk.bindeled.booking.query.CalendarQueries.Span;
import dk.bindeled.booking.query.Views.Approval;
import dk.bindeled.booking.query.Views.BookingStatus;
import dk.bindeled.booking.query.Views.BookingView;
import dk.bindeled.booking.query.Views.CalendarEntry;
import dk.bindeled.booking.query.Views.CalendarView;
import dk.bindeled.booking.query.Views.SeriesView;
import dk.bindeled.events.booking.v1.BookingFlagged.FlagReason;
import dk.bindeled.events.booking.v1.CancellationReason;
import dk.bindeled.events.booking.v1.RejectionReason;
import dk.bindeled.events.booking.v1.Visibility;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The calendar projection on PostgreSQL, its handlers fed the events directly: every lifecycle of a booking,
 * a series and the waitlist, visibility in calendars, and the same event applied twice changing nothing.
 */
class CalendarProjectionIT extends IntegrationTest {

    static final LocalDateTime TUESDAY_10 = LocalDateTime.of(2027, 3, 2, 10, 0);

    CalendarProjection projection;
    @Autowired
    CalendarQueries queries;

    @Autowired
    dk.bindeled.axon.ProjectionReplay replay;

    CalendarFixtures events;
    String centre;
    String salen;
    String sumak;

    @BeforeEach
    void setUp() {
        // The projection below writes the live generation's tables: no replay of another test may switch them meanwhile.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(120)).until(() -> !replay.status().replaying());
        projection = new CalendarProjection(jdbc);
        events = CalendarFixtures.direct(projection, jdbc);
        centre = events.centre("proj");
        salen = events.resource(centre, "Salen", 40, List.of("Køkken", "projector"), 15, true);
        sumak = events.partner("Café Sumak", "PRIVATE");
    }

    @Test
    void centreAndResourcesAreShownWithRulesAndFeatures() {
        var view = queries.centre(centre).orElseThrow();
        assertThat(view.name()).isEqualTo("Kvarterhuset på Motalavej");
        assertThat(view.timeZone()).isEqualTo("Europe/Copenhagen");
        assertThat(view.openingHours()).hasSize(7);
        assertThat(view.peakHours()).hasSize(2);
        assertThat(view.resources()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("Salen");
            assertThat(r.features()).containsExactly("Køkken", "projector");
            assertThat(r.cleaningBufferMinutes()).isEqualTo(15);
            assertThat(r.approvalRequired()).isTrue();
        });
        events.resourceEvent(salen, new ResourceRulesChanged(salen, centre,
                new BookingRules(BookingRules.Access.LISTED_PARTNERS, List.of(sumak), false, 120, 30)));
        assertThat(queries.resource(salen).orElseThrow()).satisfies(r -> {
            assertThat(r.approvalRequired()).isFalse();
            assertThat(r.access()).isEqualTo("LISTED_PARTNERS");
            assertThat(r.listedPartners()).containsExactly(sumak);
            assertThat(r.maxLengthMinutes()).isEqualTo(120);
        });
        assertThat(queries.centres()).anySatisfy(c -> assertThat(c.id()).isEqualTo(centre));
    }

    @Test
    void aRequestIsApprovedMovedAndCancelledWithItsHistoryAndARisingVersion() {
        String id = events.requested(salen, centre, sumak, TUESDAY_10, TUESDAY_10.plusHours(2), details("Babycafé", Visibility.PUBLIC));
        BookingView requested = queries.booking(id).orElseThrow();
        assertThat(requested.status()).isEqualTo(BookingStatus.REQUESTED);
        assertThat(requested.awaitsApproval()).isTrue();
        assertThat(requested.version()).isZero();
        assertThat(requested.localStart()).isEqualTo(TUESDAY_10);
        assertThat(requested.start()).isEqualTo(at(TUESDAY_10));
        assertThat(requested.partnerName()).isEqualTo("Café Sumak");
        assertThat(queries.approvals(centre)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("BOOKING");
            assertThat(a.bookingId()).isEqualTo(id);
        });

        events.resourceEvent(salen, new BookingConfirmed(id, salen, centre, sumak, at(TUESDAY_10), at(TUESDAY_10.plusHours(2)),
                details("Babycafé", Visibility.PUBLIC), null, false));
        events.resourceEvent(salen, new BookingMoved(id, salen, centre, sumak, at(TUESDAY_10), at(TUESDAY_10.plusHours(2)),
                at(TUESDAY_10.plusDays(1)), at(TUESDAY_10.plusDays(1).plusHours(2)), null));
        BookingView moved = queries.booking(id).orElseThrow();
        assertThat(moved.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(moved.version()).isEqualTo(2);
        assertThat(moved.localStart()).isEqualTo(TUESDAY_10.plusDays(1));
        assertThat(moved.originalLocalStart()).isEqualTo(TUESDAY_10);
        assertThat(queries.approvals(centre)).isEmpty();

        events.resourceEvent(salen, new BookingCancelled(id, salen, centre, sumak, at(TUESDAY_10.plusDays(1)),
                at(TUESDAY_10.plusDays(1).plusHours(2)), true, CancellationReason.ORGANISER_UNAVAILABLE, "Sygdom", null));
        BookingView cancelled = queries.booking(id).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(cancelled.late()).isTrue();
        assertThat(cancelled.statusReason()).isEqualTo("ORGANISER_UNAVAILABLE – Sygdom");
        assertThat(cancelled.version()).isEqualTo(3);
        assertThat(cancelled.history()).extracting(h -> h.eventType())
                .containsExactly("BookingRequested", "BookingConfirmed", "BookingMoved", "BookingCancelled");
        assertThat(cancelled.history()).allSatisfy(h -> assertThat(h.actor()).isEqualTo(CalendarFixtures.ACTOR));
        assertThat(cancelled.history().get(2).summary()).isEqualTo("Moved from 2027-03-02 10:00–12:00 to 2027-03-03 10:00–12:00");
        assertThat(queries.resourceCalendar(salen, TUESDAY_10.toLocalDate(), Span.WEEK).entries()).isEmpty();
    }

    @Test
    void anEventAppliedTwiceChangesNothingTheSecondTime() {
        String id = events.confirmed(salen, centre, sumak, TUESDAY_10, TUESDAY_10.plusHours(1), details("Lektiecafé", Visibility.PUBLIC));
        DomainEventMessage<?> move = events.resourceEvent(salen, new BookingMoved(id, salen, centre, sumak, at(TUESDAY_10),
                at(TUESDAY_10.plusHours(1)), at(TUESDAY_10.plusHours(3)), at(TUESDAY_10.plusHours(4)), null));
        BookingView once = queries.booking(id).orElseThrow();

        events.redeliver(move);
        DomainEventMessage<?> first = new org.axonframework.eventhandling.GenericDomainEventMessage<>("ResourceSchedule", salen, 0L,
                move.getPayload());
        events.redeliver(first);

        BookingView twice = queries.booking(id).orElseThrow();
        assertThat(twice).isEqualTo(once);
        assertThat(twice.version()).isEqualTo(1);
        assertThat(twice.history()).hasSize(3);
    }

    @Test
    void aBookingConfirmedAtOnceStartsAtVersionZero() {
        String id = events.confirmed(salen, centre, sumak, TUESDAY_10, TUESDAY_10.plusHours(1), details("Strik", Visibility.PUBLIC));
        BookingView booking = queries.booking(id).orElseThrow();
        assertThat(booking.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(booking.awaitsApproval()).isFalse();
        assertThat(booking.version()).isZero();
        assertThat(queries.approvals(centre)).isEmpty();
    }

    @Test
    void calendarsApplyVisibilityAndLeaveOutRejectedAndCancelled() {
        String other = events.partner("Familierådgivningen", "PUBLIC");
        String mothers = events.confirmed(salen, centre, sumak, TUESDAY_10, TUESDAY_10.plusHours(1), details("Babycafé", Visibility.PUBLIC));
        String busy = events.confirmed(salen, centre, other, TUESDAY_10.plusHours(2), TUESDAY_10.plusHours(3),
                details("Samtale med familie", Visibility.BUSY));
        String titleOnly = events.requested(salen, centre, other, TUESDAY_10.plusHours(4), TUESDAY_10.plusHours(5),
                details("Netværksmøde", Visibility.TITLE_ONLY));
        String rejected = events.requested(salen, centre, sumak, TUESDAY_10.plusHours(6), TUESDAY_10.plusHours(7),
                details("Afvist", Visibility.PUBLIC));
        events.resourceEvent(salen, new BookingRejected(rejected, salen, centre, sumak, RejectionReason.ROOM_NEEDED_ELSEWHERE, "Optaget af husmøde"));
        String nextWeek = events.confirmed(salen, centre, sumak, TUESDAY_10.plusDays(7), TUESDAY_10.plusDays(7).plusHours(1),
                details("Næste uge", Visibility.PUBLIC));

        // As the public sees it: visibility applied, and the purpose of no booking.
        CalendarView day = Disclosures.calendar(queries.resourceCalendar(salen, TUESDAY_10.toLocalDate(), Span.DAY), Viewer.ANONYMOUS);
        assertThat(day.entries()).extracting(CalendarEntry::bookingId).containsExactly(mothers, busy, titleOnly);
        CalendarEntry open = day.entries().get(0);
        assertThat(open.title()).isEqualTo("Babycafé");
        assertThat(open.purpose()).isNull();
        assertThat(open.partnerName()).isEqualTo("Café Sumak");
        assertThat(open.resourceName()).isEqualTo("Salen");
        assertThat(open.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(open.localStart()).isEqualTo(TUESDAY_10);
        CalendarEntry hidden = day.entries().get(1);
        assertThat(hidden.title()).isNull();
        assertThat(hidden.purpose()).isNull();
        assertThat(hidden.partnerId()).isNull();
        assertThat(hidden.partnerName()).isNull();
        assertThat(hidden.attendees()).isNull();
        assertThat(hidden.visibility()).isEqualTo("BUSY");
        CalendarEntry title = day.entries().get(2);
        assertThat(title.title()).isEqualTo("Netværksmøde");
        assertThat(title.purpose()).isNull();
        assertThat(title.partnerName()).isNull();
        assertThat(title.status()).isEqualTo(BookingStatus.REQUESTED);
        // The centre's staff see every entry whole; the booking partner's members their own.
        CalendarView staff = Disclosures.calendar(queries.resourceCalendar(salen, TUESDAY_10.toLocalDate(), Span.DAY),
                new Viewer("personale", Set.of("centre-staff"), null, Set.of(centre)));
        assertThat(staff.entries()).extracting(CalendarEntry::title).containsExactly("Babycafé", "Samtale med familie", "Netværksmøde");
        assertThat(staff.entries().get(0).purpose()).isEqualTo("Internt formål: Babycafé");
        CalendarView own = Disclosures.calendar(queries.resourceCalendar(salen, TUESDAY_10.toLocalDate(), Span.DAY),
                new Viewer("medlem", Set.of("partner-member"), other, Set.of()));
        assertThat(own.entries()).extracting(CalendarEntry::title).containsExactly("Babycafé", "Samtale med familie", "Netværksmøde");
        assertThat(own.entries().get(0).purpose()).as("another partner's purpose").isNull();
        assertThat(own.entries().get(1).purpose()).isEqualTo("Internt formål: Samtale med familie");

        CalendarView week = queries.centreCalendar(centre, TUESDAY_10.toLocalDate().plusDays(3), Span.WEEK);
        assertThat(week.from()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(week.to()).isEqualTo(LocalDate.of(2027, 3, 7));
        assertThat(week.entries()).extracting(CalendarEntry::bookingId).containsExactly(mothers, busy, titleOnly).doesNotContain(nextWeek);
        assertThat(queries.partnerBookings(sumak, march(1, 31), null, 100).items()).extracting(b -> b.id())
                .containsExactly(mothers, rejected, nextWeek);
        assertThat(queries.partnerBookings(sumak, march(3, 31), null, 100).items()).extracting(b -> b.id()).containsExactly(nextWeek);
    }

    @Test
    void aPendingSeriesIsOneApprovalItemAndItsOccurrencesChangeOneByOne() {
        SeriesBooked series = events.weeklySeries(salen, centre, sumak, LocalDateTime.of(2027, 3, 4, 17, 0),
                LocalDateTime.of(2027, 3, 4, 19, 0), LocalDate.of(2027, 4, 8), List.of(LocalDate.of(2027, 3, 25)), false,
                details("Tirsdagstræf – kun for mænd", Visibility.PUBLIC));
        List<Occurrence> occurrences = series.occurrences();
        assertThat(occurrences).hasSize(5);
        String single = events.requested(salen, centre, sumak, TUESDAY_10, TUESDAY_10.plusHours(1), details("Enkelt", Visibility.PUBLIC));

        List<Approval> approvals = queries.approvals(centre);
        assertThat(approvals).hasSize(2);
        assertThat(approvals.get(0).kind()).isEqualTo("SERIES");
        assertThat(approvals.get(0).seriesId()).isEqualTo(series.seriesId());
        assertThat(approvals.get(0).occurrences()).hasSize(5);
        assertThat(approvals.get(1).bookingId()).isEqualTo(single);

        Occurrence first = occurrences.get(0);
        Occurrence second = occurrences.get(1);
        events.resourceEvent(salen, new BookingConfirmed(first.bookingId(), salen, centre, sumak, first.start(), first.end(),
                series.details(), series.seriesId(), false));
        events.resourceEvent(salen, new BookingRejected(second.bookingId(), salen, centre, sumak, RejectionReason.ROOM_NEEDED_ELSEWHERE, null));
        events.resourceEvent(salen, new BookingFlagged(occurrences.get(2).bookingId(), salen, centre, sumak,
                occurrences.get(2).start(), occurrences.get(2).end(), FlagReason.PARTNER_DEACTIVATED));

        SeriesView view = queries.series(series.seriesId()).orElseThrow();
        assertThat(view.rrule()).isEqualTo(series.rrule());
        assertThat(view.bookedConfirmed()).isFalse();
        assertThat(view.exdates()).extracting(e -> e.date()).containsExactly(LocalDate.of(2027, 3, 25));
        assertThat(view.version()).isEqualTo(3);
        assertThat(view.occurrences()).extracting(o -> o.status()).containsExactly(BookingStatus.CONFIRMED, BookingStatus.REJECTED,
                BookingStatus.REQUESTED, BookingStatus.REQUESTED, BookingStatus.REQUESTED);
        assertThat(view.occurrences().get(2).flagged()).isTrue();
        assertThat(view.history()).extracting(h -> h.eventType())
                .containsExactly("SeriesBooked", "BookingConfirmed", "BookingRejected", "BookingFlagged");
        assertThat(queries.approvals(centre).get(0).occurrences()).hasSize(3);
        assertThat(queries.booking(first.bookingId()).orElseThrow().seriesId()).isEqualTo(series.seriesId());
    }

    @Test
    void aWaitlistOfferHoldsTheSlotUntilDeclinedAndAServedEntryBecomesAConfirmedBooking() {
        String waiter = events.partner("Somalisk Kvindeforening", "INFORMAL");
        String entry = UUID.randomUUID().toString();
        events.resourceEvent(salen, new WaitlistJoined(entry, salen, centre, waiter, at(TUESDAY_10), at(TUESDAY_10.plusHours(1)),
                details("Kvindecafé", Visibility.PUBLIC)));
        assertThat(queries.waitlist(salen, null, 100).items()).singleElement().satisfies(w -> assertThat(w.status()).isEqualTo("WAITING"));

        String offered = UUID.randomUUID().toString();
        events.resourceEvent(salen, new WaitlistOffered(entry, offered, salen, centre, waiter, at(TUESDAY_10), at(TUESDAY_10.plusHours(1)),
                details("Kvindecafé", Visibility.PUBLIC)));
        assertThat(queries.resourceCalendar(salen, TUESDAY_10.toLocalDate(), Span.DAY).entries())
                .singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(BookingStatus.OFFERED));
        assertThat(queries.booking(offered).orElseThrow().waitlistEntryId()).isEqualTo(entry);

        events.resourceEvent(salen, new WaitlistOfferDeclined(entry, offered, salen, centre, waiter));
        assertThat(queries.resourceCalendar(salen, TUESDAY_10.toLocalDate(), Span.DAY).entries()).isEmpty();
        assertThat(queries.booking(offered).orElseThrow().status()).isEqualTo(BookingStatus.REJECTED);
        assertThat(queries.waitlist(salen, null, 100).items()).as("open entries only").isEmpty();
        assertThat(queries.waitlistHistory(salen, march(1, 31), null, 100).items()).singleElement()
                .satisfies(w -> assertThat(w.status()).isEqualTo("DECLINED"));

        String second = UUID.randomUUID().toString();
        String served = UUID.randomUUID().toString();
        LocalDateTime later = TUESDAY_10.plusHours(3);
        events.resourceEvent(salen, new WaitlistJoined(second, salen, centre, waiter, at(later), at(later.plusHours(1)),
                details("Kvindecafé 2", Visibility.PUBLIC)));
        events.resourceEvent(salen, new WaitlistServed(second, served, salen, centre, waiter));
        events.resourceEvent(salen, new BookingRequested(served, salen, centre, waiter, at(later), at(later.plusHours(1)),
                details("Kvindecafé 2", Visibility.PUBLIC), null, false));
        events.resourceEvent(salen, new BookingConfirmed(served, salen, centre, waiter, at(later), at(later.plusHours(1)),
                details("Kvindecafé 2", Visibility.PUBLIC), null, true));
        BookingView booking = queries.booking(served).orElseThrow();
        assertThat(booking.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(booking.fromWaitlist()).isTrue();
        assertThat(booking.waitlistEntryId()).isEqualTo(second);
        assertThat(booking.version()).isZero();
    }

    @Test
    void aZoneLookedUpBeforeItsCentreIsKnownIsNotKeptOnceTheCentreIs() {
        // The processor's segments may run on different nodes: this node can apply a resource's events before the
        // node holding the centre's segment has written the centre.
        CalendarFixtures otherNode = CalendarFixtures.direct(new CalendarProjection(jdbc), jdbc);
        String later = "later-" + UUID.randomUUID().toString().substring(0, 8);
        String room = UUID.randomUUID().toString();
        OffsetDateTime ten = OffsetDateTime.of(2027, 3, 2, 10, 0, 0, 0, ZoneOffset.UTC);
        events.resourceEvent(room, new BookingRequested(UUID.randomUUID().toString(), room, later, sumak, ten, ten.plusHours(1),
                details("Før huset kendes", Visibility.PUBLIC), null, true));

        otherNode.apply("Centre", later, new CentreDefined(later, "Húsið", "Reykjavík", "Atlantic/Reykjavik", null,
                CalendarFixtures.everyDay(LocalTime.of(8, 0), LocalTime.of(22, 0)), 48, List.of(), null));
        String after = UUID.randomUUID().toString();
        events.resourceEvent(room, new BookingRequested(after, room, later, sumak, ten.plusDays(1), ten.plusDays(1).plusHours(1),
                details("Efter", Visibility.PUBLIC), null, true));

        // Reykjavík is UTC all year; the fallback (Copenhagen) would say 11:00.
        assertThat(queries.booking(after).orElseThrow().localStart()).isEqualTo(LocalDateTime.of(2027, 3, 3, 10, 0));
    }

    private static QueryWindow.Range march(int from, int to) {
        return new QueryWindow.Range(LocalDate.of(2027, 3, from), LocalDate.of(2027, 3, to));
    }
}
