package dk.bindeled.booking.domain;

import static dk.bindeled.booking.domain.FakeSupport.CENTRE;
import static dk.bindeled.booking.domain.ResourceScheduleTest.HEALTH_VISITOR;
import static dk.bindeled.booking.domain.ResourceScheduleTest.HOLD;
import static dk.bindeled.booking.domain.ResourceScheduleTest.NEEDS_APPROVAL;
import static dk.bindeled.booking.domain.ResourceScheduleTest.NOW;
import static dk.bindeled.booking.domain.ResourceScheduleTest.ROOM;
import static dk.bindeled.booking.domain.ResourceScheduleTest.SUMAK;
import static dk.bindeled.booking.domain.ResourceScheduleTest.published;
import static dk.bindeled.booking.domain.ResourceScheduleTest.waiting;
import static dk.bindeled.booking.domain.ResourceScheduleTest.at;
import static dk.bindeled.booking.domain.ResourceScheduleTest.details;
import static dk.bindeled.booking.domain.ResourceScheduleTest.requested;
import static dk.bindeled.booking.domain.ResourceScheduleTest.room;
import static dk.bindeled.booking.domain.ResourceScheduleTest.weeklyUntil;
import static dk.bindeled.booking.domain.ResourceScheduleTest.zoned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.bindeled.booking.api.Commands.AcceptWaitlistOffer;
import dk.bindeled.booking.api.Commands.ApproveBooking;
import dk.bindeled.booking.api.Commands.ApproveSeries;
import dk.bindeled.booking.api.Commands.RequestSeries;
import dk.bindeled.booking.api.Occurrence;
import dk.bindeled.booking.api.Events.SeriesBooked;
import dk.bindeled.booking.api.Commands.RejectBooking;
import dk.bindeled.booking.api.Commands.RequestBooking;
import dk.bindeled.booking.api.Events.BookingLapsed;
import dk.bindeled.booking.api.Events.WaitlistOfferLapsed;
import dk.bindeled.booking.api.Events.WaitlistOffered;
import dk.bindeled.events.booking.v1.RejectionReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hold policy on the schedule: a request waits for approval only so long, with Axon's stub deadline manager. */
class HoldLapseTest {

