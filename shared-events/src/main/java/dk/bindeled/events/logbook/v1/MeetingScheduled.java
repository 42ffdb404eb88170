package dk.bindeled.events.logbook.v1;

import java.time.Instant;
import java.util.List;

/** A meeting of a collaboration was scheduled: its type, time, the invited partners and the members with a vote. */
public record MeetingScheduled(String meetingId, String collaborationId, MeetingType type, String title, Instant startsAt, Instant endsAt, List<String> invitedPartnerIds, List<String> memberPartnerIds) implements LogbookEvent {

    public MeetingScheduled {
        Require.id(meetingId, "meetingId");
        Require.id(collaborationId, "collaborationId");
        Require.present(type, "type");
        Require.id(title, "title");
        Require.present(startsAt, "startsAt");
        Require.present(invitedPartnerIds, "invitedPartnerIds");
        invitedPartnerIds = List.copyOf(invitedPartnerIds);
        Require.present(memberPartnerIds, "memberPartnerIds");
        memberPartnerIds = List.copyOf(memberPartnerIds);
    }

    @Override
    public String subject() {
        return meetingId;
    }
}
