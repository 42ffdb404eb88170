package dk.bindeled.events.booking.v1;

import java.time.OffsetDateTime;

/** A future booking needs the centre manager's attention (for example: its partner was deactivated). */
public record BookingFlagged(String bookingId, String resourceId, String centreId, String partnerId,
                             OffsetDateTime start, OffsetDateTime end, FlagReason reason) implements BookingEvent {
    @Override
    public String subject() {
        return resourceId;
    }

    public enum FlagReason {
        PARTNER_DEACTIVATED, PARTNER_LEFT_CENTRE
    }
}
