package dk.bindeled.events.logbook.v1;

import dk.bindeled.events.IntegrationEvent;

/**
 * An integration event of the meeting logbook, version 1: collaborations, meetings, votes, decisions, approved minutes
 * and action items, for the dashboard's mapping of the collaboration. Carries no personal data: organisations (partner
 * ids), categories, counts and times; what was said, written or decided in words stays in the logbook. A collaboration's
 * events are keyed by it, a meeting's by the meeting, an action item's by the item.
 */
public sealed interface LogbookEvent extends IntegrationEvent
        permits CollaborationStarted, CollaborationFormChanged, PartnerJoinedCollaboration, CoCreationPhaseReached, GoalsRevised, MeetingScheduled, MeetingAttended, VoteClosed, DecisionRecorded, MinutesApproved, ActionItemAssigned, ActionItemCompleted, ActionItemCancelled, ActionItemOverdue, MeetingRoomRequested {
}
