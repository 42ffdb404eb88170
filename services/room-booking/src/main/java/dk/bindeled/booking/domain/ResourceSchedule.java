package dk.bindeled.booking.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dk.bindeled.booking.api.BookingDetails;
import dk.bindeled.booking.api.BookingRules;
import dk.bindeled.booking.api.Commands.AcceptWaitlistOffer;
import dk.bindeled.booking.api.Commands.ApproveBooking;
import dk.bindeled.booking.api.Commands.ApproveSeries;
import dk.bindeled.booking.api.Commands.CancelBooking;
import dk.bindeled.booking.api.Commands.CancelSeriesFrom;
import dk.bindeled.booking.api.Commands.ChangeResourceRules;
import dk.bindeled.booking.api.Commands.DeclineWaitlistOffer;
import dk.bindeled.booking.api.Commands.DefineResource;
import dk.bindeled.booking.api.Commands.FlagPartnerBookings;
import dk.bindeled.booking.api.Commands.JoinWaitlist;
import dk.bindeled.booking.api.Commands.LeaveWaitlist;
import dk.bindeled.booking.api.Commands.MoveBooking;
import dk.bindeled.booking.api.Commands.RejectBooking;
import dk.bindeled.booking.api.Commands.RejectSeries;
import dk.bindeled.booking.api.Commands.RequestBooking;
import dk.bindeled.booking.api.Commands.RequestSeries;
import dk.bindeled.booking.api.Events.BookingCancelled;
import dk.bindeled.booking.api.Events.BookingConfirmed;
import dk.bindeled.booking.api.Events.BookingFlagged;
import dk.bindeled.booking.api.Events.BookingMoved;
import dk.bindeled.booking.api.Events.BookingRejected;
import dk.bindeled.booking.api.Events.BookingRequested;
import dk.bindeled.booking.api.Events.ResourceDefined;
import dk.bindeled.booking.api.Events.ResourceRulesChanged;
import dk.bindeled.booking.api.Events.SeriesBooked;
import dk.bindeled.booking.api.Events.WaitlistJoined;
import dk.bindeled.booking.api.Events.WaitlistLeft;
import dk.bindeled.booking.api.Events.WaitlistOfferDeclined;
import dk.bindeled.booking.api.Events.WaitlistOffered;
import dk.bindeled.booking.api.Events.WaitlistServed;
import dk.bindeled.booking.api.Occurrence;
import dk.bindeled.booking.api.Results.Affected;
import dk.bindeled.booking.api.Results.BookingResult;
import dk.bindeled.booking.api.Results.SeriesResult;
import dk.bindeled.booking.api.Results.Status;
import dk.bindeled.booking.domain.InvalidInputException.FieldProblem;
import dk.bindeled.events.booking.v1.CancellationReason;
import dk.bindeled.events.booking.v1.RejectionReason;
import dk.bindeled.events.booking.v1.ResourceKind;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The schedule of one bookable resource: the consistency boundary of "no double booking". Every
 * booking, series, move and waitlist change of the resource is decided here against the bookings that
 * still hold a slot, and stored as one append to the resource's event stream. Two writers (threads or
 * service instances) that decide on the same state collide on the stream's sequence number, so one of
 * them fails and retries against the new state; overlapping bookings can never both be stored.
 * <p>
 * The state keeps only bookings that have not ended and waitlist entries that have not started, so a
 * snapshot stays small and loading stays fast however long the history grows.
 */
@Aggregate(snapshotTriggerDefinition = "resourceSnapshotTrigger", cache = "resourceCache")
// The shape of a snapshot: raise it with any change to the fields, so older snapshots are passed over and the
// schedule is rebuilt from its events instead of read into fields that no longer mean the same.
@Revision("1")
public class ResourceSchedule {

    enum HeldStatus { REQUESTED, CONFIRMED, OFFERED }

    /** A booking that holds (part of) the resource's time. */
    record Held(String bookingId, String partnerId, OffsetDateTime start, OffsetDateTime end, HeldStatus status,
                String seriesId, BookingDetails details, boolean flagged, String waitlistEntryId) {

        Held withStatus(HeldStatus newStatus) {
            return new Held(bookingId, partnerId, start, end, newStatus, seriesId, details, flagged, waitlistEntryId);
        }

        Held movedTo(OffsetDateTime newStart, OffsetDateTime newEnd) {
            return new Held(bookingId, partnerId, newStart, newEnd, status, seriesId, details, flagged, waitlistEntryId);
        }

        Held asFlagged() {
            return new Held(bookingId, partnerId, start, end, status, seriesId, details, true, waitlistEntryId);
        }
    }

    record Waiting(String entryId, String partnerId, OffsetDateTime start, OffsetDateTime end, BookingDetails details) {
    }

