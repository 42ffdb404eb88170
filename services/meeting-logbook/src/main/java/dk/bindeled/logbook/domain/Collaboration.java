package dk.bindeled.logbook.domain;

import dk.bindeled.domain.InvalidInputException;
import dk.bindeled.domain.RuleViolationException;
import dk.bindeled.domain.NotFoundException;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dk.bindeled.events.logbook.v1.CoCreationPhase;
import dk.bindeled.events.logbook.v1.CollaborationForm;
import dk.bindeled.logbook.api.Commands.AdvanceCoCreationPhase;
import dk.bindeled.logbook.api.Commands.ChangeCollaborationForm;
import dk.bindeled.logbook.api.Commands.DescribeTheoryOfChange;
import dk.bindeled.logbook.api.Commands.Goal;
import dk.bindeled.logbook.api.Commands.JoinCollaboration;
import dk.bindeled.logbook.api.Commands.Participant;
import dk.bindeled.logbook.api.Commands.ReviseGoals;
import dk.bindeled.logbook.api.Commands.Role;
import dk.bindeled.logbook.api.Commands.StartCollaboration;
import dk.bindeled.logbook.api.Commands.TheoryOfChange;
import dk.bindeled.logbook.api.Events.CoCreationPhaseReached;
import dk.bindeled.logbook.api.Events.CollaborationFormChanged;
import dk.bindeled.logbook.api.Events.CollaborationStarted;
import dk.bindeled.logbook.api.Events.GoalsRevised;
import dk.bindeled.logbook.api.Events.PartnerJoinedCollaboration;
import dk.bindeled.logbook.api.Events.TheoryOfChangeDescribed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A collaboration (initiative) between partners, in one of the five forms, event-sourced: every change of form, every
 * version of its goals and of its theory of change stays in its history. Its coordinator's organisation and its lead
 * partners change it.
 */
@Aggregate
public class Collaboration {

    public static final String RULE = "collaboration-rule";

    @AggregateIdentifier
    private String collaborationId;
    private String coordinatorOrg;
    private CollaborationForm form;
    private Map<String, Role> partners = new LinkedHashMap<>();
    private int goalsVersion;
    private int theoryVersion;
    private CoCreationPhase phase;

    protected Collaboration() {
        // Axon rebuilds the aggregate from its events.
    }

    @CommandHandler
    public Collaboration(StartCollaboration command) {
        required("title", command.title());
        required("purpose", command.purpose());
        if (command.form() == null) {
            throw new InvalidInputException("form", "is required: VIDENDELE, SAMVIRKE, RESSOURCEUDVEKSLE, SAMORDNE or SAMSKABE");
        }
        if (command.coordinator() == null || command.coordinator().org() == null || blank(command.coordinator().name())) {
            throw new InvalidInputException("coordinator", "is required: a named person of a partner organisation");
        }
        List<Participant> partners = command.partners() == null ? List.of() : command.partners();
        if (partners.stream().anyMatch(p -> p.org() == null || p.role() == null)) {
            throw new InvalidInputException("partners", "each names an organisation and its role, LEAD or PARTICIPANT");
        }
        if (partners.stream().map(Participant::org).distinct().count() != partners.size()) {
            throw new InvalidInputException("partners", "names an organisation more than once");
        }
        if (partners.stream().noneMatch(p -> p.role() == Role.LEAD)) {
            throw new InvalidInputException("partners", "must include at least one LEAD partner");
        }
        if (partners.stream().noneMatch(p -> p.org().equals(command.coordinator().org()))) {
            throw new InvalidInputException("coordinator", "must be of one of the participating partners");
        }
        if (partners.stream().noneMatch(p -> p.org().equals(command.actingOrg()))) {
            throw new RuleViolationException(RULE, "A collaboration is started by one of its partners");
        }
        if (command.coCreationTrack() && command.form() != CollaborationForm.SAMSKABE) {
            throw new InvalidInputException("coCreationTrack", "is for a collaboration in the form SAMSKABE");
        }
        apply(new CollaborationStarted(command.collaborationId(), command.title().strip(), command.purpose().strip(), command.form(),
                command.targetGroups() == null ? List.of() : List.copyOf(command.targetGroups()), command.coordinator(), List.copyOf(partners),
                command.coCreationTrack() ? CoCreationPhase.START_UP : null));
    }

