package dk.bindeled.events.logbook.v1;

import java.time.Instant;

/**
 * A meeting asks room booking for a room: {@code bookingId} is the id the booking is to have, so room booking's answer
 * on {@code bindeled.booking.v1} (confirmed, awaiting approval, or refused) finds the meeting again. The booking is in
 * the name of {@code partnerId}, a partner of the collaboration; {@code attendees} is the number of organisations invited.
 */
public record MeetingRoomRequested(String meetingId, String collaborationId, String bookingId, String resourceId, String partnerId,
                                   String title, Instant startsAt, Instant endsAt, Integer attendees) implements LogbookEvent {

    public MeetingRoomRequested {
        Require.id(meetingId, "meetingId");
        Require.id(collaborationId, "collaborationId");
        Require.id(bookingId, "bookingId");
        Require.id(resourceId, "resourceId");
        Require.id(partnerId, "partnerId");
        Require.id(title, "title");
        Require.present(startsAt, "startsAt");
        Require.present(endsAt, "endsAt");
    }

    @Override
    public String subject() {
        return meetingId;
    }
}
