package dk.bindeled.booking.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dk.bindeled.booking.api.BookingDetails;
import dk.bindeled.booking.api.BookingRules;
import dk.bindeled.booking.api.Commands;
import dk.bindeled.booking.api.Events.BookingCancelled;
import dk.bindeled.booking.api.Events.BookingFlagged;
import dk.bindeled.booking.api.Events.BookingLapsed;
import dk.bindeled.booking.api.Events.WaitlistOfferLapsed;
import dk.bindeled.booking.api.Events.BookingMoved;
import dk.bindeled.booking.api.Events.BookingRefused;
import dk.bindeled.booking.api.Events.BookingRejected;
import dk.bindeled.booking.api.Events.BookingRequested;
import dk.bindeled.booking.api.Events.ResourceDefined;
import dk.bindeled.booking.api.Events.ResourceRulesChanged;
import dk.bindeled.booking.api.Events.SeriesBooked;
import dk.bindeled.booking.api.Events.WaitlistJoined;
import dk.bindeled.booking.api.Events.WaitlistLeft;
import dk.bindeled.booking.api.Events.WaitlistOfferDeclined;
import dk.bindeled.booking.api.Events.WaitlistOffered;
import dk.bindeled.booking.api.Results.Affected;
import dk.bindeled.booking.api.Results.BookingResult;
import dk.bindeled.booking.api.Results.RoomRequestAnswer;
import dk.bindeled.booking.api.Results.SeriesResult;
import dk.bindeled.booking.api.Results.Status;
import dk.bindeled.events.booking.v1.CancellationReason;
import dk.bindeled.events.booking.v1.RejectionReason;
import dk.bindeled.events.booking.v1.Visibility;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The schedule of one bookable resource: the consistency boundary of "no double booking". Every
 * booking, series, move and waitlist change of the resource is decided here against the bookings that
 * still hold a slot ({@link Holdings}), and stored as one append to the resource's event stream. Two writers
 * (threads or service instances) that decide on the same state collide on the stream's sequence number, so one of
 * them fails and retries against the new state; overlapping bookings can never both be stored. The rules it applies
 * are each a class of their own, shared with the queries that must agree with them.
 */
@Aggregate(snapshotTriggerDefinition = "resourceSnapshotTrigger", cache = "resourceCache")
// The shape of a snapshot: raise it with any change to the fields, so older snapshots are passed over and the
// schedule is rebuilt from its events instead of read into fields that no longer mean the same.
// 2: the bookings held, the waits and the cleaning buffer moved into Holdings.
@Revision("2")
public class ResourceSchedule {

    @AggregateIdentifier
    private String resourceId;
    private String centreId;
    private Integer capacity;
    private BookingRules rules;
    // The bookings and waits: it follows the events that change them itself (Axon applies an event to the root first).
    @AggregateMember
    private Holdings holdings = new Holdings();

    protected ResourceSchedule() {
        // Axon rebuilds the schedule from its events or a snapshot.
    }

    // ------------------------------------------------------------------ the resource

    @CommandHandler
    public ResourceSchedule(Commands.DefineResource command, CentreDirectory centres) {
        InvalidInputException.throwIfAny(ResourceRulesCheck.problemsOf(command, centres.rules(command.centreId()).isPresent()));
        apply(new ResourceDefined(command.resourceId(), command.centreId(), command.name(), command.kind(), command.capacity(),
                ResourceRulesCheck.features(command.features()), command.cleaningBufferMinutes(), command.rules()));
    }

    @CommandHandler
    public void handle(Commands.ChangeResourceRules command) {
        InvalidInputException.throwIfAny(ResourceRulesCheck.problemsOf(command.rules()));
        apply(new ResourceRulesChanged(resourceId, centreId, command.rules()));
    }

    // ------------------------------------------------------------------ single bookings

