package dk.bindeled.events.booking.v1;

import java.time.OffsetDateTime;

/** A booking keeps its id and moves to a new time on the same resource. */
public record BookingMoved(String bookingId, String resourceId, String centreId, String partnerId,
                           OffsetDateTime previousStart, OffsetDateTime previousEnd,
                           OffsetDateTime start, OffsetDateTime end) implements BookingEvent {
    @Override
    public String subject() {
        return resourceId;
    }
}
