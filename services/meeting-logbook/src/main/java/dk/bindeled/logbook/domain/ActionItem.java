package dk.bindeled.logbook.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dk.bindeled.domain.InvalidInputException;
import dk.bindeled.domain.RuleViolationException;
import dk.bindeled.logbook.api.Commands.AssignActionItem;
import dk.bindeled.logbook.api.Commands.CancelActionItem;
import dk.bindeled.logbook.api.Commands.CompleteActionItem;
import dk.bindeled.logbook.api.Events.ActionItemAssigned;
import dk.bindeled.logbook.api.Events.ActionItemCancelled;
import dk.bindeled.logbook.api.Events.ActionItemCompleted;
import dk.bindeled.logbook.api.Events.ActionItemOverdue;
import java.time.Clock;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Something a meeting agreed someone would do: owned by a partner organisation (and a person there), due on a date,
 * open until its owner or the coordinator completes it or the coordinator cancels it with a reason. Overdue once its
 * due date has passed ({@link ActionItemDue}, a persisted deadline); open ones open the next meeting's agenda.
 */
@Aggregate
public class ActionItem {

    public static final String RULE = "action-item-rule";

    enum Status { OPEN, DONE, CANCELLED }

    @AggregateIdentifier
    private String actionItemId;
    private String collaborationId;
    private String coordinatorOrg;
    private String ownerOrg;
    private LocalDate dueDate;
    private Status status;

    protected ActionItem() {
        // Axon rebuilds the aggregate from its events.
    }

    @CommandHandler
    public ActionItem(AssignActionItem command, Clock clock, DeadlineManager deadlines) {
        if (command.title() == null || command.title().isBlank()) {
            throw new InvalidInputException("title", "is required");
        }
        if (command.ownerOrg() == null || command.members() == null || !command.members().contains(command.ownerOrg())) {
            throw new InvalidInputException("ownerOrg", "must be one of the collaboration's partners");
        }
        if (command.dueDate() == null) {
            throw new InvalidInputException("dueDate", "is required");
        }
        if (command.dueDate().isBefore(ActionItemDue.today(clock))) {
            throw new InvalidInputException("dueDate", "is in the past");
        }
        if (!command.coordinatorOrg().equals(command.actingOrg())) {
            throw new RuleViolationException(RULE, "Only the coordinator assigns action items");
        }
        apply(new ActionItemAssigned(command.actionItemId(), command.collaborationId(), command.meetingId(), command.coordinatorOrg(),
                command.title().strip(), command.ownerOrg(), blankToNull(command.ownerPerson()), command.dueDate()))
                .andThen(() -> deadlines.schedule(ActionItemDue.overdueAt(command.dueDate()), ActionItemDue.DEADLINE, command.dueDate()));
    }

    @CommandHandler
    public void handle(CompleteActionItem command) {
        if (!ownerOrg.equals(command.actingOrg()) && !coordinatorOrg.equals(command.actingOrg())) {
            throw new RuleViolationException(RULE, "The owner or the coordinator completes an action item");
        }
        open();
        apply(new ActionItemCompleted(actionItemId, collaborationId));
    }

    @CommandHandler
    public void handle(CancelActionItem command) {
        if (!coordinatorOrg.equals(command.actingOrg())) {
            throw new RuleViolationException(RULE, "Only the coordinator cancels an action item");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new InvalidInputException("reason", "is required");
        }
        open();
        apply(new ActionItemCancelled(actionItemId, collaborationId, command.reason().strip()));
    }

    @DeadlineHandler(deadlineName = ActionItemDue.DEADLINE)
    void due(LocalDate due) {
        if (status == Status.OPEN && due.equals(dueDate)) {
            apply(new ActionItemOverdue(actionItemId, collaborationId, dueDate), MetaData.with("actor", ActionItemDue.ACTOR));
        }
    }

    @EventSourcingHandler
    void on(ActionItemAssigned event) {
        actionItemId = event.actionItemId();
        collaborationId = event.collaborationId();
        coordinatorOrg = event.coordinatorOrg();
        ownerOrg = event.ownerOrg();
        dueDate = event.dueDate();
        status = Status.OPEN;
    }

    @EventSourcingHandler
    void on(ActionItemCompleted event) {
        status = Status.DONE;
    }

    @EventSourcingHandler
    void on(ActionItemCancelled event) {
        status = Status.CANCELLED;
    }

    private void open() {
        if (status != Status.OPEN) {
            throw new RuleViolationException(RULE, "The action item is " + status.name().toLowerCase(java.util.Locale.ROOT) + " already");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
