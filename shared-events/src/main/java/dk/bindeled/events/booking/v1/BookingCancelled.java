package dk.bindeled.events.booking.v1;

import java.time.OffsetDateTime;

/** A booking was cancelled; {@code late} when inside the centre's notice period. */
public record BookingCancelled(String bookingId, String resourceId, String centreId, String partnerId,
                               OffsetDateTime start, OffsetDateTime end, boolean late,
                               String reason) implements BookingEvent {
    @Override
    public String subject() {
        return resourceId;
    }
}
