package dk.bindeled.events.logbook.v1;

/** The collaboration moved to another of the five forms (the reason stays in the logbook). */
public record CollaborationFormChanged(String collaborationId, CollaborationForm from, CollaborationForm to) implements LogbookEvent {

    public CollaborationFormChanged {
        Require.id(collaborationId, "collaborationId");
        Require.present(from, "from");
        Require.present(to, "to");
    }

    @Override
    public String subject() {
        return collaborationId;
    }
}
