package dk.bindeled.events.logbook.v1;

/** An action item was completed. */
public record ActionItemCompleted(String actionItemId, String collaborationId) implements LogbookEvent {

    public ActionItemCompleted {
        Require.id(actionItemId, "actionItemId");
        Require.id(collaborationId, "collaborationId");
    }

    @Override
    public String subject() {
        return actionItemId;
    }
}
