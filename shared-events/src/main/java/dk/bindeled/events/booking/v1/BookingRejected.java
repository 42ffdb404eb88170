package dk.bindeled.events.booking.v1;

/** The centre manager declined a requested booking; the slot is free again. */
public record BookingRejected(String bookingId, String resourceId, String centreId, String partnerId,
                              String reason) implements BookingEvent {
    @Override
    public String subject() {
        return resourceId;
    }
}