    @CommandHandler
    public void handle(ChangeCollaborationForm command) {
        steward(command.actingOrg(), "change the form");
        if (command.form() == null) {
            throw new InvalidInputException("form", "is required");
        }
        if (command.form() == form) {
            throw new RuleViolationException(RULE, "The collaboration is " + form + " already");
        }
        required("reason", command.reason());
        apply(new CollaborationFormChanged(collaborationId, form, command.form(), command.reason().strip()));
    }

    @CommandHandler
    public void handle(ReviseGoals command) {
        steward(command.actingOrg(), "revise the goals");
        List<Goal> goals = command.goals() == null ? List.of() : command.goals();
        if (goals.isEmpty()) {
            throw new InvalidInputException("goals", "names at least one goal");
        }
        for (int i = 0; i < goals.size(); i++) {
            if (blank(goals.get(i).goal())) {
                throw new InvalidInputException("goals[" + i + "].goal", "is required");
            }
            if (blank(goals.get(i).successCriterion())) {
                throw new InvalidInputException("goals[" + i + "].successCriterion", "is required: how the collaboration will know it got there");
            }
        }
        apply(new GoalsRevised(collaborationId, goalsVersion + 1, List.copyOf(goals)));
    }

    @CommandHandler
    public void handle(DescribeTheoryOfChange command) {
        steward(command.actingOrg(), "describe the theory of change");
        TheoryOfChange theory = command.theory();
        if (theory == null || empty(theory.resources()) || empty(theory.activities()) || empty(theory.results()) || empty(theory.effects())) {
            throw new InvalidInputException("theory", "names resources, activities, results and effects");
        }
        apply(new TheoryOfChangeDescribed(collaborationId, theoryVersion + 1, theory));
    }

    @CommandHandler
    public void handle(AdvanceCoCreationPhase command) {
        steward(command.actingOrg(), "move the co-creation track on");
        CoCreationTrack.next(phase, command.phase());
        apply(new CoCreationPhaseReached(collaborationId, phase, command.phase()));
    }

    @CommandHandler
    public void handle(JoinCollaboration command) {
        steward(command.actingOrg(), "add a partner");
        Participant partner = command.partner();
        if (partner == null || partner.org() == null || partner.role() == null) {
            throw new InvalidInputException("partner", "names an organisation and its role");
        }
        if (partners.containsKey(partner.org())) {
            throw new RuleViolationException(RULE, partner.org() + " takes part already");
        }
        apply(new PartnerJoinedCollaboration(collaborationId, partner));
    }

    @EventSourcingHandler
    void on(CollaborationStarted event) {
        collaborationId = event.collaborationId();
        coordinatorOrg = event.coordinator().org();
        form = event.form();
        event.partners().forEach(p -> partners.put(p.org(), p.role()));
        phase = event.phase();
    }

    @EventSourcingHandler
    void on(CollaborationFormChanged event) {
        form = event.to();
    }

    @EventSourcingHandler
    void on(GoalsRevised event) {
        goalsVersion = event.version();
    }

    @EventSourcingHandler
    void on(TheoryOfChangeDescribed event) {
        theoryVersion = event.version();
    }

    @EventSourcingHandler
    void on(CoCreationPhaseReached event) {
        phase = event.to();
    }

    @EventSourcingHandler
    void on(PartnerJoinedCollaboration event) {
        partners.put(event.partner().org(), event.partner().role());
    }

    /** The coordinator's organisation and the lead partners steer; participants take part. Anyone else: not found. */
    private void steward(String actingOrg, String what) {
        if (!partners.containsKey(actingOrg)) {
            throw new NotFoundException("No collaboration " + collaborationId);
        }
        if (!coordinatorOrg.equals(actingOrg) && partners.get(actingOrg) != Role.LEAD) {
            throw new RuleViolationException(RULE, "Only the coordinator and the lead partners may " + what);
        }
    }

    private static boolean empty(List<String> values) {
        return values == null || values.stream().allMatch(Collaboration::blank);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static void required(String field, String value) {
        if (blank(value)) {
            throw new InvalidInputException(field, "is required");
        }
    }
}
