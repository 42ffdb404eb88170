package dk.bindeled.booking.domain;

import static dk.bindeled.booking.domain.FakeSupport.CENTRE;
import static dk.bindeled.booking.domain.FakeSupport.ZONE;
import static org.assertj.core.api.Assertions.assertThat;

import dk.bindeled.booking.api.BookingDetails;
import dk.bindeled.booking.api.BookingRules;
import dk.bindeled.booking.api.Commands.AcceptWaitlistOffer;
import dk.bindeled.booking.api.Commands.ApproveBooking;
import dk.bindeled.booking.api.Commands.ApproveSeries;
import dk.bindeled.booking.api.Commands.CancelBooking;
import dk.bindeled.booking.api.Commands.CancelSeriesFrom;
import dk.bindeled.booking.api.Commands.DeclineWaitlistOffer;
import dk.bindeled.booking.api.Commands.DefineResource;
import dk.bindeled.booking.api.Commands.FlagPartnerBookings;
import dk.bindeled.booking.api.Commands.JoinWaitlist;
import dk.bindeled.booking.api.Commands.MoveBooking;
import dk.bindeled.booking.api.Commands.RejectBooking;
import dk.bindeled.booking.api.Commands.RequestBooking;
import dk.bindeled.booking.api.Commands.RequestSeries;
import dk.bindeled.booking.api.Events.BookingCancelled;
import dk.bindeled.booking.api.Events.BookingConfirmed;
import dk.bindeled.booking.api.Events.BookingFlagged;
import dk.bindeled.booking.api.Events.BookingMoved;
import dk.bindeled.booking.api.Events.BookingRejected;
import dk.bindeled.booking.api.Events.BookingRequested;
import dk.bindeled.booking.api.Events.ResourceDefined;
import dk.bindeled.booking.api.Events.SeriesBooked;
import dk.bindeled.booking.api.Events.WaitlistJoined;
import dk.bindeled.booking.api.Events.WaitlistOffered;
import dk.bindeled.booking.api.Events.WaitlistServed;
import dk.bindeled.booking.api.Occurrence;
import dk.bindeled.booking.api.Quota;
import dk.bindeled.booking.api.Recurrence;
import dk.bindeled.booking.api.Recurrence.Frequency;
import dk.bindeled.events.booking.v1.BookingFlagged.FlagReason;
import dk.bindeled.events.booking.v1.CancellationReason;
import dk.bindeled.events.booking.v1.RejectionReason;
import dk.bindeled.events.booking.v1.ResourceKind;
import dk.bindeled.events.booking.v1.Visibility;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every rule of a resource's schedule, decided by the aggregate alone (tables replaced by in-memory fakes). */
class ResourceScheduleTest {

    /** Monday 1 March 2027, 10:00 in Copenhagen. */
    static final Instant NOW = LocalDateTime.of(2027, 3, 1, 10, 0).atZone(ZONE).toInstant();
    static final String ROOM = "motalavej-salen";
    static final String SUMAK = "p-sumak";
    static final String HEALTH_VISITOR = "p-sundhedsplejen";
    static final String OUTSIDER = "p-outsider";
    static final String GONE = "p-gone";
    static final BookingRules OPEN_TO_CENTRE = new BookingRules(BookingRules.Access.ALL_CENTRE_PARTNERS, List.of(), false, 240, 365);
    static final BookingRules NEEDS_APPROVAL = new BookingRules(BookingRules.Access.ALL_CENTRE_PARTNERS, List.of(), true, 240, 365);

    static final HoldPolicy HOLD = new HoldPolicy(HoldPolicy.DEFAULT_REQUESTED, HoldPolicy.DEFAULT_WAITLIST_OFFER);

    AggregateTestFixture<ResourceSchedule> fixture;
    FakeSupport.Centres centres;
    FakeSupport.Partners partners;
    FakeSupport.Ledger ledger;
    FakeSupport.Locator locator;

    @BeforeEach
    void setUp() {
        centres = new FakeSupport.Centres();
        partners = new FakeSupport.Partners().member(SUMAK, "Café Sumak").member(HEALTH_VISITOR, "Sundhedsplejen")
                .outsider(OUTSIDER, "Et andet hus").deactivated(GONE, "Nedlagt forening");
        ledger = new FakeSupport.Ledger();
        locator = new FakeSupport.Locator();
        newFixture();
    }

