package dk.bindeled.events.booking.v1;

/**
 * A waitlist offer ({@link WaitlistOffered}) was neither accepted nor declined within room booking's hold time; the
 * slot no longer holds as booking {@code bookingId} and passes to the next partner waiting for it.
 */
public record WaitlistOfferLapsed(String waitlistEntryId, String bookingId, String resourceId, String centreId,
                                  String partnerId) implements BookingEvent {
    @Override
    public String subject() {
        return resourceId;
    }
}