    @CommandHandler
    public BookingResult handle(Commands.RequestBooking command, CentreDirectory centres, PartnerRoster partners,
                                QuotaLedger quotas, BookingLocator locator, Clock clock, BookingHorizon horizon,
                                DeadlineManager deadlines, HoldPolicy holds) {
        CentreRules centre = centre(centres);
        new BookingRequestCheck(rules, capacity, centre, horizon, clock.instant()).booking(command.details(), command.start(), command.end());
        access().require(command.partnerId(), partners);
        OffsetDateTime start = Times.at(command.start(), centre.zone());
        OffsetDateTime end = Times.at(command.end(), centre.zone());
        holdings.requireFree(start, end, null);
        QuotaPolicy.reserve(quotas, centreId, command.partnerId(), QuotaPolicy.use(start, end, centre.zone(), centre.peakTime()),
                centres.quotaOf(centreId, command.partnerId()));
        locator.register(command.bookingId(), BookingLocator.Kind.BOOKING, resourceId, command.partnerId(), start.toInstant());
        return request(command.bookingId(), command.partnerId(), start, end, command.details(), false, clock.instant(), deadlines, holds);
    }

    /**
     * A meeting's room: {@link Commands.RequestBooking}'s rules, but a rule's refusal is recorded (and published) for the
     * logbook instead of thrown back, since nobody waits on an HTTP answer. The checks refuse before anything is applied
     * or reserved, so a refusal leaves the schedule as it was.
     */
    @CommandHandler
    public RoomRequestAnswer handle(Commands.BookMeetingRoom command, CentreDirectory centres, PartnerRoster partners,
                                    QuotaLedger quotas, BookingLocator locator, Clock clock, BookingHorizon horizon,
                                    DeadlineManager deadlines, HoldPolicy holds) {
        if (locator.find(command.bookingId()).isPresent()) {
            return new RoomRequestAnswer(command.bookingId(), null, null, true);
        }
        CentreRules centre = centre(centres);
        BookingDetails details = new BookingDetails(command.title(), null, command.attendees(), null, Visibility.TITLE_ONLY, null,
                command.meetingId());
        Commands.RequestBooking request = new Commands.RequestBooking(resourceId, command.bookingId(), command.partnerId(),
                command.start().atZone(centre.zone()).toLocalDateTime(), command.end().atZone(centre.zone()).toLocalDateTime(), details);
        try {
            BookingResult booked = handle(request, centres, partners, quotas, locator, clock, horizon, deadlines, holds);
            return new RoomRequestAnswer(booked.bookingId(), booked.status(), null, false);
        } catch (RuntimeException e) {
            RoomRequestRefusal refusal = RoomRequestRefusal.of(e).orElseThrow(() -> e);
            apply(new BookingRefused(command.bookingId(), resourceId, centreId, command.partnerId(), command.start().atZone(centre.zone())
                    .toOffsetDateTime(), command.end().atZone(centre.zone()).toOffsetDateTime(), refusal.reason(), refusal.rule(),
                    refusal.detail(), command.meetingId()));
            return new RoomRequestAnswer(command.bookingId(), null, refusal.reason(), false);
        }
    }

    @CommandHandler
    public BookingResult handle(Commands.ApproveBooking command, Clock clock) {
        // Confirming what is already under way would publish a booking nobody could still plan for.
        Held booking = holdings.booking(command.bookingId()).requirePending().requireNotStarted(clock.instant());
        apply(booking.confirmation(resourceId, centreId, false));
        return new BookingResult(booking.bookingId(), Status.CONFIRMED);
    }

    @CommandHandler
    public BookingResult handle(Commands.RejectBooking command, CentreDirectory centres, PartnerRoster partners,
                                QuotaLedger quotas, BookingLocator locator, Clock clock,
                                DeadlineManager deadlines, HoldPolicy holds) {
        InvalidInputException.require(command.reasonCategory(), "reasonCategory");
        Held booking = holdings.booking(command.bookingId()).requirePending();
        CentreRules centre = centre(centres);
        reject(booking, command.reasonCategory(), command.note(), quotas, centre);
        serveWaitlist(centre, centres, partners, quotas, locator, clock.instant(), deadlines, holds);
        return new BookingResult(booking.bookingId(), Status.REJECTED);
    }

