package dk.bindeled.logbook.api;

import dk.bindeled.events.logbook.v1.CoCreationPhase;
import dk.bindeled.events.logbook.v1.CollaborationForm;
import dk.bindeled.events.logbook.v1.DecisionType;
import dk.bindeled.events.logbook.v1.Majority;
import dk.bindeled.events.logbook.v1.MeetingType;
import dk.bindeled.events.logbook.v1.VoteChoice;
import dk.bindeled.events.partner.v1.TargetGroup;
import dk.bindeled.logbook.api.Commands.Goal;
import dk.bindeled.logbook.api.Commands.Participant;
import dk.bindeled.logbook.api.Commands.Person;
import dk.bindeled.logbook.api.Commands.TheoryOfChange;
import java.time.Instant;
import java.util.List;

/** The logbook's own history: append-only; a correction is a new event, never an edit. Who did it is the actor metadata. */
public final class Events {

    private Events() {
    }

    public record CollaborationStarted(String collaborationId, String title, String purpose, CollaborationForm form, List<TargetGroup> targetGroups,
                                       Person coordinator, List<Participant> partners, CoCreationPhase phase) {
    }

    public record CollaborationFormChanged(String collaborationId, CollaborationForm from, CollaborationForm to, String reason) {
    }

    /** Every revision kept: {@code version} counts from 1. */
    public record GoalsRevised(String collaborationId, int version, List<Goal> goals) {
    }

    public record TheoryOfChangeDescribed(String collaborationId, int version, TheoryOfChange theory) {
    }

    public record CoCreationPhaseReached(String collaborationId, CoCreationPhase from, CoCreationPhase to) {
    }

    public record PartnerJoinedCollaboration(String collaborationId, Participant partner) {
    }

    public record MeetingScheduled(String meetingId, String collaborationId, String coordinatorOrg, MeetingType type, String title, Instant startsAt,
                                   Instant endsAt, String place, List<String> invited, List<String> members) {
    }

    public record AgendaItemAdded(String meetingId, String itemId, String title, String carriedOverFrom) {
    }

    public record MeetingRoomRequested(String meetingId, String collaborationId, String bookingId, String resourceId, String partnerId,
                                       String title, Instant startsAt, Instant endsAt, int invited) {
    }

    /** {@code reason}: the category room booking gave for a refusal, rejection or cancellation (its enum's name). */
    public record MeetingRoomAnswered(String meetingId, String bookingId, Commands.RoomStatus status, String reason) {
    }

    public record AgendaItemFinished(String meetingId, String itemId) {
    }

    public record ActionItemAssigned(String actionItemId, String collaborationId, String meetingId, String coordinatorOrg, String title,
                                     String ownerOrg, String ownerPerson, java.time.LocalDate dueDate) {
    }

    public record ActionItemCompleted(String actionItemId, String collaborationId) {
    }

    public record ActionItemCancelled(String actionItemId, String collaborationId, String reason) {
    }

    /** Still open when its due date had passed (raised by a deadline, once). */
    public record ActionItemOverdue(String actionItemId, String collaborationId, java.time.LocalDate dueDate) {
    }

    public record AttendanceRecorded(String meetingId, String org, List<String> people) {
    }

    public record ProxyGiven(String meetingId, String fromOrg, String toOrg) {
    }

    /** {@code roll}: who may vote, frozen as the vote opens — each voting organisation and who casts its vote. */
    public record VoteOpened(String meetingId, String voteId, String agendaItemId, String motion, Majority majority, double quorumShare,
                             int quorumMinimum, boolean secret, List<RollEntry> roll, int members) {
    }

    /** The vote of {@code org}, cast by {@code castBy} (itself, or the one it gave its proxy). */
    public record RollEntry(String org, String castBy) {
    }

    public record VoteCast(String meetingId, String voteId, String org, String castBy, VoteChoice choice) {
    }

    public record VoteTotalsRecorded(String meetingId, String voteId, int forVotes, int against, int abstain) {
    }

    public record VoteClosed(String meetingId, String voteId, Majority majority, boolean secret, int members, int represented, int quorumNeeded, boolean quorumMet, int forVotes,
                             int against, int abstain, boolean majorityMet, boolean adopted) {
    }

    public record DecisionRecorded(String meetingId, String decisionId, String agendaItemId, DecisionType type, String text, String voteId) {
    }

    public record MinutesDrafted(String meetingId, int version, String text) {
    }

    /** {@code attendees}: the organisations that may propose amendments, frozen as the round opens. */
    public record MinutesCirculated(String meetingId, Instant amendmentsUntil, List<String> attendees) {
    }

    /** {@code afterFreeze}: a correction to approved minutes, which stay as they were frozen. */
    public record AmendmentProposed(String meetingId, String amendmentId, String org, String proposedBy, String text, boolean afterFreeze) {
    }

    public record AmendmentDecided(String meetingId, String amendmentId, boolean accepted, String reason) {
    }

    /** {@code sha256}: of {@code content}, the minutes with their accepted amendments, as frozen. */
    public record MinutesApproved(String meetingId, String content, String sha256, String atMeetingId) {
    }
}
