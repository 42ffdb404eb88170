package dk.bindeled.events.logbook.v1;

/** Who of a partner attended a meeting, as a count of people (0: no one came after all). */
public record MeetingAttended(String meetingId, String partnerId, int people) implements LogbookEvent {

    public MeetingAttended {
        Require.id(meetingId, "meetingId");
        Require.id(partnerId, "partnerId");
    }

    @Override
    public String subject() {
        return meetingId;
    }
}
