package dk.bindeled.events.logbook.v1;

/** A co-creation track reached its next phase. */
public record CoCreationPhaseReached(String collaborationId, CoCreationPhase from, CoCreationPhase to) implements LogbookEvent {

    public CoCreationPhaseReached {
        Require.id(collaborationId, "collaborationId");
        Require.present(from, "from");
        Require.present(to, "to");
    }

    @Override
    public String subject() {
        return collaborationId;
    }
}
