package dk.bindeled.booking.domain;

import dk.bindeled.booking.api.BookingDetails;
import dk.bindeled.booking.api.Events.BookingConfirmed;
import java.time.Instant;
import java.time.OffsetDateTime;

/** A booking that holds (part of) a resource's time: waiting for approval, confirmed, or offered from the waitlist. */
record Held(String bookingId, String partnerId, OffsetDateTime start, OffsetDateTime end, Status status,
            String seriesId, BookingDetails details, boolean flagged, String waitlistEntryId) {

    enum Status { REQUESTED, CONFIRMED, OFFERED }

    Held withStatus(Status newStatus) {
        return new Held(bookingId, partnerId, start, end, newStatus, seriesId, details, flagged, waitlistEntryId);
    }

    Held movedTo(OffsetDateTime newStart, OffsetDateTime newEnd) {
        return new Held(bookingId, partnerId, newStart, newEnd, status, seriesId, details, flagged, waitlistEntryId);
    }

    Held asFlagged() {
        return new Held(bookingId, partnerId, start, end, status, seriesId, details, true, waitlistEntryId);
    }

    BookingConfirmed confirmation(String resourceId, String centreId, boolean fromWaitlist) {
        return new BookingConfirmed(bookingId, resourceId, centreId, partnerId, start, end, details, seriesId, fromWaitlist);
    }

    boolean hasStarted(Instant now) {
        return !start.toInstant().isAfter(now);
    }

    /** What has begun can no longer be planned for: cancelling, moving, approving or accepting it is refused. */
    Held requireNotStarted(Instant now) {
        if (hasStarted(now)) {
            throw new RuleViolationException("already-started", "Booking " + bookingId + " has already started");
        }
        return this;
    }

    Held requirePending() {
        if (status != Status.REQUESTED) {
            throw new RuleViolationException("not-pending", "Booking " + bookingId + " is not waiting for approval");
        }
        return this;
    }

    Held requireOffer() {
        if (status != Status.OFFERED) {
            throw new RuleViolationException("not-offered", "Booking " + bookingId + " is not a waitlist offer");
        }
        return this;
    }

    /** An offer is answered by accepting or declining it, never moved or cancelled like a booking. */
    Held requireNotAnOffer(String instead) {
        if (status == Status.OFFERED) {
            throw new RuleViolationException("is-offer", "Booking " + bookingId + " is a waitlist offer: " + instead);
        }
        return this;
    }
}
