package dk.bindeled.logbook.api;

import dk.bindeled.events.logbook.v1.CoCreationPhase;
import dk.bindeled.events.logbook.v1.CollaborationForm;
import dk.bindeled.events.logbook.v1.DecisionType;
import dk.bindeled.events.logbook.v1.Majority;
import dk.bindeled.events.logbook.v1.MeetingType;
import dk.bindeled.events.logbook.v1.VoteChoice;
import dk.bindeled.events.partner.v1.TargetGroup;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * What can be asked of a collaboration and of a meeting. {@code actingOrg} is the caller's organisation (the token's
 * {@code org}); people are named by their work role only where the logbook needs a person (a coordinator, an attendee).
 */
public final class Commands {

    private Commands() {
    }

    // --- collaborations

    public record StartCollaboration(@TargetAggregateIdentifier String collaborationId, String actingOrg, String title, String purpose,
                                     CollaborationForm form, List<TargetGroup> targetGroups, Person coordinator, List<Participant> partners,
                                     boolean coCreationTrack) {
    }

    public record ChangeCollaborationForm(@TargetAggregateIdentifier String collaborationId, String actingOrg, CollaborationForm form, String reason) {
    }

    public record ReviseGoals(@TargetAggregateIdentifier String collaborationId, String actingOrg, List<Goal> goals) {
    }

    public record DescribeTheoryOfChange(@TargetAggregateIdentifier String collaborationId, String actingOrg, TheoryOfChange theory) {
    }

    public record AdvanceCoCreationPhase(@TargetAggregateIdentifier String collaborationId, String actingOrg, CoCreationPhase phase) {
    }

    public record JoinCollaboration(@TargetAggregateIdentifier String collaborationId, String actingOrg, Participant partner) {
    }

    // --- meetings

    /**
     * {@code members}: the organisations with a vote (the collaboration's partners when the meeting is scheduled);
     * {@code carriedOver}: the open action items and unfinished agenda items of the collaboration's last meeting, which
     * open this one's agenda.
     */
    public record ScheduleMeeting(@TargetAggregateIdentifier String meetingId, String collaborationId, String actingOrg, String coordinatorOrg,
                                  MeetingType type, String title, Instant startsAt, Instant endsAt, String place, List<String> invited,
                                  List<String> members, List<CarriedOver> carriedOver) {
    }

    /**
     * Asks room booking for a room for the meeting (through events), in the name of {@code partnerId}, one of the
     * collaboration's partners; {@code bookingId} is the id the booking is to have. Refused while a booking is asked
     * for or confirmed: cancel that in room booking first.
     */
    public record RequestMeetingRoom(@TargetAggregateIdentifier String meetingId, String actingOrg, String bookingId, String resourceId,
                                     String partnerId) {
    }

    /** Room booking's answer to the meeting's room request, as its events told it; an answer for another booking is ignored. */
    public record RecordRoomAnswer(@TargetAggregateIdentifier String meetingId, String bookingId, RoomStatus status, String reason) {
    }

    /** Where a meeting's room booking stands, as room booking last said. */
    public enum RoomStatus { REQUESTED, AWAITING_APPROVAL, CONFIRMED, REFUSED, REJECTED, CANCELLED;

        /** Whether the meeting has, or may still get, this room: then no other is asked for. */
        public boolean holds() {
            return this == REQUESTED || this == AWAITING_APPROVAL || this == CONFIRMED;
        }
    }

    /** An agenda item carried over: its new id, its title, and where it came from (an agenda item or an action item). */
    public record CarriedOver(String itemId, String title, String from) {
    }

    /** The item was dealt with: it is not carried over to the next meeting. */
    public record FinishAgendaItem(@TargetAggregateIdentifier String meetingId, String actingOrg, String itemId) {
    }

    // --- action items

    /** {@code members}: the collaboration's partners, one of which owns it; {@code coordinatorOrg}: who assigns and may close it. */
    public record AssignActionItem(@TargetAggregateIdentifier String actionItemId, String actingOrg, String collaborationId, String meetingId,
                                   String coordinatorOrg, List<String> members, String title, String ownerOrg, String ownerPerson,
                                   java.time.LocalDate dueDate) {
    }

    public record CompleteActionItem(@TargetAggregateIdentifier String actionItemId, String actingOrg) {
    }

    public record CancelActionItem(@TargetAggregateIdentifier String actionItemId, String actingOrg, String reason) {
    }

    public record AddAgendaItem(@TargetAggregateIdentifier String meetingId, String actingOrg, String itemId, String title, String carriedOverFrom) {
    }

    public record RecordAttendance(@TargetAggregateIdentifier String meetingId, String actingOrg, String org, List<String> people) {
    }

    /** Organisation {@code fromOrg} gives its vote at this meeting to {@code toOrg}. */
    public record GiveProxy(@TargetAggregateIdentifier String meetingId, String actingOrg, String fromOrg, String toOrg) {
    }

    public record OpenVote(@TargetAggregateIdentifier String meetingId, String actingOrg, String voteId, String agendaItemId, String motion,
                           Majority majority, double quorumShare, int quorumMinimum, boolean secret) {
    }

    /** {@code forOrg}: the organisation whose vote it is — the acting one's own, or one that gave it a proxy. */
    public record CastVote(@TargetAggregateIdentifier String meetingId, String actingOrg, String voteId, String forOrg, VoteChoice choice) {
    }

    /** Hands or ballots counted by the chair, entered as totals. */
    public record RecordVoteTotals(@TargetAggregateIdentifier String meetingId, String actingOrg, String voteId, int forVotes, int against,
                                   int abstain) {
    }

    public record CloseVote(@TargetAggregateIdentifier String meetingId, String actingOrg, String voteId) {
    }

    public record RecordDecision(@TargetAggregateIdentifier String meetingId, String actingOrg, String decisionId, String agendaItemId,
                                 DecisionType type, String text, String voteId) {
    }

    public record DraftMinutes(@TargetAggregateIdentifier String meetingId, String actingOrg, String text) {
    }

    public record CirculateMinutes(@TargetAggregateIdentifier String meetingId, String actingOrg, Instant amendmentsUntil) {
    }

    public record ProposeAmendment(@TargetAggregateIdentifier String meetingId, String actingOrg, String amendmentId, String proposedBy, String text) {
    }

    public record DecideAmendment(@TargetAggregateIdentifier String meetingId, String actingOrg, String amendmentId, boolean accepted, String reason) {
    }

    /** {@code atMeetingId}: the next meeting that approved them; null when the amendment period has ended. */
    public record ApproveMinutes(@TargetAggregateIdentifier String meetingId, String actingOrg, String atMeetingId) {
    }

    // --- the parts

    /** A person by name and work role, of an organisation: the coordinator, an attendee. No resident is ever one. */
    public record Person(String org, String name, String role) {
    }

    public enum Role { LEAD, PARTICIPANT }

    public record Participant(String org, Role role) {
    }

    public record Goal(String goal, String successCriterion) {
    }

    public record TheoryOfChange(List<String> resources, List<String> activities, List<String> results, List<String> effects) {
    }
}
