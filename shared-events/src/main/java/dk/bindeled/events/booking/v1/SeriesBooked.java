package dk.bindeled.events.booking.v1;

import java.time.LocalDate;
import java.util.List;

/**
 * A recurring series was booked in one go. {@code confirmed} is false when the resource needs approval
 * (the occurrences then hold their slots as requests). {@code recurrence} is the RFC 5545 RRULE value;
 * {@code skippedDates} are the clashing dates the requester chose to leave out.
 */
public record SeriesBooked(String seriesId, String resourceId, String centreId, String partnerId,
                           Visibility visibility, String title, Integer attendees, String targetGroup,
                           String recurrence, List<SeriesOccurrence> occurrences, List<LocalDate> skippedDates,
                           boolean confirmed) implements BookingEvent {
    /**
     * A BUSY booking says only that the time is taken: whatever a producer passes (or an older record carries),
     * it has no title, attendee count or target group, so no consumer can show or store them.
     */
    public SeriesBooked {
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
