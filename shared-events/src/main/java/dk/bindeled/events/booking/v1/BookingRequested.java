package dk.bindeled.events.booking.v1;

import java.time.OffsetDateTime;

/** A booking was asked for and waits for the centre manager's approval (it holds the slot meanwhile). */
public record BookingRequested(String bookingId, String resourceId, String centreId, String partnerId,
                               OffsetDateTime start, OffsetDateTime end, Visibility visibility, String title,
                               Integer attendees, String targetGroup, String seriesId) implements BookingEvent {
    /**
     * A BUSY booking says only that the time is taken: whatever a producer passes (or an older record carries),
     * it has no title, attendee count or target group, so no consumer can show or store them.
     */
    public BookingRequested {
        if (visibility == Visibility.BUSY) {
            title = null;
            attendees = null;
            targetGroup = null;
        }
    }

    @Override
    public String subject() {
        return resourceId;
    }
}
