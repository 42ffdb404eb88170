package dk.bindeled.events.logbook.v1;

/** An action item was cancelled (the reason stays in the logbook). */
public record ActionItemCancelled(String actionItemId, String collaborationId) implements LogbookEvent {

    public ActionItemCancelled {
        Require.id(actionItemId, "actionItemId");
        Require.id(collaborationId, "collaborationId");
    }

    @Override
    public String subject() {
        return actionItemId;
    }
}
