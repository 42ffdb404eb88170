package dk.bindeled.events.logbook.v1;

import dk.bindeled.events.EventCatalog;
import dk.bindeled.events.EventType;
import dk.bindeled.events.Topics;
import java.net.URI;
import java.util.List;

/** The catalogue of {@code bindeled.logbook.v1}: every type, its {@code ce_type} and its schema. */
public final class LogbookEventsV1 {

    public static final String DOMAIN = "logbook";
    public static final URI SOURCE = URI.create("/bindeled/meeting-logbook");

    public static final EventCatalog CATALOG = new EventCatalog(Topics.LOGBOOK_V1, List.of(
            type(CollaborationStarted.class),
            type(CollaborationFormChanged.class),
            type(PartnerJoinedCollaboration.class),
            type(CoCreationPhaseReached.class),
            type(GoalsRevised.class),
            type(MeetingScheduled.class),
            type(MeetingRoomRequested.class),
            type(MeetingAttended.class),
            type(VoteClosed.class),
            type(DecisionRecorded.class),
            type(MinutesApproved.class),
            type(ActionItemAssigned.class),
            type(ActionItemCompleted.class),
            type(ActionItemCancelled.class),
            type(ActionItemOverdue.class)));

    private LogbookEventsV1() {
    }

    private static EventType<?> type(Class<? extends LogbookEvent> javaType) {
        return EventType.of(DOMAIN, 1, javaType);
    }
}