    @CommandHandler
    public BookingResult handle(Commands.CancelBooking command, CentreDirectory centres, PartnerRoster partners,
                                QuotaLedger quotas, BookingLocator locator, Clock clock,
                                DeadlineManager deadlines, HoldPolicy holds) {
        InvalidInputException.require(command.reasonCategory(), "reasonCategory");
        Held booking = holdings.booking(command.bookingId()).requireNotAnOffer("decline it instead");
        CentreRules centre = centre(centres);
        Instant now = clock.instant();
        booking.requireNotStarted(now);
        cancel(booking, command.reasonCategory(), command.note(), quotas, centre, now);
        serveWaitlist(centre, centres, partners, quotas, locator, now, deadlines, holds);
        return new BookingResult(booking.bookingId(), Status.CANCELLED);
    }

    @CommandHandler
    public BookingResult handle(Commands.MoveBooking command, CentreDirectory centres, PartnerRoster partners,
                                QuotaLedger quotas, BookingLocator locator, Clock clock, BookingHorizon horizon,
                                DeadlineManager deadlines, HoldPolicy holds) {
        Held booking = holdings.booking(command.bookingId()).requireNotAnOffer("accept it first");
        CentreRules centre = centre(centres);
        Instant now = clock.instant();
        booking.requireNotStarted(now);
        new BookingRequestCheck(rules, capacity, centre, horizon, now).move(command.start(), command.end());
        OffsetDateTime start = Times.at(command.start(), centre.zone());
        OffsetDateTime end = Times.at(command.end(), centre.zone());
        holdings.requireFree(start, end, booking.bookingId());
        // One net change in the ledger's own week order: a release then a reserve would lock the two weeks in call
        // order, and a move the other way (or a series) of the same partner could lock them the other way round.
        QuotaPolicy.move(quotas, centreId, booking.partnerId(), QuotaPolicy.use(booking, centre),
                QuotaPolicy.use(start, end, centre.zone(), centre.peakTime()), centres.quotaOf(centreId, booking.partnerId()));
        locator.moved(booking.bookingId(), start.toInstant());
        apply(new BookingMoved(booking.bookingId(), resourceId, centreId, booking.partnerId(), booking.start(), booking.end(),
                start, end, booking.seriesId()));
        serveWaitlist(centre, centres, partners, quotas, locator, now, deadlines, holds);
        return new BookingResult(booking.bookingId(), booking.status() == Held.Status.CONFIRMED ? Status.CONFIRMED : Status.REQUESTED);
    }

    // ------------------------------------------------------------------ series

    @CommandHandler
    public SeriesResult handle(Commands.RequestSeries command, CentreDirectory centres, PartnerRoster partners,
                               QuotaLedger quotas, BookingLocator locator, Clock clock, BookingHorizon horizon,
                               DeadlineManager deadlines, HoldPolicy holds) {
        CentreRules centre = centre(centres);
        SeriesPlan plan = new BookingRequestCheck(rules, capacity, centre, horizon, clock.instant()).series(command);
        access().require(command.partnerId(), partners);

        SeriesFit fit = SeriesFit.of(command.seriesId(), plan, holdings, centre);
        if (!fit.bookable(command.skipClashes())) {
            throw new BookingConflictException(fit.clashes());
        }
        QuotaPolicy.reserve(quotas, centreId, command.partnerId(), fit.use(), centres.quotaOf(centreId, command.partnerId()));
        fit.register(locator, command.seriesId(), resourceId, command.partnerId());
        boolean confirmed = !rules.approvalRequired();
        apply(new SeriesBooked(command.seriesId(), resourceId, centreId, command.partnerId(), command.details(),
                command.recurrence(), plan.rrule(), Times.at(command.firstStart(), centre.zone()),
                Times.at(command.firstEnd(), centre.zone()), fit.occurrences(), fit.skipped(), fit.exdates(plan), confirmed));
        if (!confirmed) {
            Instant lastStart = fit.occurrences().stream().map(o -> o.start().toInstant()).max(Instant::compareTo).orElseThrow();
            holds.schedule(deadlines, new HoldPolicy.SeriesHold(command.seriesId()), clock.instant(), lastStart);
        }
        return new SeriesResult(command.seriesId(), confirmed ? Status.CONFIRMED : Status.REQUESTED, fit.occurrences(), fit.skipped());
    }