    @AggregateIdentifier
    private String resourceId;
    private String centreId;
    private ResourceKind kind;
    private Integer capacity;
    private int cleaningBufferMinutes;
    private BookingRules rules;
    private Map<String, Held> held = new LinkedHashMap<>();
    private List<Waiting> waitlist = new ArrayList<>();
    /**
     * Until this instant nothing held can have ended, so {@link #forgetThePast} has nothing to drop; null when
     * unknown (after a snapshot is read). Derived, so not part of a snapshot.
     */
    private transient Instant nothingEndsBefore;

    protected ResourceSchedule() {
        // Axon rebuilds the schedule from its events or a snapshot.
    }

    // ------------------------------------------------------------------ the resource

    @CommandHandler
    public ResourceSchedule(DefineResource command, CentreDirectory centres) {
        List<FieldProblem> problems = new ArrayList<>();
        if (centres.rules(command.centreId()).isEmpty()) {
            problems.add(new FieldProblem("centreId", "names no centre"));
        }
        if (command.kind() == ResourceKind.ROOM && (command.capacity() == null || command.capacity() < 1)) {
            problems.add(new FieldProblem("capacity", "is required for a room and must be at least 1"));
        }
        if (command.capacity() != null && command.capacity() < 0) {
            problems.add(new FieldProblem("capacity", "must not be negative"));
        }
        if (command.cleaningBufferMinutes() < 0 || command.cleaningBufferMinutes() > 240) {
            problems.add(new FieldProblem("cleaningBufferMinutes", "must be between 0 and 240"));
        }
        checkRules(command.rules(), "rules", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        apply(new ResourceDefined(command.resourceId(), command.centreId(), command.name(), command.kind(),
                command.capacity(), command.features() == null ? List.of() : command.features().stream()
                        .map(f -> f.strip().toLowerCase(java.util.Locale.ROOT)).distinct().toList(),
                command.cleaningBufferMinutes(), command.rules()));
    }

    @CommandHandler
    public void handle(ChangeResourceRules command) {
        List<FieldProblem> problems = new ArrayList<>();
        checkRules(command.rules(), "rules", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        apply(new ResourceRulesChanged(resourceId, centreId, command.rules()));
    }

    private static void checkRules(BookingRules rules, String field, List<FieldProblem> problems) {
        if (rules == null || rules.access() == null) {
            problems.add(new FieldProblem(field + ".access", "is required"));
            return;
        }
        if (rules.access() == BookingRules.Access.LISTED_PARTNERS && rules.listedPartners().isEmpty()) {
            problems.add(new FieldProblem(field + ".listedPartners", "must name at least one partner when access is LISTED_PARTNERS"));
        }
        if (rules.maxLengthMinutes() != null && rules.maxLengthMinutes() < 15) {
            problems.add(new FieldProblem(field + ".maxLengthMinutes", "must be at least 15"));
        }
        if (rules.maxDaysAhead() != null && rules.maxDaysAhead() < 1) {
            problems.add(new FieldProblem(field + ".maxDaysAhead", "must be at least 1"));
        }
    }

    // ------------------------------------------------------------------ single bookings

    @CommandHandler
    public BookingResult handle(RequestBooking command, CentreDirectory centres, PartnerRoster partners,
                                QuotaLedger quotas, BookingLocator locator, Clock clock, BookingHorizon horizon) {
        CentreRules centre = centre(centres);
        List<FieldProblem> problems = new ArrayList<>();
        checkDetails(command.details(), problems);
        checkTimes(command.start(), command.end(), "start", "end", centre, clock.instant(), horizon, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        checkPartner(command.partnerId(), partners);
        OffsetDateTime start = Times.at(command.start(), centre.zone());
        OffsetDateTime end = Times.at(command.end(), centre.zone());
        List<Clash> clashes = clashes(start, end, null);
        if (!clashes.isEmpty()) {
            throw new BookingConflictException(clashes);
        }
        reserve(quotas, centre, centres, command.partnerId(), Times.use(start, end, centre.zone(), centre.peakHours()));
        locator.register(command.bookingId(), BookingLocator.Kind.BOOKING, resourceId, command.partnerId(), start.toInstant());
        boolean approval = rules.approvalRequired();
        apply(new BookingRequested(command.bookingId(), resourceId, centreId, command.partnerId(), start, end,
                command.details(), null, approval));
        if (approval) {
            return new BookingResult(command.bookingId(), Status.REQUESTED);
        }
        apply(new BookingConfirmed(command.bookingId(), resourceId, centreId, command.partnerId(), start, end,
                command.details(), null, false));
        return new BookingResult(command.bookingId(), Status.CONFIRMED);
    }

    @CommandHandler
    public BookingResult handle(ApproveBooking command, Clock clock) {
        Held booking = heldBooking(command.bookingId());
        if (booking.status() != HeldStatus.REQUESTED) {
            throw new RuleViolationException("not-pending", "Booking " + booking.bookingId() + " is not waiting for approval");
        }
        // Confirming what is already under way would publish a booking nobody could still plan for.
        requireNotStarted(booking, clock.instant());
        confirm(booking, false);
        return new BookingResult(booking.bookingId(), Status.CONFIRMED);
    }

    @CommandHandler
    public BookingResult handle(RejectBooking command, CentreDirectory centres, PartnerRoster partners,
                                QuotaLedger quotas, BookingLocator locator, Clock clock) {
        requireCategory(command.reasonCategory());
        Held booking = heldBooking(command.bookingId());
        if (booking.status() != HeldStatus.REQUESTED) {
            throw new RuleViolationException("not-pending", "Booking " + booking.bookingId() + " is not waiting for approval");
        }
        CentreRules centre = centre(centres);
        reject(booking, command.reasonCategory(), command.note(), quotas, centre);
        serveWaitlist(centre, centres, partners, quotas, locator, clock.instant());
        return new BookingResult(booking.bookingId(), Status.REJECTED);
    }

    @CommandHandler
    public BookingResult handle(CancelBooking command, CentreDirectory centres, PartnerRoster partners,
                                QuotaLedger quotas, BookingLocator locator, Clock clock) {
        requireCategory(command.reasonCategory());
        Held booking = heldBooking(command.bookingId());
        if (booking.status() == HeldStatus.OFFERED) {
            throw new RuleViolationException("is-offer", "Booking " + booking.bookingId() + " is a waitlist offer: decline it instead");
        }
        CentreRules centre = centre(centres);
        Instant now = clock.instant();
        requireNotStarted(booking, now);
        cancel(booking, command.reasonCategory(), command.note(), quotas, centre, now);
        serveWaitlist(centre, centres, partners, quotas, locator, now);
        return new BookingResult(booking.bookingId(), Status.CANCELLED);
    }

    @CommandHandler
    public BookingResult handle(MoveBooking command, CentreDirectory centres, PartnerRoster partners,
                                QuotaLedger quotas, BookingLocator locator, Clock clock, BookingHorizon horizon) {
        Held booking = heldBooking(command.bookingId());
        if (booking.status() == HeldStatus.OFFERED) {
            throw new RuleViolationException("is-offer", "Booking " + booking.bookingId() + " is a waitlist offer: accept it first");
        }
        CentreRules centre = centre(centres);
        Instant now = clock.instant();
        requireNotStarted(booking, now);
        List<FieldProblem> problems = new ArrayList<>();
        checkTimes(command.start(), command.end(), "start", "end", centre, now, horizon, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        OffsetDateTime start = Times.at(command.start(), centre.zone());
        OffsetDateTime end = Times.at(command.end(), centre.zone());
        List<Clash> clashes = clashes(start, end, booking.bookingId());
        if (!clashes.isEmpty()) {
            throw new BookingConflictException(clashes);
        }
        // One net change in the ledger's own week order: a release then a reserve would lock the two weeks in call
        // order, and a move the other way (or a series) of the same partner could lock them the other way round.
        quotas.tryMove(centreId, booking.partnerId(), Times.use(booking.start(), booking.end(), centre.zone(), centre.peakHours()),
                Times.use(start, end, centre.zone(), centre.peakHours()), centres.quotaOf(centreId, booking.partnerId()))
                .ifPresent(reason -> {
                    throw new RuleViolationException("quota-exceeded", reason);
                });
        locator.moved(booking.bookingId(), start.toInstant());
        apply(new BookingMoved(booking.bookingId(), resourceId, centreId, booking.partnerId(), booking.start(), booking.end(),
                start, end, booking.seriesId()));
        serveWaitlist(centre, centres, partners, quotas, locator, now);
        return new BookingResult(booking.bookingId(), booking.status() == HeldStatus.CONFIRMED ? Status.CONFIRMED : Status.REQUESTED);
    }

    // ------------------------------------------------------------------ series

    @CommandHandler
    public SeriesResult handle(RequestSeries command, CentreDirectory centres, PartnerRoster partners,
                               QuotaLedger quotas, BookingLocator locator, Clock clock, BookingHorizon horizon) {
        CentreRules centre = centre(centres);
        ZoneId zone = centre.zone();
        Instant now = clock.instant();
        List<FieldProblem> problems = new ArrayList<>();
        checkDetails(command.details(), problems);
        if (command.recurrence() == null) {
            problems.add(new FieldProblem("recurrence", "is required"));
        }
        checkTimes(command.firstStart(), command.firstEnd(), "firstStart", "firstEnd", centre, now, horizon, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        SeriesPlan plan = SeriesPlan.of(command.firstStart(), command.firstEnd(), command.recurrence(), zone);
        List<LocalDate> closed = new ArrayList<>();
        for (LocalDate date : plan.dates()) {
            if (!centre.isOpen(plan.startOn(date), plan.endOn(date))) {
                closed.add(date);
            }
        }
        if (!closed.isEmpty()) {
            problems.add(new FieldProblem("recurrence", "reaches dates when the centre is closed at that time: " + closed));
        }
        LocalDate lastDate = plan.dates().get(plan.dates().size() - 1);
        if (rules.maxDaysAhead() != null
                && Times.at(plan.startOn(lastDate), zone).toInstant().isAfter(now.plus(Duration.ofDays(rules.maxDaysAhead())))) {
            problems.add(new FieldProblem(command.recurrence().count() != null ? "recurrence.count" : "recurrence.until",
                    "reaches " + lastDate + ", more than " + rules.maxDaysAhead() + " days ahead"));
        }
        horizon.beyond(plan.endOn(lastDate), zone, now).ifPresent(reason -> problems.add(new FieldProblem(
                command.recurrence().count() != null ? "recurrence.count" : "recurrence.until", "reaches " + lastDate + ", which " + reason)));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        checkPartner(command.partnerId(), partners);

        List<Clash> clashes = new ArrayList<>();
        List<LocalDate> skipped = new ArrayList<>();
        List<Occurrence> occurrences = new ArrayList<>();
        Map<String, QuotaLedger.Use> use = Map.of();
        for (LocalDate date : plan.dates()) {
            OffsetDateTime start = Times.at(plan.startOn(date), zone);
            OffsetDateTime end = Times.at(plan.endOn(date), zone);
            List<Clash> onDate = clashes(start, end, null);
            if (onDate.isEmpty()) {
                occurrences.add(new Occurrence(occurrenceId(command.seriesId(), date), start, end));
                use = Times.sum(use, Times.use(start, end, zone, centre.peakHours()));
            } else {
                clashes.addAll(onDate);
                skipped.add(date);
            }
        }
        if (!clashes.isEmpty() && (!command.skipClashes() || occurrences.isEmpty())) {
            throw new BookingConflictException(clashes);
        }
        reserve(quotas, centre, centres, command.partnerId(), use);
        locator.register(command.seriesId(), BookingLocator.Kind.SERIES, resourceId, command.partnerId(),
                occurrences.get(0).start().toInstant());
        for (Occurrence occurrence : occurrences) {
            locator.register(occurrence.bookingId(), BookingLocator.Kind.BOOKING, resourceId, command.partnerId(),
                    occurrence.start().toInstant());
        }
        List<LocalDate> exdates = new ArrayList<>(plan.exceptions());
        exdates.addAll(skipped);
        exdates.sort(null);
        boolean confirmed = !rules.approvalRequired();
        apply(new SeriesBooked(command.seriesId(), resourceId, centreId, command.partnerId(), command.details(),
                command.recurrence(), plan.rrule(), Times.at(command.firstStart(), zone), Times.at(command.firstEnd(), zone),
                occurrences, skipped, exdates, confirmed));
        return new SeriesResult(command.seriesId(), confirmed ? Status.CONFIRMED : Status.REQUESTED, occurrences, skipped);
    }

    /**
     * Confirms the occurrences still waiting that have not started; one under way stays as it is (it ends soon and is
     * forgotten). Refused as {@code already-started} when every waiting occurrence has started.
     */
    @CommandHandler
    public Affected handle(ApproveSeries command, Clock clock) {
        List<Held> pending = ofSeries(command.seriesId()).stream().filter(h -> h.status() == HeldStatus.REQUESTED).toList();
        if (pending.isEmpty()) {
            throw new RuleViolationException("not-pending", "Series " + command.seriesId() + " has no occurrence waiting for approval");
        }
        Instant now = clock.instant();
        List<Held> coming = pending.stream().filter(h -> h.start().toInstant().isAfter(now)).toList();
        if (coming.isEmpty()) {
            throw new RuleViolationException("already-started", "Every occurrence of series " + command.seriesId()
                    + " waiting for approval has already started");
        }
        coming.forEach(h -> confirm(h, false));
        return new Affected(coming.stream().map(Held::bookingId).toList());
    }

    @CommandHandler
    public Affected handle(RejectSeries command, CentreDirectory centres, PartnerRoster partners,
                           QuotaLedger quotas, BookingLocator locator, Clock clock) {
        requireCategory(command.reasonCategory());
        List<Held> pending = ofSeries(command.seriesId()).stream().filter(h -> h.status() == HeldStatus.REQUESTED).toList();
        if (pending.isEmpty()) {
            throw new RuleViolationException("not-pending", "Series " + command.seriesId() + " has no occurrence waiting for approval");
        }
        CentreRules centre = centre(centres);
        pending.forEach(h -> reject(h, command.reasonCategory(), command.note(), quotas, centre));
        serveWaitlist(centre, centres, partners, quotas, locator, clock.instant());
        return new Affected(pending.stream().map(Held::bookingId).toList());
    }

    @CommandHandler
    public Affected handle(CancelSeriesFrom command, CentreDirectory centres, PartnerRoster partners,
                           QuotaLedger quotas, BookingLocator locator, Clock clock) {
        requireCategory(command.reasonCategory());
        if (command.fromDate() == null) {
            throw new InvalidInputException("fromDate", "is required");
        }
        CentreRules centre = centre(centres);
        Instant now = clock.instant();
        List<Held> series = ofSeries(command.seriesId());
        if (series.isEmpty()) {
            throw new NotFoundException("Series " + command.seriesId() + " has no coming occurrences");
        }
        List<Held> affected = series.stream()
                .filter(h -> h.status() != HeldStatus.OFFERED)
                .filter(h -> !Times.local(h.start(), centre.zone()).toLocalDate().isBefore(command.fromDate()))
                .filter(h -> h.start().toInstant().isAfter(now))
                .toList();
        if (affected.isEmpty()) {
            throw new RuleViolationException("nothing-to-cancel",
                    "Series " + command.seriesId() + " has no occurrence on or after " + command.fromDate() + " that has not started");
        }
        affected.forEach(h -> cancel(h, command.reasonCategory(), command.note(), quotas, centre, now));
        serveWaitlist(centre, centres, partners, quotas, locator, now);
        return new Affected(affected.stream().map(Held::bookingId).toList());
    }

    // ------------------------------------------------------------------ waitlist

    @CommandHandler
    public BookingResult handle(JoinWaitlist command, CentreDirectory centres, PartnerRoster partners,
                                BookingLocator locator, Clock clock, BookingHorizon horizon) {
        CentreRules centre = centre(centres);
        List<FieldProblem> problems = new ArrayList<>();
        checkDetails(command.details(), problems);
        checkTimes(command.start(), command.end(), "start", "end", centre, clock.instant(), horizon, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        checkPartner(command.partnerId(), partners);
        OffsetDateTime start = Times.at(command.start(), centre.zone());
        OffsetDateTime end = Times.at(command.end(), centre.zone());
        if (clashes(start, end, null).isEmpty()) {
            throw new RuleViolationException("slot-free", "The slot is free: book it instead of waiting for it");
        }
        boolean alreadyWaiting = waitlist.stream().anyMatch(w -> w.partnerId().equals(command.partnerId())
                && w.start().isEqual(start) && w.end().isEqual(end));
        if (alreadyWaiting) {
            throw new RuleViolationException("already-waiting", "The partner already waits for this slot");
        }
        locator.register(command.entryId(), BookingLocator.Kind.WAITLIST, resourceId, command.partnerId(), start.toInstant());
        apply(new WaitlistJoined(command.entryId(), resourceId, centreId, command.partnerId(), start, end, command.details()));
        return new BookingResult(command.entryId(), Status.WAITING);
    }

    @CommandHandler
    public BookingResult handle(LeaveWaitlist command) {
        Waiting entry = waitlist.stream().filter(w -> w.entryId().equals(command.entryId())).findFirst()
                .orElseThrow(() -> new NotFoundException("No waitlist entry " + command.entryId() + " is waiting"));
        apply(new WaitlistLeft(entry.entryId(), resourceId, centreId, entry.partnerId()));
        return new BookingResult(entry.entryId(), Status.CANCELLED);
    }

    @CommandHandler
    public BookingResult handle(AcceptWaitlistOffer command, CentreDirectory centres, PartnerRoster partners,
                                QuotaLedger quotas, Clock clock) {
        Held offer = heldBooking(command.bookingId());
        if (offer.status() != HeldStatus.OFFERED) {
            throw new RuleViolationException("not-offered", "Booking " + offer.bookingId() + " is not a waitlist offer");
        }
        CentreRules centre = centre(centres);
        requireNotStarted(offer, clock.instant());
        checkPartner(offer.partnerId(), partners);
        reserve(quotas, centre, centres, offer.partnerId(), Times.use(offer.start(), offer.end(), centre.zone(), centre.peakHours()));
        boolean approval = rules.approvalRequired();
        apply(new BookingRequested(offer.bookingId(), resourceId, centreId, offer.partnerId(), offer.start(), offer.end(),
                offer.details(), null, approval));
        if (approval) {
            return new BookingResult(offer.bookingId(), Status.REQUESTED);
        }
        confirm(heldBooking(offer.bookingId()), true);
        return new BookingResult(offer.bookingId(), Status.CONFIRMED);
    }

    @CommandHandler
    public BookingResult handle(DeclineWaitlistOffer command, CentreDirectory centres, PartnerRoster partners,
                                QuotaLedger quotas, BookingLocator locator, Clock clock) {
        Held offer = heldBooking(command.bookingId());
        if (offer.status() != HeldStatus.OFFERED) {
            throw new RuleViolationException("not-offered", "Booking " + offer.bookingId() + " is not a waitlist offer");
        }
        apply(new WaitlistOfferDeclined(offer.waitlistEntryId(), offer.bookingId(), resourceId, centreId, offer.partnerId()));
        serveWaitlist(centre(centres), centres, partners, quotas, locator, clock.instant());
        return new BookingResult(offer.bookingId(), Status.REJECTED);
    }

    /**
     * Gives freed time to those waiting for it, first come first served: at once where the rules allow
     * (no approval needed, quota left), otherwise as an offer that holds the slot until it is answered.
     */
    private void serveWaitlist(CentreRules centre, CentreDirectory centres, PartnerRoster partners, QuotaLedger quotas,
                               BookingLocator locator, Instant now) {
        for (Waiting entry : List.copyOf(waitlist)) {
            if (!entry.start().toInstant().isAfter(now) || !clashes(entry.start(), entry.end(), null).isEmpty()) {
                continue;
            }
            if (!mayBook(partners.find(entry.partnerId()))) {
                continue;
            }
            String bookingId = UUID.randomUUID().toString();
            locator.register(bookingId, BookingLocator.Kind.BOOKING, resourceId, entry.partnerId(), entry.start().toInstant());
            Map<String, QuotaLedger.Use> use = Times.use(entry.start(), entry.end(), centre.zone(), centre.peakHours());
            boolean confirmAtOnce = !rules.approvalRequired()
                    && quotas.tryReserve(centreId, entry.partnerId(), use, centres.quotaOf(centreId, entry.partnerId())).isEmpty();
            if (confirmAtOnce) {
                apply(new WaitlistServed(entry.entryId(), bookingId, resourceId, centreId, entry.partnerId()));
                apply(new BookingRequested(bookingId, resourceId, centreId, entry.partnerId(), entry.start(), entry.end(),
                        entry.details(), null, false));
                confirm(heldBooking(bookingId), true);
            } else {
                apply(new WaitlistOffered(entry.entryId(), bookingId, resourceId, centreId, entry.partnerId(),
                        entry.start(), entry.end(), entry.details()));
            }
        }
    }

    // ------------------------------------------------------------------ partner changes

    @CommandHandler
    public Affected handle(FlagPartnerBookings command, Clock clock) {
        Instant now = clock.instant();
        List<Held> toFlag = held.values().stream()
                .filter(h -> h.partnerId().equals(command.partnerId()) && !h.flagged() && h.start().toInstant().isAfter(now))
                .toList();
        for (Held h : toFlag) {
            apply(new BookingFlagged(h.bookingId(), resourceId, centreId, h.partnerId(), h.start(), h.end(), command.reason()));
        }
        return new Affected(toFlag.stream().map(Held::bookingId).toList());
    }

    // ------------------------------------------------------------------ rules

    private CentreRules centre(CentreDirectory centres) {
        return centres.rules(centreId).orElseThrow(() -> new IllegalStateException("Centre " + centreId + " of resource "
                + resourceId + " has no stored rules"));
    }

    private void checkDetails(BookingDetails details, List<FieldProblem> problems) {
        if (details == null) {
            problems.add(new FieldProblem("title", "is required"));
            return;
        }
        if (details.title() == null || details.title().isBlank()) {
            problems.add(new FieldProblem("title", "is required"));
        }
        if (details.visibility() == null) {
            problems.add(new FieldProblem("visibility", "is required"));
        }
        if (details.attendees() != null && details.attendees() < 1) {
            problems.add(new FieldProblem("attendees", "must be at least 1"));
        }
        if (details.attendees() != null && capacity != null && details.attendees() > capacity) {
            problems.add(new FieldProblem("attendees", details.attendees() + " is more than the " + capacity + " the resource holds"));
        }
    }

    private void checkTimes(LocalDateTime start, LocalDateTime end, String startField, String endField, CentreRules centre,
                            Instant now, BookingHorizon horizon, List<FieldProblem> problems) {
        if (start == null || end == null) {
            if (start == null) {
                problems.add(new FieldProblem(startField, "is required"));
            }
            if (end == null) {
                problems.add(new FieldProblem(endField, "is required"));
            }
            return;
        }
        if (!end.isAfter(start)) {
            problems.add(new FieldProblem(endField, end.isEqual(start) ? "equals the start: a booking cannot have zero length"
                    : "is before the start"));
            return;
        }
        // First: beyond the horizon the other rules are meaningless, and what they compute (quota weeks) may not even fit.
        Optional<String> beyond = horizon.beyond(start, centre.zone(), now);
        if (beyond.isPresent()) {
            problems.add(new FieldProblem(startField, beyond.get()));
            return;
        }
        beyond = horizon.beyond(end, centre.zone(), now);
        if (beyond.isPresent()) {
            problems.add(new FieldProblem(endField, beyond.get()));
            return;
        }
        OffsetDateTime at = Times.at(start, centre.zone());
        if (!at.toInstant().isAfter(now)) {
            problems.add(new FieldProblem(startField, "is in the past"));
        }
        long minutes = Duration.between(at, Times.at(end, centre.zone())).toMinutes();
        if (rules.maxLengthMinutes() != null && minutes > rules.maxLengthMinutes()) {
            problems.add(new FieldProblem(endField, "makes the booking " + minutes + " minutes; the resource allows at most "
                    + rules.maxLengthMinutes()));
        }
        if (rules.maxDaysAhead() != null && at.toInstant().isAfter(now.plus(Duration.ofDays(rules.maxDaysAhead())))) {
            problems.add(new FieldProblem(startField, "is more than " + rules.maxDaysAhead() + " days ahead"));
        }
        if (!centre.isOpen(start, end)) {
            problems.add(new FieldProblem(startField, "is outside the centre's opening hours on " + start.getDayOfWeek()));
        }
    }

    private void checkPartner(String partnerId, PartnerRoster partners) {
        if (partnerId == null || partnerId.isBlank()) {
            throw new InvalidInputException("partnerId", "is required");
        }
        PartnerStanding partner = partners.find(partnerId)
                .orElseThrow(() -> new InvalidInputException("partnerId", "names no partner known to the registry"));
        if (!partner.active()) {
            throw new NotAllowedException("Partner " + partner.name() + " is deactivated and cannot book");
        }
        if (rules.access() == BookingRules.Access.LISTED_PARTNERS && !rules.listedPartners().contains(partnerId)) {
            throw new NotAllowedException("Only the listed partners may book this resource; " + partner.name() + " is not one of them");
        }
        if (rules.access() == BookingRules.Access.ALL_CENTRE_PARTNERS && !partner.centres().contains(centreId)) {
            throw new NotAllowedException(partner.name() + " is not a partner of the centre and cannot book its resources");
        }
    }

    private boolean mayBook(Optional<PartnerStanding> partner) {
        if (partner.isEmpty() || !partner.get().active()) {
            return false;
        }
        return rules.access() == BookingRules.Access.LISTED_PARTNERS
                ? rules.listedPartners().contains(partner.get().partnerId())
                : partner.get().centres().contains(centreId);
    }

    private void reserve(QuotaLedger quotas, CentreRules centre, CentreDirectory centres, String partnerId,
                         Map<String, QuotaLedger.Use> use) {
        quotas.tryReserve(centre.centreId(), partnerId, use, centres.quotaOf(centre.centreId(), partnerId)).ifPresent(reason -> {
            throw new RuleViolationException("quota-exceeded", reason);
        });
    }

    /** Every booking that holds time overlapping [start, end), each side followed by the cleaning buffer. */
    private List<Clash> clashes(OffsetDateTime start, OffsetDateTime end, String ignoreBookingId) {
        Duration buffer = Duration.ofMinutes(cleaningBufferMinutes);
        List<Clash> found = new ArrayList<>();
        for (Held h : held.values()) {
            if (h.bookingId().equals(ignoreBookingId)) {
                continue;
            }
            boolean overlaps = start.toInstant().isBefore(h.end().toInstant().plus(buffer))
                    && h.start().toInstant().isBefore(end.toInstant().plus(buffer));
            if (overlaps) {
                found.add(new Clash(start.toLocalDate(), start, end, h.bookingId(), h.start(), h.end(), h.status().name()));
            }
        }
        return found;
    }

    private Held heldBooking(String bookingId) {
        Held booking = held.get(bookingId);
        if (booking == null) {
            throw new NotFoundException("No booking " + bookingId + " holds time on this resource (unknown, ended, cancelled or rejected)");
        }
        return booking;
    }

    private List<Held> ofSeries(String seriesId) {
        return held.values().stream().filter(h -> seriesId.equals(h.seriesId())).toList();
    }

    private static void requireCategory(Enum<?> category) {
        if (category == null) {
            throw new InvalidInputException("reasonCategory", "is required");
        }
    }

    private static void requireNotStarted(Held booking, Instant now) {
        if (!booking.start().toInstant().isAfter(now)) {
            throw new RuleViolationException("already-started", "Booking " + booking.bookingId() + " has already started");
        }
    }

    private void confirm(Held booking, boolean fromWaitlist) {
        apply(new BookingConfirmed(booking.bookingId(), resourceId, centreId, booking.partnerId(), booking.start(), booking.end(),
                booking.details(), booking.seriesId(), fromWaitlist));
    }

    private void reject(Held booking, RejectionReason category, String note, QuotaLedger quotas, CentreRules centre) {
        quotas.release(centreId, booking.partnerId(), Times.use(booking.start(), booking.end(), centre.zone(), centre.peakHours()));
        apply(new BookingRejected(booking.bookingId(), resourceId, centreId, booking.partnerId(), category, note));
    }

    private void cancel(Held booking, CancellationReason category, String note, QuotaLedger quotas, CentreRules centre, Instant now) {
        boolean late = booking.start().toInstant().isBefore(now.plus(Duration.ofHours(centre.cancellationNoticeHours())));
        quotas.release(centreId, booking.partnerId(), Times.use(booking.start(), booking.end(), centre.zone(), centre.peakHours()));
        apply(new BookingCancelled(booking.bookingId(), resourceId, centreId, booking.partnerId(), booking.start(), booking.end(),
                late, category, note, booking.seriesId()));
    }

    static String occurrenceId(String seriesId, LocalDate date) {
        return UUID.nameUUIDFromBytes((seriesId + "/" + date).getBytes(StandardCharsets.UTF_8)).toString();
    }

    // ------------------------------------------------------------------ state

    @EventSourcingHandler
    void on(ResourceDefined event) {
        resourceId = event.resourceId();
        centreId = event.centreId();
        kind = event.kind();
        capacity = event.capacity();
        cleaningBufferMinutes = event.cleaningBufferMinutes();
        rules = event.rules();
    }

    @EventSourcingHandler
    void on(ResourceRulesChanged event) {
        rules = event.rules();
    }

    @EventSourcingHandler
    void on(BookingRequested event, @Timestamp Instant at) {
        forgetThePast(at);
        Held previous = held.get(event.bookingId());
        held.put(event.bookingId(), new Held(event.bookingId(), event.partnerId(), event.start(), event.end(),
                event.awaitsApproval() ? HeldStatus.REQUESTED : HeldStatus.CONFIRMED, event.seriesId(), event.details(), false,
                previous == null ? null : previous.waitlistEntryId()));
        holdsUntil(event.end());
    }

    @EventSourcingHandler
    void on(BookingConfirmed event, @Timestamp Instant at) {
        forgetThePast(at);
        Held previous = held.get(event.bookingId());
        held.put(event.bookingId(), previous != null ? previous.withStatus(HeldStatus.CONFIRMED)
                : new Held(event.bookingId(), event.partnerId(), event.start(), event.end(), HeldStatus.CONFIRMED,
                        event.seriesId(), event.details(), false, null));
        holdsUntil(event.end());
    }

    @EventSourcingHandler
    void on(BookingRejected event) {
        held.remove(event.bookingId());
    }

    @EventSourcingHandler
    void on(BookingCancelled event) {
        held.remove(event.bookingId());
    }

    @EventSourcingHandler
    void on(BookingMoved event) {
        held.computeIfPresent(event.bookingId(), (id, h) -> h.movedTo(event.start(), event.end()));
        holdsUntil(event.end());
    }

    @EventSourcingHandler
    void on(BookingFlagged event) {
        held.computeIfPresent(event.bookingId(), (id, h) -> h.asFlagged());
    }

    @EventSourcingHandler
    void on(SeriesBooked event, @Timestamp Instant at) {
        forgetThePast(at);
        for (Occurrence o : event.occurrences()) {
            held.put(o.bookingId(), new Held(o.bookingId(), event.partnerId(), o.start(), o.end(),
                    event.confirmed() ? HeldStatus.CONFIRMED : HeldStatus.REQUESTED, event.seriesId(), event.details(), false, null));
            holdsUntil(o.end());
        }
    }

    @EventSourcingHandler
    void on(WaitlistJoined event, @Timestamp Instant at) {
        forgetThePast(at);
        waitlist.add(new Waiting(event.entryId(), event.partnerId(), event.start(), event.end(), event.details()));
        waitsFrom(event.start());
    }

    @EventSourcingHandler
    void on(WaitlistLeft event) {
        waitlist.removeIf(w -> w.entryId().equals(event.entryId()));
    }

    @EventSourcingHandler
    void on(WaitlistServed event) {
        waitlist.removeIf(w -> w.entryId().equals(event.entryId()));
    }

    @EventSourcingHandler
    void on(WaitlistOffered event) {
        waitlist.removeIf(w -> w.entryId().equals(event.entryId()));
        held.put(event.bookingId(), new Held(event.bookingId(), event.partnerId(), event.start(), event.end(), HeldStatus.OFFERED,
                null, event.details(), false, event.entryId()));
        holdsUntil(event.end());
    }

    @EventSourcingHandler
    void on(WaitlistOfferDeclined event) {
        held.remove(event.bookingId());
    }

    /**
     * Ended bookings and started waits can no longer clash or change: dropping them keeps the state (and snapshots) small.
     * It runs on every booking event, so it only scans once something can have ended: a schedule with thousands of
     * future bookings (a long series, or a resource loaded from its whole history) would otherwise rescan them all
     * for each event.
     */
    private void forgetThePast(Instant now) {
        if (nothingEndsBefore != null && now.isBefore(nothingEndsBefore)) {
            return;
        }
        Duration buffer = Duration.ofMinutes(cleaningBufferMinutes);
        held.values().removeIf(h -> h.end().toInstant().plus(buffer).isBefore(now));
        waitlist.removeIf(w -> w.start().toInstant().isBefore(now));
        Instant next = null;
        for (Held h : held.values()) {
            next = earlier(next, h.end().toInstant().plus(buffer));
        }
        for (Waiting w : waitlist) {
            next = earlier(next, w.start().toInstant());
        }
        nothingEndsBefore = next == null ? Instant.MAX : next;
    }

    /** Keeps {@link #nothingEndsBefore} true when a booking is held (or moved), without a scan. */
    private void holdsUntil(OffsetDateTime end) {
        if (nothingEndsBefore != null) {
            nothingEndsBefore = earlier(nothingEndsBefore, end.toInstant().plus(Duration.ofMinutes(cleaningBufferMinutes)));
        }
    }

    /** Keeps {@link #nothingEndsBefore} true when a wait is added. */
    private void waitsFrom(OffsetDateTime start) {
        if (nothingEndsBefore != null) {
            nothingEndsBefore = earlier(nothingEndsBefore, start.toInstant());
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}
