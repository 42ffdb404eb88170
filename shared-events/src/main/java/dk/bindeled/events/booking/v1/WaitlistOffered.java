package dk.bindeled.events.booking.v1;

import java.time.OffsetDateTime;

/**
 * A freed slot is offered to the first partner waiting for it, who must accept it (the resource's rules
 * did not allow confirming it at once). The offer holds the slot as booking {@code bookingId}.
 */
public record WaitlistOffered(String waitlistEntryId, String bookingId, String resourceId, String centreId,
                              String partnerId, OffsetDateTime start, OffsetDateTime end) implements BookingEvent {
    @Override
    public String subject() {
        return resourceId;
    }
}