    /**
     * Confirms the occurrences still waiting that have not started; one under way stays as it is (it ends soon and is
     * forgotten). Refused as {@code already-started} when every waiting occurrence has started.
     */
    @CommandHandler
    public Affected handle(Commands.ApproveSeries command, Clock clock) {
        List<Held> coming = holdings.approvableOfSeries(command.seriesId(), clock.instant());
        coming.forEach(h -> apply(h.confirmation(resourceId, centreId, false)));
        return new Affected(coming.stream().map(Held::bookingId).toList());
    }

    @CommandHandler
    public Affected handle(Commands.RejectSeries command, CentreDirectory centres, PartnerRoster partners,
                           QuotaLedger quotas, BookingLocator locator, Clock clock, DeadlineManager deadlines, HoldPolicy holds) {
        InvalidInputException.require(command.reasonCategory(), "reasonCategory");
        List<Held> pending = holdings.pendingOfSeries(command.seriesId());
        CentreRules centre = centre(centres);
        pending.forEach(h -> reject(h, command.reasonCategory(), command.note(), quotas, centre));
        serveWaitlist(centre, centres, partners, quotas, locator, clock.instant(), deadlines, holds);
        return new Affected(pending.stream().map(Held::bookingId).toList());
    }

    @CommandHandler
    public Affected handle(Commands.CancelSeriesFrom command, CentreDirectory centres, PartnerRoster partners,
                           QuotaLedger quotas, BookingLocator locator, Clock clock, DeadlineManager deadlines, HoldPolicy holds) {
        InvalidInputException.require(command.reasonCategory(), "reasonCategory");
        InvalidInputException.require(command.fromDate(), "fromDate");
        CentreRules centre = centre(centres);
        Instant now = clock.instant();
        List<Held> affected = holdings.cancellableOfSeries(command.seriesId(), command.fromDate(), centre.zone(), now);
        affected.forEach(h -> cancel(h, command.reasonCategory(), command.note(), quotas, centre, now));
        serveWaitlist(centre, centres, partners, quotas, locator, now, deadlines, holds);
        return new Affected(affected.stream().map(Held::bookingId).toList());
    }

    // ------------------------------------------------------------------ waitlist

    @CommandHandler
    public BookingResult handle(Commands.JoinWaitlist command, CentreDirectory centres, PartnerRoster partners,
                                BookingLocator locator, Clock clock, BookingHorizon horizon) {
        CentreRules centre = centre(centres);
        new BookingRequestCheck(rules, capacity, centre, horizon, clock.instant()).booking(command.details(), command.start(), command.end());
        access().require(command.partnerId(), partners);
        OffsetDateTime start = Times.at(command.start(), centre.zone());
        OffsetDateTime end = Times.at(command.end(), centre.zone());
        if (holdings.isFree(start, end)) {
            throw new RuleViolationException("slot-free", "The slot is free: book it instead of waiting for it");
        }
        if (holdings.waits(command.partnerId(), start, end)) {
            throw new RuleViolationException("already-waiting", "The partner already waits for this slot");
        }
        locator.register(command.entryId(), BookingLocator.Kind.WAITLIST, resourceId, command.partnerId(), start.toInstant());
        apply(new WaitlistJoined(command.entryId(), resourceId, centreId, command.partnerId(), start, end, command.details()));
        return new BookingResult(command.entryId(), Status.WAITING);
    }

