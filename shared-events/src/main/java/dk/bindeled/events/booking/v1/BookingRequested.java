package dk.bindeled.events.booking.v1;

import java.time.OffsetDateTime;

/**
 * A booking was asked for and waits for the centre manager's approval (it holds the slot meanwhile). {@code meetingId}
 * names the logbook meeting the booking is for, when a meeting asked for it.
 */
public record BookingRequested(String bookingId, String resourceId, String centreId, String partnerId,
                               OffsetDateTime start, OffsetDateTime end, Visibility visibility, String title,
                               Integer attendees, String targetGroup, String seriesId, String meetingId) implements BookingEvent {
    /**
     * A BUSY booking says only that the time is taken: whatever a producer passes (or an older record carries),
     * it has no title, attendee count or target group, so no consumer can show or store them.
     */
    public BookingRequested {
        if (visibility == Visibility.BUSY) {
            title = null;
            attendees = null;
            targetGroup = null;
            meetingId = null;
        }
    }

    /** A booking that is not for a meeting of the logbook. */
    public BookingRequested(String bookingId, String resourceId, String centreId, String partnerId, OffsetDateTime start,
                            OffsetDateTime end, Visibility visibility, String title, Integer attendees, String targetGroup,
                            String seriesId) {
        this(bookingId, resourceId, centreId, partnerId, start, end, visibility, title, attendees, targetGroup, seriesId, null);
    }

    @Override
    public String subject() {
        return resourceId;
    }
}
