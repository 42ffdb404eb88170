package dk.bindeled.logbook.integration.out;

import dk.bindeled.events.logbook.v1.LogbookEvent;
import dk.bindeled.logbook.api.Commands.Participant;
import dk.bindeled.logbook.api.Commands.Role;
import dk.bindeled.logbook.api.Events;
import java.util.Optional;

/**
 * The allow-list: what leaves the logbook and what it says outside — organisations, categories, counts and times. What
 * was written (goals, minutes, decisions, amendments, reasons, motions) and who by name stays in the logbook; agenda
 * items, proxies, single ballots and the minutes' round are not published. Integration events are in
 * {@code dk.bindeled.events.logbook.v1}.
 */
public final class IntegrationEventTranslator {

    private IntegrationEventTranslator() {
    }

    public static Optional<LogbookEvent> translate(Object domainEvent) {
        LogbookEvent translated = null;
        if (domainEvent instanceof Events.CollaborationStarted e) {
            translated = new dk.bindeled.events.logbook.v1.CollaborationStarted(e.collaborationId(), e.title(), e.form(), e.targetGroups(),
                    e.coordinator().org(), e.partners().stream().filter(p -> p.role() == Role.LEAD).map(Participant::org).toList(),
                    e.partners().stream().filter(p -> p.role() == Role.PARTICIPANT).map(Participant::org).toList(), e.phase());
        } else if (domainEvent instanceof Events.CollaborationFormChanged e) {
            translated = new dk.bindeled.events.logbook.v1.CollaborationFormChanged(e.collaborationId(), e.from(), e.to());
        } else if (domainEvent instanceof Events.PartnerJoinedCollaboration e) {
            translated = new dk.bindeled.events.logbook.v1.PartnerJoinedCollaboration(e.collaborationId(), e.partner().org(), e.partner().role() == Role.LEAD);
        } else if (domainEvent instanceof Events.CoCreationPhaseReached e) {
            translated = new dk.bindeled.events.logbook.v1.CoCreationPhaseReached(e.collaborationId(), e.from(), e.to());
        } else if (domainEvent instanceof Events.GoalsRevised e) {
            translated = new dk.bindeled.events.logbook.v1.GoalsRevised(e.collaborationId(), e.version(), e.goals().size());
        } else if (domainEvent instanceof Events.MeetingScheduled e) {
            translated = new dk.bindeled.events.logbook.v1.MeetingScheduled(e.meetingId(), e.collaborationId(), e.type(), e.title(), e.startsAt(), e.endsAt(),
                    e.invited(), e.members());
        } else if (domainEvent instanceof Events.MeetingRoomRequested e) {
            translated = new dk.bindeled.events.logbook.v1.MeetingRoomRequested(e.meetingId(), e.collaborationId(), e.bookingId(), e.resourceId(),
                    e.partnerId(), e.title(), e.startsAt(), e.endsAt(), e.invited());
        } else if (domainEvent instanceof Events.AttendanceRecorded e) {
            translated = new dk.bindeled.events.logbook.v1.MeetingAttended(e.meetingId(), e.org(), e.people().size());
        } else if (domainEvent instanceof Events.VoteClosed e) {
            translated = new dk.bindeled.events.logbook.v1.VoteClosed(e.meetingId(), e.voteId(), e.majority(), e.secret(), e.members(), e.represented(),
                    e.quorumNeeded(), e.quorumMet(), e.forVotes(), e.against(), e.abstain(), e.majorityMet(), e.adopted());
        } else if (domainEvent instanceof Events.DecisionRecorded e) {
            translated = new dk.bindeled.events.logbook.v1.DecisionRecorded(e.meetingId(), e.decisionId(), e.type(), e.voteId());
        } else if (domainEvent instanceof Events.MinutesApproved e) {
            translated = new dk.bindeled.events.logbook.v1.MinutesApproved(e.meetingId(), e.sha256());
        } else if (domainEvent instanceof Events.ActionItemAssigned e) {
            translated = new dk.bindeled.events.logbook.v1.ActionItemAssigned(e.actionItemId(), e.collaborationId(), e.meetingId(), e.ownerOrg(), e.dueDate());
        } else if (domainEvent instanceof Events.ActionItemCompleted e) {
            translated = new dk.bindeled.events.logbook.v1.ActionItemCompleted(e.actionItemId(), e.collaborationId());
        } else if (domainEvent instanceof Events.ActionItemCancelled e) {
            translated = new dk.bindeled.events.logbook.v1.ActionItemCancelled(e.actionItemId(), e.collaborationId());
        } else if (domainEvent instanceof Events.ActionItemOverdue e) {
            translated = new dk.bindeled.events.logbook.v1.ActionItemOverdue(e.actionItemId(), e.collaborationId(), e.dueDate());
        }
        return Optional.ofNullable(translated);
    }
}
