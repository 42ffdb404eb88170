package dk.bindeled.events.booking.v1;

/**
 * The centre manager declined a requested booking; the slot is free again. {@code reasonCategory} says why as a
 * category; the manager's own words stay in room booking. Absent in records published before it was added.
 */
public record BookingRejected(String bookingId, String resourceId, String centreId, String partnerId,
                              RejectionReason reasonCategory) implements BookingEvent {
    @Override
    public String subject() {
        return resourceId;
    }
}
