package dk.bindeled.booking.domain;

import dk.bindeled.booking.api.BookingDetails;
import dk.bindeled.booking.api.Events.BookingConfirmed;
import dk.bindeled.booking.api.Events.BookingFlagged;
import dk.bindeled.booking.api.Events.BookingMoved;
import dk.bindeled.booking.api.Events.BookingRequested;
import dk.bindeled.booking.api.Events.SeriesBooked;
import dk.bindeled.booking.api.Events.SlotReleased;
import dk.bindeled.booking.api.Events.WaitlistJoined;
import dk.bindeled.booking.api.Events.WaitlistLeft;
import dk.bindeled.booking.api.Events.WaitlistOffered;
import dk.bindeled.booking.api.Events.WaitlistServed;
import dk.bindeled.booking.api.Occurrence;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * What holds a resource's time: the bookings that have not ended, each followed by the resource's cleaning buffer, and
 * the waits whose slot has not started. The schedule decides against it whether a time is free, so this is where a
 * clash is defined. It keeps only what can still clash or change, so it (and every snapshot) stays small however long
 * the history grows.
 */
final class Holdings {

    private int cleaningBufferMinutes;
    private Map<String, Held> held = new LinkedHashMap<>();
    private List<Waiting> waiting = new ArrayList<>();
    /**
     * Until this instant nothing held can have ended, so {@link #forgetThePast} has nothing to drop; null when
     * unknown (after a snapshot is read). Derived, so not part of a snapshot.
     */
    private transient Instant nothingEndsBefore;

    Holdings() {
        // Read from a snapshot.
    }

    Holdings(int cleaningBufferMinutes) {
        this.cleaningBufferMinutes = cleaningBufferMinutes;
    }

    // ------------------------------------------------------------------ reading

