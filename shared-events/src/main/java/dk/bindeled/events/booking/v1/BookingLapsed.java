package dk.bindeled.events.booking.v1;

import java.time.OffsetDateTime;

/**
 * A booking that waited for the manager's approval was not decided within room booking's hold time; the slot is free
 * again. Nobody decided it, so there is no reason to carry.
 */
public record BookingLapsed(String bookingId, String resourceId, String centreId, String partnerId,
                            OffsetDateTime start, OffsetDateTime end) implements BookingEvent {
    @Override
    public String subject() {
        return resourceId;
    }
}