    AggregateTestFixture<ResourceSchedule> fixture;
    FakeSupport.Ledger ledger;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ResourceSchedule.class);
        ledger = new FakeSupport.Ledger();
        fixture.registerInjectableResource(new FakeSupport.Centres());
        fixture.registerInjectableResource(new FakeSupport.Partners().member(SUMAK, "Café Sumak").member(HEALTH_VISITOR, "Sundhedsplejen"));
        fixture.registerInjectableResource(ledger);
        fixture.registerInjectableResource(new FakeSupport.Locator());
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new BookingHorizon(3));
        fixture.registerInjectableResource(HOLD);
    }

    @Test
    void aRequestSchedulesItsHoldAndLapsesWhenNobodyDecides() {
        fixture.givenCurrentTime(NOW).andGiven(room(NEEDS_APPROVAL))
                .when(new RequestBooking(ROOM, "b1", SUMAK, at(3, 10, 10, 0), at(3, 10, 12, 0), details("Babycafé")))
                .expectEvents(requested("b1", SUMAK, at(3, 10, 10, 0), at(3, 10, 12, 0), true))
                .expectScheduledDeadline(HOLD.requested(), new HoldPolicy.Hold("b1", false));
        setUp();
        fixture.givenCurrentTime(NOW).andGiven(room(NEEDS_APPROVAL))
                .andGivenCommands(new RequestBooking(ROOM, "b1", SUMAK, at(3, 10, 10, 0), at(3, 10, 12, 0), details("Babycafé")))
                .whenTimeElapses(HOLD.requested())
                .expectDeadlinesMet(new HoldPolicy.Hold("b1", false))
                .expectEvents(new BookingLapsed("b1", ROOM, CENTRE, SUMAK, zoned(at(3, 10, 10, 0)), zoned(at(3, 10, 12, 0)), null));
    }

    @Test
    void anApprovedBookingNeverLapses() {
        fixture.givenCurrentTime(NOW).andGiven(room(NEEDS_APPROVAL))
                .andGivenCommands(new RequestBooking(ROOM, "b1", SUMAK, at(3, 10, 10, 0), at(3, 10, 12, 0), details("Babycafé")),
                        new ApproveBooking(ROOM, "b1"))
                // The deadline stays and is ignored when it fires: the booking is no longer waiting.
                .whenTimeElapses(HOLD.requested())
                .expectNoEvents();
    }

    @Test
    void aConfirmedBookingSchedulesNoHold() {
        fixture.givenCurrentTime(NOW).andGiven(room(ResourceScheduleTest.OPEN_TO_CENTRE))
                .when(new RequestBooking(ROOM, "b1", SUMAK, at(3, 10, 10, 0), at(3, 10, 12, 0), details("Babycafé")))
                .expectNoScheduledDeadlines();
    }

    /** A slot freed on a resource that needs approval, waited for by Sumak first and the health visitors second. */
    private List<Object> offeredToSumakWithTheHealthVisitorsNextInLine() {
        return published(fixture.givenCurrentTime(NOW).andGiven(room(NEEDS_APPROVAL),
                        requested("b1", HEALTH_VISITOR, at(3, 10, 10, 0), at(3, 10, 12, 0), true),
                        waiting("w1", SUMAK, at(3, 10, 10, 0), at(3, 10, 12, 0)),
                        waiting("w2", HEALTH_VISITOR, at(3, 10, 10, 0), at(3, 10, 12, 0)))
                .when(new RejectBooking(ROOM, "b1", RejectionReason.ROOM_NEEDED_ELSEWHERE, null)));
    }

    @Test
    void anOfferSchedulesItsOwnHold() {
        WaitlistOffered offer = (WaitlistOffered) offeredToSumakWithTheHealthVisitorsNextInLine().get(1);
        assertThat(offer.entryId()).isEqualTo("w1");
        setUp();
        fixture.givenCurrentTime(NOW).andGiven(room(NEEDS_APPROVAL),
                        requested("b1", HEALTH_VISITOR, at(3, 10, 10, 0), at(3, 10, 12, 0), true),
                        waiting("w1", SUMAK, at(3, 10, 10, 0), at(3, 10, 12, 0)))
                .when(new RejectBooking(ROOM, "b1", RejectionReason.ROOM_NEEDED_ELSEWHERE, null))
                .expectScheduledDeadlineOfType(HOLD.waitlistOffer(), HoldPolicy.Hold.class);
    }

    @Test
    void anOfferNobodyAnswersLapsesAndPassesToTheNextInLineAsADeclineWould() {
        List<Object> events = published(fixture.givenCurrentTime(NOW).andGiven(room(NEEDS_APPROVAL),
                        requested("b1", HEALTH_VISITOR, at(3, 10, 10, 0), at(3, 10, 12, 0), true),
                        waiting("w1", SUMAK, at(3, 10, 10, 0), at(3, 10, 12, 0)),
                        waiting("w2", HEALTH_VISITOR, at(3, 10, 10, 0), at(3, 10, 12, 0)))
                .andGivenCommands(new RejectBooking(ROOM, "b1", RejectionReason.ROOM_NEEDED_ELSEWHERE, null))
                .whenTimeElapses(HOLD.waitlistOffer()));
        assertThat(events).hasSize(2);
        WaitlistOfferLapsed lapsed = (WaitlistOfferLapsed) events.get(0);
        assertThat(lapsed.entryId()).isEqualTo("w1");
        assertThat(lapsed.partnerId()).isEqualTo(SUMAK);
        WaitlistOffered next = (WaitlistOffered) events.get(1);
        assertThat(next.entryId()).isEqualTo("w2");
        assertThat(next.partnerId()).isEqualTo(HEALTH_VISITOR);
        // No quota was reserved for an offer, so its lapse releases none.
        assertThat(ledger.used.keySet()).noneMatch(week -> week.startsWith(SUMAK + "/"));
    }

    @Test
    void anAcceptedOfferDoesNotLapseAsAnOfferButWaitsForApprovalWithItsOwnHold() {
        WaitlistOffered offer = (WaitlistOffered) offeredToSumakWithTheHealthVisitorsNextInLine().get(1);
        setUp();
        fixture.givenCurrentTime(NOW).andGiven(room(NEEDS_APPROVAL), offer)
                .andGivenCommands(new AcceptWaitlistOffer(ROOM, offer.bookingId()))
                .whenTimeElapses(HOLD.waitlistOffer())
                .expectNoEvents();
        setUp();
        fixture.givenCurrentTime(NOW).andGiven(room(NEEDS_APPROVAL), offer)
                .andGivenCommands(new AcceptWaitlistOffer(ROOM, offer.bookingId()))
                .whenTimeElapses(HOLD.requested())
                .expectEvents(new BookingLapsed(offer.bookingId(), ROOM, CENTRE, SUMAK, offer.start(), offer.end(), null));
        // Accepting reserved Sumak's quota; the lapse gave it back.
        assertThat(ledger.used).isNotEmpty().allSatisfy((week, use) -> assertThat(use.minutes()).isZero());
    }

    @Test
    void aHoldLapsesWhenItsSlotStartsIfThatIsSooner() {
        Instant now = Instant.parse("2027-03-01T09:00:00Z");
        assertThat(HOLD.lastsFor(new HoldPolicy.Hold("b", false), now, now.plus(Duration.ofHours(3)))).isEqualTo(Duration.ofHours(3));
        assertThat(HOLD.lastsFor(new HoldPolicy.Hold("b", true), now, now.plus(Duration.ofDays(30)))).isEqualTo(HOLD.waitlistOffer());
        assertThat(HOLD.lastsFor(new HoldPolicy.Hold("b", false), now, now.minusSeconds(1))).isEqualTo(Duration.ZERO);
    }

    // ------------------------------------------------------------------ series

    /** Five Tuesdays in March 2027 on a resource that needs approval; the occurrences' ids come from the schedule. */
    private SeriesBooked requestedSeries() {
        List<Object> events = published(fixture.givenCurrentTime(NOW).andGiven(room(NEEDS_APPROVAL))
                .when(seriesOfFiveTuesdays()));
        return (SeriesBooked) events.get(0);
    }

    private static RequestSeries seriesOfFiveTuesdays() {
        return new RequestSeries(ROOM, "s1", SUMAK, at(3, 2, 10, 0), at(3, 2, 12, 0), weeklyUntil(LocalDate.of(2027, 3, 30)),
                false, details("Lektiecafé"));
    }

    private static BookingLapsed lapsed(Occurrence o) {
        return new BookingLapsed(o.bookingId(), ROOM, CENTRE, SUMAK, o.start(), o.end(), "s1");
    }

    @Test
    void aSeriesWaitingForApprovalSchedulesOneHoldAndAllItsOccurrencesLapseTogether() {
        fixture.givenCurrentTime(NOW).andGiven(room(NEEDS_APPROVAL))
                .when(seriesOfFiveTuesdays())
                .expectScheduledDeadline(HOLD.requested(), new HoldPolicy.SeriesHold("s1"));
        setUp();
        SeriesBooked series = requestedSeries();
        assertThat(series.occurrences()).hasSize(5);
        setUp();
        fixture.givenCurrentTime(NOW).andGiven(room(NEEDS_APPROVAL))
                .andGivenCommands(seriesOfFiveTuesdays())
                .whenTimeElapses(HOLD.requested())
                .expectDeadlinesMet(new HoldPolicy.SeriesHold("s1"))
                .expectEvents(series.occurrences().stream().map(HoldLapseTest::lapsed).toArray());
        // The series reserved ten hours of Sumak's quota over five weeks; the lapse gave every week back.
        assertThat(ledger.used).hasSize(5).allSatisfy((week, use) -> assertThat(use.minutes()).isZero());
    }

    @Test
    void anOccurrenceDecidedOnItsOwnDoesNotLapseWithTheRestOfItsSeries() {
        SeriesBooked series = requestedSeries();
        Occurrence approved = series.occurrences().get(1);
        Occurrence rejected = series.occurrences().get(3);
        setUp();
        fixture.givenCurrentTime(NOW).andGiven(room(NEEDS_APPROVAL))
                .andGivenCommands(seriesOfFiveTuesdays(), new ApproveBooking(ROOM, approved.bookingId()),
                        new RejectBooking(ROOM, rejected.bookingId(), RejectionReason.ROOM_NEEDED_ELSEWHERE, null))
                .whenTimeElapses(HOLD.requested())
                .expectEvents(series.occurrences().stream().filter(o -> o != approved && o != rejected)
                        .map(HoldLapseTest::lapsed).toArray());
    }

    @Test
    void anApprovedSeriesNeverLapsesAndAConfirmedOneSchedulesNoHold() {
        fixture.givenCurrentTime(NOW).andGiven(room(NEEDS_APPROVAL))
                .andGivenCommands(seriesOfFiveTuesdays(), new ApproveSeries(ROOM, "s1"))
                .whenTimeElapses(HOLD.requested())
                .expectNoEvents();
        setUp();
        fixture.givenCurrentTime(NOW).andGiven(room(ResourceScheduleTest.OPEN_TO_CENTRE))
                .when(seriesOfFiveTuesdays())
                .expectNoScheduledDeadlines();
    }

    @Test
    void aSeriesHoldLastsUntilItsLastOccurrenceStartsIfThatIsSooner() {
        Instant now = Instant.parse("2027-03-01T09:00:00Z");
        HoldPolicy.SeriesHold hold = new HoldPolicy.SeriesHold("s");
        assertThat(HOLD.lastsFor(hold, now, now.plus(Duration.ofHours(30)))).isEqualTo(Duration.ofHours(30));
        assertThat(HOLD.lastsFor(hold, now, now.plus(Duration.ofDays(60)))).isEqualTo(HOLD.requested());
        assertThat(HOLD.lastsFor(hold, now, now.minusSeconds(1))).isEqualTo(Duration.ZERO);
    }

    @Test
    void theDefaultsAreTwoDaysAndOneDayAndAHoldMustLast() {
        HoldPolicy defaults = new HoldPolicy(HoldPolicy.DEFAULT_REQUESTED, HoldPolicy.DEFAULT_WAITLIST_OFFER);
        assertThat(defaults.of(new HoldPolicy.Hold("b", false))).isEqualTo(Duration.ofHours(48));
        assertThat(defaults.of(new HoldPolicy.Hold("b", true))).isEqualTo(Duration.ofHours(24));
        assertThat(defaults.deadline(new HoldPolicy.Hold("b", false)).getMetaData()).containsEntry("actor", HoldPolicy.ACTOR);
        assertThatThrownBy(() -> new HoldPolicy(Duration.ZERO, Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