    @CommandHandler
    public BookingResult handle(Commands.LeaveWaitlist command) {
        Waiting entry = holdings.entry(command.entryId());
        apply(new WaitlistLeft(entry.entryId(), resourceId, centreId, entry.partnerId()));
        return new BookingResult(entry.entryId(), Status.CANCELLED);
    }

    @CommandHandler
    public BookingResult handle(Commands.AcceptWaitlistOffer command, CentreDirectory centres, PartnerRoster partners,
                                QuotaLedger quotas, Clock clock, DeadlineManager deadlines, HoldPolicy holds) {
        Held offer = holdings.booking(command.bookingId()).requireOffer();
        CentreRules centre = centre(centres);
        offer.requireNotStarted(clock.instant());
        access().require(offer.partnerId(), partners);
        QuotaPolicy.reserve(quotas, centreId, offer.partnerId(), QuotaPolicy.use(offer, centre), centres.quotaOf(centreId, offer.partnerId()));
        return request(offer.bookingId(), offer.partnerId(), offer.start(), offer.end(), offer.details(), true, clock.instant(),
                deadlines, holds);
    }

    @CommandHandler
    public BookingResult handle(Commands.DeclineWaitlistOffer command, CentreDirectory centres, PartnerRoster partners,
                                QuotaLedger quotas, BookingLocator locator, Clock clock,
                                DeadlineManager deadlines, HoldPolicy holds) {
        Held offer = holdings.booking(command.bookingId()).requireOffer();
        apply(new WaitlistOfferDeclined(offer.waitlistEntryId(), offer.bookingId(), resourceId, centreId, offer.partnerId()));
        serveWaitlist(centre(centres), centres, partners, quotas, locator, clock.instant(), deadlines, holds);
        return new BookingResult(offer.bookingId(), Status.REJECTED);
    }

    private void serveWaitlist(CentreRules centre, CentreDirectory centres, PartnerRoster partners, QuotaLedger quotas,
                               BookingLocator locator, Instant now, DeadlineManager deadlines, HoldPolicy holds) {
        new WaitlistService(resourceId, centreId, rules, holdings).serve(centre, centres, partners, quotas, locator, now, event -> {
            apply(event);
            // An offer nobody answers would otherwise keep the slot from everyone behind it.
            if (event instanceof WaitlistOffered offered) {
                holds.schedule(deadlines, new HoldPolicy.Hold(offered.bookingId(), true), now, offered.start());
            }
        });
    }

    // ------------------------------------------------------------------ holds that lapse

    /**
     * A hold's time is up. Stale deadlines (the booking decided, answered or lapsed since, or ended and forgotten) are
     * ignored rather than cancelled when the booking is decided: see {@link HoldPolicy.Hold}.
     */
    @DeadlineHandler(deadlineName = HoldPolicy.DEADLINE)
    void lapse(HoldPolicy.Hold hold, CentreDirectory centres, PartnerRoster partners, QuotaLedger quotas,
               BookingLocator locator, Clock clock, DeadlineManager deadlines, HoldPolicy holds) {
        if (!holdings.holds(hold.bookingId())) {
            return;
        }
        Held booking = holdings.booking(hold.bookingId());
        Held.Status expected = hold.offer() ? Held.Status.OFFERED : Held.Status.REQUESTED;
        if (booking.status() != expected) {
            return;
        }
        CentreRules centre = centre(centres);
        if (hold.offer()) {
            // An offer reserved no quota: only accepting it does.
            apply(new WaitlistOfferLapsed(booking.waitlistEntryId(), booking.bookingId(), resourceId, centreId, booking.partnerId()));
        } else {
            lapse(List.of(booking), quotas, centre);
        }
        serveWaitlist(centre, centres, partners, quotas, locator, clock.instant(), deadlines, holds);
    }