    /** Every booking that holds time overlapping [start, end), each side followed by the cleaning buffer. */
    List<Clash> clashes(OffsetDateTime start, OffsetDateTime end, String ignoreBookingId) {
        Duration buffer = buffer();
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

    /** Refuses a time that clashes, listing every clash. */
    void requireFree(OffsetDateTime start, OffsetDateTime end, String ignoreBookingId) {
        List<Clash> clashes = clashes(start, end, ignoreBookingId);
        if (!clashes.isEmpty()) {
            throw new BookingConflictException(clashes);
        }
    }

    boolean isFree(OffsetDateTime start, OffsetDateTime end) {
        return clashes(start, end, null).isEmpty();
    }

    boolean holds(String bookingId) {
        return held.containsKey(bookingId);
    }

    Held booking(String bookingId) {
        Held booking = held.get(bookingId);
        if (booking == null) {
            throw new NotFoundException("No booking " + bookingId + " holds time on this resource (unknown, ended, cancelled or rejected)");
        }
        return booking;
    }

    /** The partner's bookings that have not started and are not flagged yet. */
    List<Held> unflaggedComing(String partnerId, Instant now) {
        return held.values().stream().filter(h -> h.partnerId().equals(partnerId) && !h.flagged() && !h.hasStarted(now)).toList();
    }

    List<Held> ofSeries(String seriesId) {
        return held.values().stream().filter(h -> seriesId.equals(h.seriesId())).toList();
    }

    /** The occurrences of a series still waiting for approval, perhaps none. */
    List<Held> waitingOfSeries(String seriesId) {
        return ofSeries(seriesId).stream().filter(h -> h.status() == Held.Status.REQUESTED).toList();
    }

    List<Held> pendingOfSeries(String seriesId) {
        List<Held> pending = waitingOfSeries(seriesId);
        if (pending.isEmpty()) {
            throw new RuleViolationException("not-pending", "Series " + seriesId + " has no occurrence waiting for approval");
        }
        return pending;
    }

    /** The occurrences waiting for approval that have not started; refused when there are none. */
    List<Held> approvableOfSeries(String seriesId, Instant now) {
        List<Held> coming = pendingOfSeries(seriesId).stream().filter(h -> !h.hasStarted(now)).toList();
        if (coming.isEmpty()) {
            throw new RuleViolationException("already-started", "Every occurrence of series " + seriesId
                    + " waiting for approval has already started");
        }
        return coming;
    }

    /** The occurrences that a cancellation from the local date on reaches: not offers, not started; refused when none. */
    List<Held> cancellableOfSeries(String seriesId, LocalDate fromDate, ZoneId zone, Instant now) {
        List<Held> series = ofSeries(seriesId);
        if (series.isEmpty()) {
            throw new NotFoundException("Series " + seriesId + " has no coming occurrences");
        }
        List<Held> affected = series.stream()
                .filter(h -> h.status() != Held.Status.OFFERED)
                .filter(h -> !Times.local(h.start(), zone).toLocalDate().isBefore(fromDate))
                .filter(h -> !h.hasStarted(now))
                .toList();
        if (affected.isEmpty()) {
            throw new RuleViolationException("nothing-to-cancel",
                    "Series " + seriesId + " has no occurrence on or after " + fromDate + " that has not started");
        }
        return affected;
    }

    /** The waits in the order they were joined: first come, first served. */
    List<Waiting> waiting() {
        return List.copyOf(waiting);
    }

    Waiting entry(String entryId) {
        return waiting.stream().filter(w -> w.entryId().equals(entryId)).findFirst()
                .orElseThrow(() -> new NotFoundException("No waitlist entry " + entryId + " is waiting"));
    }

    boolean waits(String partnerId, OffsetDateTime start, OffsetDateTime end) {
        return waiting.stream().anyMatch(w -> w.partnerId().equals(partnerId) && w.start().isEqual(start) && w.end().isEqual(end));
    }

    // ------------------------------------------------------------------ changing (from the schedule's event handlers)

    /** A booking now holds its time; {@code status} replaces that of one already held under the id (an offer answered). */
    void hold(Instant at, String bookingId, String partnerId, OffsetDateTime start, OffsetDateTime end, Held.Status status,
              String seriesId, BookingDetails details) {
        forgetThePast(at);
        Held previous = held.get(bookingId);
        held.put(bookingId, new Held(bookingId, partnerId, start, end, status, seriesId, details, false,
                previous == null ? null : previous.waitlistEntryId()));
        holdsUntil(end);
    }

    /** Confirms what is held under the id, or holds it confirmed when it is not held yet. */
    void confirm(Instant at, String bookingId, String partnerId, OffsetDateTime start, OffsetDateTime end, String seriesId,
                 BookingDetails details) {
        forgetThePast(at);
        Held previous = held.get(bookingId);
        held.put(bookingId, previous != null ? previous.withStatus(Held.Status.CONFIRMED)
                : new Held(bookingId, partnerId, start, end, Held.Status.CONFIRMED, seriesId, details, false, null));
        holdsUntil(end);
    }

    /** The occurrences of a series, all new. */
    void holdSeries(Instant at, SeriesBooked series) {
        forgetThePast(at);
        Held.Status status = series.confirmed() ? Held.Status.CONFIRMED : Held.Status.REQUESTED;
        for (Occurrence o : series.occurrences()) {
            held.put(o.bookingId(), new Held(o.bookingId(), series.partnerId(), o.start(), o.end(), status, series.seriesId(),
                    series.details(), false, null));
            holdsUntil(o.end());
        }
    }

    /** A freed slot offered to the one waiting for it: the wait becomes a booking that holds the slot until answered. */
    void offer(String entryId, String bookingId, String partnerId, OffsetDateTime start, OffsetDateTime end, BookingDetails details) {
        leave(entryId);
        held.put(bookingId, new Held(bookingId, partnerId, start, end, Held.Status.OFFERED, null, details, false, entryId));
        holdsUntil(end);
    }

    void release(String bookingId) {
        held.remove(bookingId);
    }

    void move(String bookingId, OffsetDateTime start, OffsetDateTime end) {
        change(bookingId, h -> h.movedTo(start, end));
        holdsUntil(end);
    }

    void change(String bookingId, UnaryOperator<Held> change) {
        held.computeIfPresent(bookingId, (id, h) -> change.apply(h));
    }

    void join(Instant at, Waiting entry) {
        forgetThePast(at);
        waiting.add(entry);
        if (nothingEndsBefore != null) {
            nothingEndsBefore = earlier(nothingEndsBefore, entry.start().toInstant());
        }
    }

    void leave(String entryId) {
        waiting.removeIf(w -> w.entryId().equals(entryId));
    }

    /**
     * Ended bookings and started waits can no longer clash or change: dropping them keeps the state (and snapshots) small.
     * It runs on every booking event, so it only scans once something can have ended: a schedule with thousands of
     * future bookings (a long series, or a resource loaded from its whole history) would otherwise rescan them all
     * for each event.
     */
    void forgetThePast(Instant now) {
        if (nothingEndsBefore != null && now.isBefore(nothingEndsBefore)) {
            return;
        }
        Duration buffer = buffer();
        held.values().removeIf(h -> h.end().toInstant().plus(buffer).isBefore(now));
        waiting.removeIf(w -> w.start().toInstant().isBefore(now));
        Instant next = null;
        for (Held h : held.values()) {
            next = earlier(next, h.end().toInstant().plus(buffer));
        }
        for (Waiting w : waiting) {
            next = earlier(next, w.start().toInstant());
        }
        nothingEndsBefore = next == null ? Instant.MAX : next;
    }

    /** Keeps {@link #nothingEndsBefore} true when a booking is held (or moved), without a scan. */
    private void holdsUntil(OffsetDateTime end) {
        if (nothingEndsBefore != null) {
            nothingEndsBefore = earlier(nothingEndsBefore, end.toInstant().plus(buffer()));
        }
    }

    private Duration buffer() {
        return Duration.ofMinutes(cleaningBufferMinutes);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    // ------------------------------------------------------------------ the events that change it

    @EventSourcingHandler
    void on(BookingRequested event, @Timestamp Instant at) {
        hold(at, event.bookingId(), event.partnerId(), event.start(), event.end(),
                event.awaitsApproval() ? Held.Status.REQUESTED : Held.Status.CONFIRMED, event.seriesId(), event.details());
    }

    @EventSourcingHandler
    void on(BookingConfirmed event, @Timestamp Instant at) {
        confirm(at, event.bookingId(), event.partnerId(), event.start(), event.end(), event.seriesId(), event.details());
    }

    @EventSourcingHandler
    void on(SlotReleased event) {
        release(event.bookingId());
    }

    @EventSourcingHandler
    void on(BookingMoved event) {
        move(event.bookingId(), event.start(), event.end());
    }

    @EventSourcingHandler
    void on(BookingFlagged event) {
        change(event.bookingId(), Held::asFlagged);
    }

    @EventSourcingHandler
    void on(SeriesBooked event, @Timestamp Instant at) {
        holdSeries(at, event);
    }

    @EventSourcingHandler
    void on(WaitlistJoined event, @Timestamp Instant at) {
        join(at, new Waiting(event.entryId(), event.partnerId(), event.start(), event.end(), event.details()));
    }

    @EventSourcingHandler
    void on(WaitlistLeft event) {
        leave(event.entryId());
    }

    @EventSourcingHandler
    void on(WaitlistServed event) {
        leave(event.entryId());
    }

    @EventSourcingHandler
    void on(WaitlistOffered event) {
        offer(event.entryId(), event.bookingId(), event.partnerId(), event.start(), event.end(), event.details());
    }
}
