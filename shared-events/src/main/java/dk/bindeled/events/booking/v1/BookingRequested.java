package dk.bindeled.events.booking.v1;

import java.time.OffsetDateTime;

/** A booking was asked for and waits for the centre manager's approval (it holds the slot meanwhile). */
public record BookingRequested(String bookingId, String resourceId, String centreId, String partnerId,
                               OffsetDateTime start, OffsetDateTime end, Visibility visibility, String title,
                               Integer attendees, String targetGroup, String seriesId) implements BookingEvent {
    @Override
    public String subject() {
        return resourceId;
    }
}
