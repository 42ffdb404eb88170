package dk.bindeled.events.logbook.v1;

/** A decision was recorded at a meeting, by its type (its text stays in the logbook). */
public record DecisionRecorded(String meetingId, String decisionId, DecisionType type, String voteId) implements LogbookEvent {

    public DecisionRecorded {
        Require.id(meetingId, "meetingId");
        Require.id(decisionId, "decisionId");
        Require.present(type, "type");
    }

    @Override
    public String subject() {
        return meetingId;
    }
}
