package dk.bindeled.events.logbook.v1;

/** A meeting's minutes were approved and frozen; the SHA-256 of their content as frozen. */
public record MinutesApproved(String meetingId, String sha256) implements LogbookEvent {

    public MinutesApproved {
        Require.id(meetingId, "meetingId");
        Require.id(sha256, "sha256");
    }

    @Override
    public String subject() {
        return meetingId;
    }
}
