package dk.bindeled.events.logbook.v1;

import java.time.LocalDate;

/** An action item was assigned at a meeting to a partner, due on a date (what it is stays in the logbook). */
public record ActionItemAssigned(String actionItemId, String collaborationId, String meetingId, String ownerPartnerId, LocalDate dueDate) implements LogbookEvent {

    public ActionItemAssigned {
        Require.id(actionItemId, "actionItemId");
        Require.id(collaborationId, "collaborationId");
        Require.id(meetingId, "meetingId");
        Require.id(ownerPartnerId, "ownerPartnerId");
        Require.present(dueDate, "dueDate");
    }

    @Override
    public String subject() {
        return actionItemId;
    }
}
