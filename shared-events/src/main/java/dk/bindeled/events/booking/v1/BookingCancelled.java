package dk.bindeled.events.booking.v1;

import java.time.OffsetDateTime;

/**
 * A booking was cancelled; {@code late} when inside the centre's notice period. {@code reasonCategory} says why
 * as a category; the free text staff may add stays in room booking. Absent in records published before it was
 * added.
 */
public record BookingCancelled(String bookingId, String resourceId, String centreId, String partnerId,
                               OffsetDateTime start, OffsetDateTime end, boolean late,
                               CancellationReason reasonCategory) implements BookingEvent {
    @Override
    public String subject() {
        return resourceId;
    }
}