    /** A fresh fixture on the same fakes: Axon's stub deadline manager takes its start time only once per fixture. */
    void newFixture() {
        fixture = new AggregateTestFixture<>(ResourceSchedule.class);
        fixture.registerInjectableResource(centres);
        fixture.registerInjectableResource(partners);
        fixture.registerInjectableResource(ledger);
        fixture.registerInjectableResource(locator);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new BookingHorizon(3));
        fixture.registerInjectableResource(HOLD);
    }

    static ResourceDefined room(BookingRules rules) {
        return new ResourceDefined(ROOM, CENTRE, "Salen", ResourceKind.ROOM, 20, List.of("kitchen"), 15, rules);
    }

    static BookingDetails details(String title) {
        return new BookingDetails(title, "Formål", 12, "Familier", Visibility.PUBLIC, null, null);
    }

    static LocalDateTime at(int month, int day, int hour, int minute) {
        return LocalDateTime.of(2027, month, day, hour, minute);
    }

    static OffsetDateTime zoned(LocalDateTime local) {
        return local.atZone(ZONE).toOffsetDateTime();
    }

    static BookingConfirmed confirmed(String id, String partner, LocalDateTime start, LocalDateTime end) {
        return new BookingConfirmed(id, ROOM, CENTRE, partner, zoned(start), zoned(end), details("Babycafé"), null, false);
    }

    static BookingRequested requested(String id, String partner, LocalDateTime start, LocalDateTime end, boolean awaits) {
        return new BookingRequested(id, ROOM, CENTRE, partner, zoned(start), zoned(end), details("Babycafé"), null, awaits);
    }

    ResultValidator<ResourceSchedule> when(Object command, Object... given) {
        newFixture();
        return fixture.givenCurrentTime(NOW).andGiven(given).when(command);
    }

    /** A refusal for the named rule (its {@code rule} in the 409). */
    static org.hamcrest.Matcher<Object> rule(String code) {
        return new CustomTypeSafeMatcher<>("a refusal for the rule " + code) {
            @Override
            protected boolean matchesSafely(Object e) {
                return e instanceof RuleViolationException violation && violation.code().equals(code);
            }
        };
    }

    static List<Object> published(ResultValidator<ResourceSchedule> result) {
        List<Object> events = new ArrayList<>();
        result.expectEventsMatching(new CustomTypeSafeMatcher<List<EventMessage<?>>>("any events") {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> messages) {
                messages.forEach(m -> events.add(m.getPayload()));
                return true;
            }
        });
        return events;
    }

    // ------------------------------------------------------------------ defining

    @Test
    void aResourceNeedsAKnownCentreAndARoomNeedsSeats() {
        fixture.givenNoPriorActivity()
                .when(new DefineResource(ROOM, "nowhere", "Salen", ResourceKind.ROOM, null, List.of(), 15, OPEN_TO_CENTRE))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("centreId"), org.hamcrest.Matchers.containsString("capacity")))
                .expectNoEvents();
    }

    @Test
    void featuresAreStoredInLowerCase() {
        fixture.givenNoPriorActivity()
                .when(new DefineResource(ROOM, CENTRE, "Salen", ResourceKind.ROOM, 20, List.of(" Kitchen", "kitchen", "Projektor"), 15,
                        OPEN_TO_CENTRE))
                .expectEvents(new ResourceDefined(ROOM, CENTRE, "Salen", ResourceKind.ROOM, 20, List.of("kitchen", "projektor"), 15,
                        OPEN_TO_CENTRE));
    }

    // ------------------------------------------------------------------ booking

    @Test
    void aFreeSlotIsConfirmedAtOnceWhenNoApprovalIsNeeded() {
        when(new RequestBooking(ROOM, "b1", SUMAK, at(3, 2, 10, 0), at(3, 2, 12, 0), details("Babycafé")), room(OPEN_TO_CENTRE))
                .expectEvents(requested("b1", SUMAK, at(3, 2, 10, 0), at(3, 2, 12, 0), false),
                        confirmed("b1", SUMAK, at(3, 2, 10, 0), at(3, 2, 12, 0)))
                .expectResultMessagePayload(new dk.bindeled.booking.api.Results.BookingResult("b1", dk.bindeled.booking.api.Results.Status.CONFIRMED));
        assertThat(locator.find("b1")).isPresent();
    }

    @Test
    void aResourceThatNeedsApprovalHoldsTheRequestUntilTheManagerDecides() {
        when(new RequestBooking(ROOM, "b1", SUMAK, at(3, 2, 10, 0), at(3, 2, 12, 0), details("Babycafé")), room(NEEDS_APPROVAL))
                .expectEvents(requested("b1", SUMAK, at(3, 2, 10, 0), at(3, 2, 12, 0), true));
        when(new ApproveBooking(ROOM, "b1"), room(NEEDS_APPROVAL), requested("b1", SUMAK, at(3, 2, 10, 0), at(3, 2, 12, 0), true))
                .expectEvents(confirmed("b1", SUMAK, at(3, 2, 10, 0), at(3, 2, 12, 0)));
        when(new RejectBooking(ROOM, "b1", RejectionReason.ROOM_NEEDED_ELSEWHERE, "Salen bruges til husrådsmøde"), room(NEEDS_APPROVAL),
                requested("b1", SUMAK, at(3, 2, 10, 0), at(3, 2, 12, 0), true))
                .expectEvents(new BookingRejected("b1", ROOM, CENTRE, SUMAK, RejectionReason.ROOM_NEEDED_ELSEWHERE,
                        "Salen bruges til husrådsmøde"));
    }

    @Test
    void aPendingRequestAlsoHoldsItsSlot() {
        when(new RequestBooking(ROOM, "b2", HEALTH_VISITOR, at(3, 2, 11, 0), at(3, 2, 13, 0), details("Sundhedspleje")),
                room(NEEDS_APPROVAL), requested("b1", SUMAK, at(3, 2, 10, 0), at(3, 2, 12, 0), true))
                .expectException(BookingConflictException.class)
                .expectNoEvents();
    }

    @Test
    void anOverlapIsRefusedAndTheCleaningBufferCountsOnBothSides() {
        Object[] given = {room(OPEN_TO_CENTRE), confirmed("b1", SUMAK, at(3, 2, 10, 0), at(3, 2, 12, 0))};
        when(new RequestBooking(ROOM, "b2", HEALTH_VISITOR, at(3, 2, 11, 0), at(3, 2, 11, 30), details("x")), given)
                .expectException(BookingConflictException.class).expectNoEvents();
        // Ends 09:50: the 15-minute buffer after it reaches into the 10:00 booking.
        when(new RequestBooking(ROOM, "b2", HEALTH_VISITOR, at(3, 2, 9, 0), at(3, 2, 9, 50), details("x")), given)
                .expectException(BookingConflictException.class).expectNoEvents();
        // Starts 12:10: inside the buffer after the 12:00 end.
        when(new RequestBooking(ROOM, "b2", HEALTH_VISITOR, at(3, 2, 12, 10), at(3, 2, 13, 0), details("x")), given)
                .expectException(BookingConflictException.class).expectNoEvents();
        when(new RequestBooking(ROOM, "b2", HEALTH_VISITOR, at(3, 2, 12, 15), at(3, 2, 13, 0), details("x")), given)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theClashNamesTheBookingInTheWay() {
        List<Clash> clashes = new ArrayList<>();
        when(new RequestBooking(ROOM, "b2", HEALTH_VISITOR, at(3, 2, 11, 0), at(3, 2, 13, 0), details("x")),
                room(OPEN_TO_CENTRE), confirmed("b1", SUMAK, at(3, 2, 10, 0), at(3, 2, 12, 0)))
                .expectException(new CustomTypeSafeMatcher<BookingConflictException>("conflict") {
                    @Override
                    protected boolean matchesSafely(BookingConflictException e) {
                        clashes.addAll(e.clashes());
                        return true;
                    }
                });
        assertThat(clashes).singleElement().satisfies(c -> {
            assertThat(c.bookingId()).isEqualTo("b1");
            assertThat(c.date()).isEqualTo(LocalDate.of(2027, 3, 2));
            assertThat(c.status()).isEqualTo("CONFIRMED");
        });
    }

    @Test
    void badTimesAreRefusedNamingEachField() {
        Object[] given = {room(OPEN_TO_CENTRE)};
        assertFields(when(new RequestBooking(ROOM, "b", SUMAK, at(3, 2, 12, 0), at(3, 2, 10, 0), details("x")), given), "end");
        assertFields(when(new RequestBooking(ROOM, "b", SUMAK, at(3, 2, 12, 0), at(3, 2, 12, 0), details("x")), given), "end");
        assertFields(when(new RequestBooking(ROOM, "b", SUMAK, at(2, 27, 10, 0), at(2, 27, 11, 0), details("x")), given), "start");
        // Longer than the resource allows (4 h), and outside the opening hours (22:00).
        assertFields(when(new RequestBooking(ROOM, "b", SUMAK, at(3, 2, 17, 0), at(3, 2, 23, 0), details("x")), given), "end", "start");
        // More than 365 days ahead.
        assertFields(when(new RequestBooking(ROOM, "b", SUMAK, LocalDateTime.of(2028, 3, 7, 10, 0), LocalDateTime.of(2028, 3, 7, 11, 0),
                details("x")), given), "start");
        BookingDetails crowd = new BookingDetails("Fællesspisning", null, 60, null, Visibility.PUBLIC, null, null);
        assertFields(when(new RequestBooking(ROOM, "b", SUMAK, at(3, 2, 17, 0), at(3, 2, 19, 0), crowd), given), "attendees");
        assertThat(locator.locations).isEmpty();
    }

    private static void assertFields(ResultValidator<ResourceSchedule> result, String... expected) {
        List<String> fields = new ArrayList<>();
        result.expectException(new CustomTypeSafeMatcher<InvalidInputException>("invalid input") {
            @Override
            protected boolean matchesSafely(InvalidInputException e) {
                e.problems().forEach(p -> fields.add(p.field()));
                return true;
            }
        }).expectNoEvents();
        assertThat(fields).containsExactlyInAnyOrder(expected);
    }

    @Test
    void onlyActiveMembersOrListedPartnersMayBook() {
        Object[] given = {room(OPEN_TO_CENTRE)};
        when(new RequestBooking(ROOM, "b", "p-unknown", at(3, 2, 10, 0), at(3, 2, 11, 0), details("x")), given)
                .expectException(InvalidInputException.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("partnerId"));
        when(new RequestBooking(ROOM, "b", GONE, at(3, 2, 10, 0), at(3, 2, 11, 0), details("x")), given)
                .expectException(NotAllowedException.class).expectNoEvents();
        when(new RequestBooking(ROOM, "b", OUTSIDER, at(3, 2, 10, 0), at(3, 2, 11, 0), details("x")), given)
                .expectException(NotAllowedException.class).expectNoEvents();
        BookingRules listed = new BookingRules(BookingRules.Access.LISTED_PARTNERS, List.of(HEALTH_VISITOR), false, null, null);
        when(new RequestBooking(ROOM, "b", SUMAK, at(3, 2, 10, 0), at(3, 2, 11, 0), details("x")), room(listed))
                .expectException(NotAllowedException.class).expectNoEvents();
        when(new RequestBooking(ROOM, "b", HEALTH_VISITOR, at(3, 2, 10, 0), at(3, 2, 11, 0), details("x")), room(listed))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aQuotaIsEnforcedAtBookingWithAClearReason() {
        centres.quotas.put(SUMAK, new Quota(3, 1));
        Object[] given = {room(OPEN_TO_CENTRE)};
        when(new RequestBooking(ROOM, "b1", SUMAK, at(3, 1, 12, 0), at(3, 1, 14, 0), details("x")), given)
                .expectSuccessfulHandlerExecution();
        // Two more hours the same ISO week: 4 > 3.
        when(new RequestBooking(ROOM, "b2", SUMAK, at(3, 3, 12, 0), at(3, 3, 14, 0), details("x")), given)
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("3 hours per week"))
                .expectNoEvents();
        // Tuesday 16–20 is peak time: 1.5 h of it > 1.
        when(new RequestBooking(ROOM, "b3", SUMAK, at(3, 9, 15, 0), at(3, 9, 17, 30), details("x")), given)
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("peak"));
        // The next week has its own hours.
        when(new RequestBooking(ROOM, "b4", SUMAK, at(3, 10, 12, 0), at(3, 10, 14, 0), details("x")), given)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aCancellationInsideTheNoticePeriodIsRecordedAsLate() {
        Object[] given = {room(OPEN_TO_CENTRE), confirmed("b1", SUMAK, at(3, 2, 10, 0), at(3, 2, 12, 0)),
                confirmed("b2", SUMAK, at(3, 10, 10, 0), at(3, 10, 12, 0))};
        when(new CancelBooking(ROOM, "b1", CancellationReason.ORGANISER_UNAVAILABLE, "Sygdom"), given).expectEvents(new BookingCancelled("b1", ROOM, CENTRE, SUMAK,
                zoned(at(3, 2, 10, 0)), zoned(at(3, 2, 12, 0)), true, CancellationReason.ORGANISER_UNAVAILABLE, "Sygdom", null));
        when(new CancelBooking(ROOM, "b2", CancellationReason.ORGANISER_CANCELLED, null), given).expectEvents(new BookingCancelled("b2", ROOM, CENTRE, SUMAK,
                zoned(at(3, 10, 10, 0)), zoned(at(3, 10, 12, 0)), false, CancellationReason.ORGANISER_CANCELLED, null, null));
    }

    @Test
    void aRejectionOrCancellationNeedsACategoryWhateverItsNoteSays() {
        Object[] pending = {room(NEEDS_APPROVAL), requested("b1", SUMAK, at(3, 2, 10, 0), at(3, 2, 12, 0), true)};
        when(new RejectBooking(ROOM, "b1", null, "Salen bruges til husrådsmøde"), pending)
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("reasonCategory")).expectNoEvents();
        Object[] confirmed = {room(OPEN_TO_CENTRE), confirmed("b1", SUMAK, at(3, 2, 10, 0), at(3, 2, 12, 0))};
        when(new CancelBooking(ROOM, "b1", null, "Sygdom"), confirmed)
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("reasonCategory")).expectNoEvents();
    }

    @Test
    void aMoveKeepsTheBookingAndIsCheckedLikeANewBooking() {
        Object[] given = {room(OPEN_TO_CENTRE), confirmed("b1", SUMAK, at(3, 2, 10, 0), at(3, 2, 12, 0)),
                confirmed("b2", HEALTH_VISITOR, at(3, 2, 14, 0), at(3, 2, 16, 0))};
        when(new MoveBooking(ROOM, "b1", at(3, 2, 13, 0), at(3, 2, 15, 0)), given)
                .expectException(BookingConflictException.class).expectNoEvents();
        // Moving over its own old time is fine.
        when(new MoveBooking(ROOM, "b1", at(3, 2, 11, 0), at(3, 2, 13, 0)), given)
                .expectEvents(new BookingMoved("b1", ROOM, CENTRE, SUMAK, zoned(at(3, 2, 10, 0)), zoned(at(3, 2, 12, 0)),
                        zoned(at(3, 2, 11, 0)), zoned(at(3, 2, 13, 0)), null));
    }

    @Test
    void aMoveChangesTheQuotaAsOneNetChangeAndIsRefusedWhenTheNewWeekIsFull() {
        centres.quotas.put(SUMAK, new Quota(3, null));
        Object[] given = {room(OPEN_TO_CENTRE), confirmed("b1", SUMAK, at(3, 2, 10, 0), at(3, 2, 12, 0)),
                confirmed("b2", SUMAK, at(3, 9, 10, 0), at(3, 9, 12, 0))};
        ledger.tryReserve(CENTRE, SUMAK, java.util.Map.of("2027-W09", new QuotaLedger.Use(120, 0), "2027-W10", new QuotaLedger.Use(120, 0)), null);
        // Week 10 holds 2 of its 3 hours: 2 more do not fit.
        when(new MoveBooking(ROOM, "b1", at(3, 9, 14, 0), at(3, 9, 16, 0)), given)
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("2027-W10"))
                .expectNoEvents();
        assertThat(ledger.used).containsEntry(SUMAK + "/2027-W09", new QuotaLedger.Use(120, 0))
                .containsEntry(SUMAK + "/2027-W10", new QuotaLedger.Use(120, 0));
        // One hour fits: week 9 gives back 2 hours, week 10 takes 1, through the one operation that orders the weeks.
        ledger.moves.clear();
        when(new MoveBooking(ROOM, "b1", at(3, 9, 14, 0), at(3, 9, 15, 0)), given).expectSuccessfulHandlerExecution();
        assertThat(ledger.moves).containsExactly(SUMAK + " [2027-W09] -> [2027-W10]");
        assertThat(ledger.used).containsEntry(SUMAK + "/2027-W09", new QuotaLedger.Use(0, 0))
                .containsEntry(SUMAK + "/2027-W10", new QuotaLedger.Use(180, 0));
    }

    @Test
    void theNetChangeOfAMoveIsPerWeekSortedAndLeavesOutUnchangedWeeks() {
        var from = java.util.Map.of("2027-W10", new QuotaLedger.Use(120, 60), "2027-W09", new QuotaLedger.Use(60, 0));
        var to = java.util.Map.of("2027-W09", new QuotaLedger.Use(60, 0), "2027-W08", new QuotaLedger.Use(30, 30));
        assertThat(QuotaLedger.change(from, to)).containsExactly(
                java.util.Map.entry("2027-W08", new QuotaLedger.Use(30, 30)),
                java.util.Map.entry("2027-W10", new QuotaLedger.Use(-120, -60)));
    }

    /** A resource whose own rules set no limit on length or on how far ahead: only the service-wide horizon applies. */
    static final BookingRules NO_LIMITS = new BookingRules(BookingRules.Access.ALL_CENTRE_PARTNERS, List.of(), false, null, null);

    @Test
    void nothingCanBeBookedBeyondTheHorizonOrAfterTheYear9999() {
        // The year 10000 does not fit the quota ledger's ISO week ("10000-W01"): bad input, not a failure.
        when(new RequestBooking(ROOM, "b1", SUMAK, LocalDateTime.of(10000, 1, 4, 10, 0), LocalDateTime.of(10000, 1, 4, 12, 0),
                details("x")), room(NO_LIMITS))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.startsWith("start "),
                        org.hamcrest.Matchers.containsString("9999")))
                .expectNoEvents();
        assertThat(ledger.used).isEmpty();
        when(new RequestBooking(ROOM, "b1", SUMAK, LocalDateTime.of(2030, 3, 5, 10, 0), LocalDateTime.of(2030, 3, 5, 12, 0),
                details("x")), room(NO_LIMITS))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("start is more than 3 years ahead")
                .expectNoEvents();
        // Three years from Monday 1 March 2027 10:00 is 1 March 2030 10:00: a booking that starts before but ends after it.
        when(new RequestBooking(ROOM, "b1", SUMAK, LocalDateTime.of(2030, 3, 1, 8, 0), LocalDateTime.of(2030, 3, 1, 11, 0),
                details("x")), room(NO_LIMITS))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("end is more than 3 years ahead");
        when(new MoveBooking(ROOM, "b1", LocalDateTime.of(10000, 1, 4, 10, 0), LocalDateTime.of(10000, 1, 4, 12, 0)),
                room(NO_LIMITS), confirmed("b1", SUMAK, at(3, 2, 10, 0), at(3, 2, 12, 0)))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("start "))
                .expectNoEvents();
        // A series whose first date is near but whose last is beyond the horizon names what makes it reach so far.
        when(new RequestSeries(ROOM, "s1", SUMAK, at(3, 2, 10, 0), at(3, 2, 12, 0),
                new Recurrence(Frequency.WEEKLY, null, 200, List.of()), false, details("Lektiecafé")), room(NO_LIMITS))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.startsWith("recurrence.count reaches 2030-"),
                        org.hamcrest.Matchers.containsString("more than 3 years ahead")))
                .expectNoEvents();
        when(new RequestBooking(ROOM, "b1", SUMAK, LocalDateTime.of(2030, 2, 26, 10, 0), LocalDateTime.of(2030, 2, 26, 12, 0),
                details("x")), room(NO_LIMITS))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aBookingThatHasStartedCannotBeApproved() {
        when(new ApproveBooking(ROOM, "b1"), room(NEEDS_APPROVAL), requested("b1", SUMAK, at(3, 1, 9, 30), at(3, 1, 11, 30), true))
                .expectException(rule("already-started"))
                .expectNoEvents();
        when(new ApproveBooking(ROOM, "b1"), room(NEEDS_APPROVAL), requested("b1", SUMAK, at(3, 1, 10, 30), at(3, 1, 11, 30), true))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void approvingASeriesConfirmsOnlyTheOccurrencesThatHaveNotStarted() {
        Occurrence underWay = new Occurrence("o1", zoned(at(3, 1, 9, 30)), zoned(at(3, 1, 11, 30)));
        Occurrence coming = new Occurrence("o2", zoned(at(3, 8, 9, 30)), zoned(at(3, 8, 11, 30)));
        SeriesBooked both = new SeriesBooked("s1", ROOM, CENTRE, SUMAK, details("Husråd"), weeklyUntil(LocalDate.of(2027, 3, 8)),
                "FREQ=WEEKLY;BYDAY=MO", underWay.start(), underWay.end(), List.of(underWay, coming), List.of(), List.of(), false);
        when(new ApproveSeries(ROOM, "s1"), room(NEEDS_APPROVAL), both)
                .expectEvents(new BookingConfirmed("o2", ROOM, CENTRE, SUMAK, coming.start(), coming.end(), details("Husråd"), "s1", false));
        SeriesBooked startedOnly = new SeriesBooked("s1", ROOM, CENTRE, SUMAK, details("Husråd"), weeklyUntil(LocalDate.of(2027, 3, 1)),
                "FREQ=WEEKLY;BYDAY=MO", underWay.start(), underWay.end(), List.of(underWay), List.of(), List.of(), false);
        when(new ApproveSeries(ROOM, "s1"), room(NEEDS_APPROVAL), startedOnly)
                .expectException(rule("already-started"))
                .expectNoEvents();
    }

    @Test
    void unknownOrEndedBookingsAreNotFound() {
        when(new CancelBooking(ROOM, "nope", CancellationReason.OTHER, "x"), room(OPEN_TO_CENTRE)).expectException(NotFoundException.class);
        when(new ApproveBooking(ROOM, "b1"), room(OPEN_TO_CENTRE), confirmed("b1", SUMAK, at(3, 2, 10, 0), at(3, 2, 12, 0)))
                .expectException(RuleViolationException.class);
    }

    @Test
    void aBookingIsForgottenOnceItAndItsCleaningBufferHaveEndedAndNotBefore() {
        Instant afterFirst = zoned(at(3, 2, 12, 20)).toInstant();
        Instant afterSecond = zoned(at(3, 9, 12, 20)).toInstant();
        // b1 ends 3/2 12:00 (+15 min cleaning), b2 a week later; the events that come after are stored later.
        var given = fixture.givenCurrentTime(NOW)
                .andGiven(room(OPEN_TO_CENTRE), confirmed("b1", SUMAK, at(3, 2, 10, 0), at(3, 2, 12, 0)),
                        confirmed("b2", SUMAK, at(3, 9, 10, 0), at(3, 9, 12, 0)))
                .andGivenCurrentTime(zoned(at(3, 2, 12, 10)).toInstant())
                .andGiven(confirmed("b3", SUMAK, at(3, 16, 10, 0), at(3, 16, 12, 0)))
                .andGivenCurrentTime(afterFirst)
                .andGiven(confirmed("b4", SUMAK, at(3, 23, 10, 0), at(3, 23, 12, 0)));
        // Still in its cleaning buffer at 12:10, b1 was kept; at 12:20 it was dropped. b2 is still held.
        given.when(new CancelBooking(ROOM, "b1", CancellationReason.OTHER, "for sent")).expectException(NotFoundException.class);

        fixture.givenCurrentTime(NOW)
                .andGiven(room(OPEN_TO_CENTRE), confirmed("b1", SUMAK, at(3, 2, 10, 0), at(3, 2, 12, 0)),
                        confirmed("b2", SUMAK, at(3, 9, 10, 0), at(3, 9, 12, 0)))
                .andGivenCurrentTime(afterFirst)
                .andGiven(confirmed("b3", SUMAK, at(3, 16, 10, 0), at(3, 16, 12, 0)))
                .andGivenCurrentTime(afterSecond)
                .andGiven(confirmed("b4", SUMAK, at(3, 23, 10, 0), at(3, 23, 12, 0)))
                // Once b1 was dropped, the next scan is due when b2 ends: it is dropped too, b3 is kept.
                .when(new CancelBooking(ROOM, "b2", CancellationReason.OTHER, "for sent")).expectException(NotFoundException.class);

        fixture.givenCurrentTime(NOW)
                .andGiven(room(OPEN_TO_CENTRE), confirmed("b1", SUMAK, at(3, 2, 10, 0), at(3, 2, 12, 0)),
                        confirmed("b2", SUMAK, at(3, 9, 10, 0), at(3, 9, 12, 0)))
                .andGivenCurrentTime(zoned(at(3, 2, 12, 10)).toInstant())
                .andGiven(confirmed("b3", SUMAK, at(3, 16, 10, 0), at(3, 16, 12, 0)))
                .when(new CancelBooking(ROOM, "b1", CancellationReason.OTHER, "for sent")).expectSuccessfulHandlerExecution();
    }

    // ------------------------------------------------------------------ series

    static Recurrence weeklyUntil(LocalDate until, LocalDate... exceptions) {
        return new Recurrence(Frequency.WEEKLY, until, null, List.of(exceptions));
    }

    @Test
    void aSeriesWithAClashIsRefusedWholeListingEveryClashingDate() {
        List<LocalDate> dates = new ArrayList<>();
        when(new RequestSeries(ROOM, "s1", SUMAK, at(3, 2, 10, 0), at(3, 2, 12, 0), weeklyUntil(LocalDate.of(2027, 3, 30)), false,
                details("Babycafé")), room(OPEN_TO_CENTRE),
                confirmed("x1", HEALTH_VISITOR, at(3, 9, 11, 0), at(3, 9, 12, 0)),
                confirmed("x2", HEALTH_VISITOR, at(3, 23, 9, 0), at(3, 23, 10, 30)))
                .expectException(new CustomTypeSafeMatcher<BookingConflictException>("conflict") {
                    @Override
                    protected boolean matchesSafely(BookingConflictException e) {
                        e.clashes().forEach(c -> dates.add(c.date()));
                        return true;
                    }
                })
                .expectNoEvents();
        assertThat(dates).containsExactly(LocalDate.of(2027, 3, 9), LocalDate.of(2027, 3, 23));
        assertThat(locator.locations).isEmpty();
    }

    @Test
    void aSeriesThatSkipsClashesListsTheSkippedDates() {
        List<Object> events = published(when(new RequestSeries(ROOM, "s1", SUMAK, at(3, 2, 10, 0), at(3, 2, 12, 0),
                weeklyUntil(LocalDate.of(2027, 3, 30), LocalDate.of(2027, 3, 16)), true, details("Babycafé")), room(OPEN_TO_CENTRE),
                confirmed("x1", HEALTH_VISITOR, at(3, 9, 11, 0), at(3, 9, 12, 0))));
        SeriesBooked series = (SeriesBooked) events.get(0);
        assertThat(series.occurrences()).extracting(o -> o.start().toLocalDate())
                .containsExactly(LocalDate.of(2027, 3, 2), LocalDate.of(2027, 3, 23), LocalDate.of(2027, 3, 30));
        assertThat(series.skippedDates()).containsExactly(LocalDate.of(2027, 3, 9));
        assertThat(series.exdates()).containsExactly(LocalDate.of(2027, 3, 9), LocalDate.of(2027, 3, 16));
        assertThat(series.rrule()).startsWith("FREQ=WEEKLY;BYDAY=TU;UNTIL=20270330T");
        assertThat(series.confirmed()).isTrue();
        assertThat(locator.locations).hasSize(4);
    }

    @Test
    void aWeeklySeriesKeeps1700AcrossBothDaylightSavingChanges() {
        List<Object> events = published(when(new RequestSeries(ROOM, "s1", SUMAK, at(3, 21, 17, 0), at(3, 21, 19, 0),
                weeklyUntil(LocalDate.of(2027, 11, 7)), false, details("Tirsdagstræf")), room(OPEN_TO_CENTRE)));
        SeriesBooked series = (SeriesBooked) events.get(0);
        for (Occurrence o : series.occurrences()) {
            assertThat(o.start().atZoneSameInstant(ZONE).toLocalTime()).isEqualTo(LocalTime.of(17, 0));
            assertThat(o.end().atZoneSameInstant(ZONE).toLocalTime()).isEqualTo(LocalTime.of(19, 0));
            assertThat(o.start().getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        }
        // The last Sundays of March and October 2027 are the 28th and the 31st.
        assertThat(offsetOn(series, LocalDate.of(2027, 3, 21))).isEqualTo(ZoneOffset.ofHours(1));
        assertThat(offsetOn(series, LocalDate.of(2027, 3, 28))).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(offsetOn(series, LocalDate.of(2027, 10, 24))).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(offsetOn(series, LocalDate.of(2027, 10, 31))).isEqualTo(ZoneOffset.ofHours(1));
        assertThat(series.occurrences()).hasSize(34);
    }

    private static ZoneOffset offsetOn(SeriesBooked series, LocalDate date) {
        return series.occurrences().stream().filter(o -> o.start().toLocalDate().equals(date)).findFirst().orElseThrow().start().getOffset();
    }

    @Test
    void aMonthlySeriesKeepsTheWeekdayOfTheMonth() {
        List<Object> events = published(when(new RequestSeries(ROOM, "s1", SUMAK, at(3, 2, 19, 0), at(3, 2, 21, 0),
                new Recurrence(Frequency.MONTHLY, null, 4, List.of()), false, details("Husrådsmøde")), room(OPEN_TO_CENTRE)));
        SeriesBooked series = (SeriesBooked) events.get(0);
        assertThat(series.occurrences()).extracting(o -> o.start().toLocalDate()).containsExactly(
                LocalDate.of(2027, 3, 2), LocalDate.of(2027, 4, 6), LocalDate.of(2027, 5, 4), LocalDate.of(2027, 6, 1));
        assertThat(series.rrule()).isEqualTo("FREQ=MONTHLY;BYDAY=1TU;COUNT=4");
    }

    @Test
    void oneOccurrenceOrThisAndAllLaterOnesCanBeCancelled() {
        List<Object> booked = published(when(new RequestSeries(ROOM, "s1", SUMAK, at(3, 2, 10, 0), at(3, 2, 12, 0),
                weeklyUntil(LocalDate.of(2027, 3, 30)), false, details("Babycafé")), room(OPEN_TO_CENTRE)));
        SeriesBooked series = (SeriesBooked) booked.get(0);
        List<Object> cancelled = published(when(new CancelSeriesFrom(ROOM, "s1", LocalDate.of(2027, 3, 16), CancellationReason.ORGANISER_CANCELLED,
                "Forløbet slutter"),
                room(OPEN_TO_CENTRE), series));
        assertThat(cancelled).hasSize(3).allSatisfy(e -> assertThat(e).isInstanceOf(BookingCancelled.class));
        assertThat(cancelled).extracting(e -> ((BookingCancelled) e).start().toLocalDate())
                .containsExactly(LocalDate.of(2027, 3, 16), LocalDate.of(2027, 3, 23), LocalDate.of(2027, 3, 30));
        String second = series.occurrences().get(1).bookingId();
        when(new CancelBooking(ROOM, second, CancellationReason.ROOM_UNAVAILABLE, "Helligdag"), room(OPEN_TO_CENTRE), series)
                .expectEvents(new BookingCancelled(second, ROOM, CENTRE, SUMAK, zoned(at(3, 9, 10, 0)), zoned(at(3, 9, 12, 0)),
                        false, CancellationReason.ROOM_UNAVAILABLE, "Helligdag", "s1"));
    }

    // ------------------------------------------------------------------ waitlist

    static WaitlistJoined waiting(String entry, String partner, LocalDateTime start, LocalDateTime end) {
        return new WaitlistJoined(entry, ROOM, CENTRE, partner, zoned(start), zoned(end), details("Venter"));
    }

    @Test
    void waitingForAFreeSlotIsRefused() {
        when(new JoinWaitlist(ROOM, "w1", SUMAK, at(3, 2, 10, 0), at(3, 2, 12, 0), details("x")), room(OPEN_TO_CENTRE))
                .expectException(RuleViolationException.class).expectNoEvents();
        when(new JoinWaitlist(ROOM, "w1", SUMAK, at(3, 2, 10, 0), at(3, 2, 12, 0), details("x")), room(OPEN_TO_CENTRE),
                confirmed("b1", HEALTH_VISITOR, at(3, 2, 10, 0), at(3, 2, 12, 0)))
                .expectEvents(new WaitlistJoined("w1", ROOM, CENTRE, SUMAK, zoned(at(3, 2, 10, 0)), zoned(at(3, 2, 12, 0)), details("x")));
    }

    @Test
    void aFreedSlotGoesToTheFirstInLineAndIsConfirmedAtOnceWhereTheRulesAllow() {
        List<Object> events = published(when(new CancelBooking(ROOM, "b1", CancellationReason.ORGANISER_CANCELLED, null), room(OPEN_TO_CENTRE),
                confirmed("b1", HEALTH_VISITOR, at(3, 2, 10, 0), at(3, 2, 12, 0)),
                waiting("w1", SUMAK, at(3, 2, 10, 0), at(3, 2, 12, 0)),
                waiting("w2", HEALTH_VISITOR, at(3, 2, 10, 0), at(3, 2, 11, 0))));
        assertThat(events).hasSize(4);
        assertThat(events.get(0)).isInstanceOf(BookingCancelled.class);
        WaitlistServed served = (WaitlistServed) events.get(1);
        assertThat(served.entryId()).isEqualTo("w1");
        assertThat(events.get(2)).isInstanceOf(BookingRequested.class);
        BookingConfirmed confirmed = (BookingConfirmed) events.get(3);
        assertThat(confirmed.partnerId()).isEqualTo(SUMAK);
        assertThat(confirmed.fromWaitlist()).isTrue();
        assertThat(confirmed.bookingId()).isEqualTo(served.bookingId());
    }

    @Test
    void whereApprovalIsNeededTheFreedSlotIsOfferedAndTheOfferCanBeAcceptedOrPassedOn() {
        List<Object> events = published(when(new RejectBooking(ROOM, "b1", RejectionReason.OTHER, null), room(NEEDS_APPROVAL),
                requested("b1", HEALTH_VISITOR, at(3, 2, 10, 0), at(3, 2, 12, 0), true),
                waiting("w1", SUMAK, at(3, 2, 10, 0), at(3, 2, 12, 0))));
        assertThat(events).hasSize(2);
        WaitlistOffered offer = (WaitlistOffered) events.get(1);
        assertThat(offer.partnerId()).isEqualTo(SUMAK);
        when(new AcceptWaitlistOffer(ROOM, offer.bookingId()), room(NEEDS_APPROVAL), offer)
                .expectEvents(new BookingRequested(offer.bookingId(), ROOM, CENTRE, SUMAK, offer.start(), offer.end(), offer.details(),
                        null, true));
        List<Object> declined = published(when(new DeclineWaitlistOffer(ROOM, offer.bookingId()), room(NEEDS_APPROVAL),
                waiting("w2", HEALTH_VISITOR, at(3, 2, 10, 0), at(3, 2, 12, 0)), offer));
        assertThat(declined).hasSize(2);
        assertThat(((WaitlistOffered) declined.get(1)).entryId()).isEqualTo("w2");
    }

    // ------------------------------------------------------------------ partner changes

    @Test
    void theComingBookingsOfADeactivatedPartnerAreFlaggedNotCancelled() {
        when(new FlagPartnerBookings(ROOM, SUMAK, FlagReason.PARTNER_DEACTIVATED), room(OPEN_TO_CENTRE),
                confirmed("b1", SUMAK, at(3, 2, 10, 0), at(3, 2, 12, 0)),
                confirmed("b2", HEALTH_VISITOR, at(3, 3, 10, 0), at(3, 3, 12, 0)))
                .expectEvents(new BookingFlagged("b1", ROOM, CENTRE, SUMAK, zoned(at(3, 2, 10, 0)), zoned(at(3, 2, 12, 0)),
                        FlagReason.PARTNER_DEACTIVATED));
        when(new FlagPartnerBookings(ROOM, SUMAK, FlagReason.PARTNER_DEACTIVATED), room(OPEN_TO_CENTRE),
                confirmed("b1", SUMAK, at(3, 2, 10, 0), at(3, 2, 12, 0)),
                new BookingFlagged("b1", ROOM, CENTRE, SUMAK, zoned(at(3, 2, 10, 0)), zoned(at(3, 2, 12, 0)), FlagReason.PARTNER_DEACTIVATED))
                .expectNoEvents();
    }
}
