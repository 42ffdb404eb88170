package dk.bindeled.events.logbook.v1;

import java.time.LocalDate;

/** An action item was still open when its due date had passed. */
public record ActionItemOverdue(String actionItemId, String collaborationId, LocalDate dueDate) implements LogbookEvent {

    public ActionItemOverdue {
        Require.id(actionItemId, "actionItemId");
        Require.id(collaborationId, "collaborationId");
        Require.present(dueDate, "dueDate");
    }

    @Override
    public String subject() {
        return actionItemId;
    }
}