    /**
     * A series' hold is up: every occurrence still waiting lapses, its quota given back in one pass in the ledger's week
     * order. A stale deadline (the series approved, rejected or cancelled since) finds none waiting and does nothing.
     */
    @DeadlineHandler(deadlineName = HoldPolicy.SERIES_DEADLINE)
    void lapse(HoldPolicy.SeriesHold hold, CentreDirectory centres, PartnerRoster partners, QuotaLedger quotas,
               BookingLocator locator, Clock clock, DeadlineManager deadlines, HoldPolicy holds) {
        List<Held> waiting = holdings.waitingOfSeries(hold.seriesId());
        if (waiting.isEmpty()) {
            return;
        }
        CentreRules centre = centre(centres);
        lapse(waiting, quotas, centre);
        serveWaitlist(centre, centres, partners, quotas, locator, clock.instant(), deadlines, holds);
    }

    /** Requests of one partner waiting for approval lapse, their quota given back in one pass. */
    private void lapse(List<Held> waiting, QuotaLedger quotas, CentreRules centre) {
        QuotaPolicy.release(quotas, centreId, waiting, centre);
        waiting.forEach(h -> apply(new BookingLapsed(h.bookingId(), resourceId, centreId, h.partnerId(), h.start(), h.end(),
                h.seriesId())));
    }

    // ------------------------------------------------------------------ partner changes

    @CommandHandler
    public Affected handle(Commands.FlagPartnerBookings command, Clock clock) {
        Instant now = clock.instant();
        List<Held> toFlag = holdings.unflaggedComing(command.partnerId(), now);
        for (Held h : toFlag) {
            apply(new BookingFlagged(h.bookingId(), resourceId, centreId, h.partnerId(), h.start(), h.end(), command.reason()));
        }
        return new Affected(toFlag.stream().map(Held::bookingId).toList());
    }

    // ------------------------------------------------------------------ decisions shared by the handlers

    private CentreRules centre(CentreDirectory centres) {
        return centres.rules(centreId).orElseThrow(() -> new IllegalStateException("Centre " + centreId + " of resource "
                + resourceId + " has no stored rules"));
    }

    private BookingAccess access() {
        return new BookingAccess(rules, centreId);
    }

    /** The booking holds its slot, waiting for the manager where the resource needs approval, else confirmed at once. */
    private BookingResult request(String bookingId, String partnerId, OffsetDateTime start, OffsetDateTime end,
                                  BookingDetails details, boolean fromWaitlist, Instant now, DeadlineManager deadlines,
                                  HoldPolicy holds) {
        boolean approval = rules.approvalRequired();
        apply(new BookingRequested(bookingId, resourceId, centreId, partnerId, start, end, details, null, approval));
        if (approval) {
            holds.schedule(deadlines, new HoldPolicy.Hold(bookingId, false), now, start);
            return new BookingResult(bookingId, Status.REQUESTED);
        }
        apply(holdings.booking(bookingId).confirmation(resourceId, centreId, fromWaitlist));
        return new BookingResult(bookingId, Status.CONFIRMED);
    }

    private void reject(Held booking, RejectionReason category, String note, QuotaLedger quotas, CentreRules centre) {
        quotas.release(centreId, booking.partnerId(), QuotaPolicy.use(booking, centre));
        apply(new BookingRejected(booking.bookingId(), resourceId, centreId, booking.partnerId(), category, note));
    }

    private void cancel(Held booking, CancellationReason category, String note, QuotaLedger quotas, CentreRules centre, Instant now) {
        boolean late = booking.start().toInstant().isBefore(now.plus(Duration.ofHours(centre.cancellationNoticeHours())));
        quotas.release(centreId, booking.partnerId(), QuotaPolicy.use(booking, centre));
        apply(new BookingCancelled(booking.bookingId(), resourceId, centreId, booking.partnerId(), booking.start(), booking.end(),
                late, category, note, booking.seriesId()));
    }

    // ------------------------------------------------------------------ state

    @EventSourcingHandler
    void on(ResourceDefined event) {
        resourceId = event.resourceId();
        centreId = event.centreId();
        capacity = event.capacity();
        rules = event.rules();
        holdings = new Holdings(event.cleaningBufferMinutes());
    }

    @EventSourcingHandler
    void on(ResourceRulesChanged event) {
        rules = event.rules();
    }
}
