package dk.bindeled.dashboard.query;

import dk.bindeled.events.DanishLabels;
import dk.bindeled.events.IntegrationEvent;
import dk.bindeled.events.logbook.v1.ActionItemAssigned;
import dk.bindeled.events.logbook.v1.ActionItemCancelled;
import dk.bindeled.events.logbook.v1.ActionItemCompleted;
import dk.bindeled.events.logbook.v1.ActionItemOverdue;
import dk.bindeled.events.logbook.v1.CoCreationPhaseReached;
import dk.bindeled.events.logbook.v1.CollaborationForm;
import dk.bindeled.events.logbook.v1.CollaborationFormChanged;
import dk.bindeled.events.logbook.v1.CollaborationStarted;
import dk.bindeled.events.logbook.v1.DecisionRecorded;
import dk.bindeled.events.logbook.v1.GoalsRevised;
import dk.bindeled.events.logbook.v1.LogbookEvent;
import dk.bindeled.events.logbook.v1.MeetingAttended;
import dk.bindeled.events.logbook.v1.MeetingScheduled;
import dk.bindeled.events.logbook.v1.MinutesApproved;
import dk.bindeled.events.logbook.v1.PartnerJoinedCollaboration;
import dk.bindeled.events.logbook.v1.VoteClosed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Applies {@code bindeled.logbook.v1} to the mapping of the collaboration, with the inbox guarantees of
 * {@link InboxProjection}: collaborations with their form history and partners, meetings with the attendance recorded
 * per partner, decisions by type and action items by status ({@link ActionItemStatus}).
 *
 * <p>A collaboration's events are keyed by it, a meeting's by the meeting, an action item's by the item, so each arrives
 * in order but the three kinds in any order among themselves: nothing here relies on another kind having arrived, and
 * the tables are joined when read. What the topic says in words (titles) is not kept.
 *
 * <p>The feed lines name no partner and no title: the feed is on the public overview, while a collaboration is for
 * signed-in callers only (as in the logbook).
 */
@Component
public class CollaborationMappingProjection extends InboxProjection {

    /** The roles of {@code collaboration_partners.role}. */
    static final String COORDINATOR = "COORDINATOR";
    static final String LEAD = "LEAD";
    static final String PARTICIPANT = "PARTICIPANT";

    private final ZoneId zone;

    public CollaborationMappingProjection(JdbcClient jdbc, PlatformTransactionManager transactions, ApplicationEventPublisher publisher, Clock clock) {
        super(LogbookEvent.class, jdbc, transactions, publisher, clock);
        this.zone = clock.getZone();
    }

    @Override
    protected String project(IntegrationEvent event, OffsetDateTime at) {
        if (event instanceof CollaborationStarted e) {
            return start(e, at);
        }
        if (event instanceof CollaborationFormChanged e) {
            jdbc.sql("UPDATE collaborations SET form = ?, updated_at = ? WHERE collaboration_id = ?")
                    .params(e.to().name(), at, e.collaborationId()).update();
            formFrom(e.collaborationId(), e.to(), at);
            return "Et samarbejde skiftede form: " + DanishLabels.collaborationForm(e.from()) + " → " + DanishLabels.collaborationForm(e.to());
        }
        if (event instanceof PartnerJoinedCollaboration e) {
            join(e.collaborationId(), e.partnerId(), e.lead() ? LEAD : PARTICIPANT, at);
            return (e.lead() ? "En ny ledende aktør" : "En ny aktør") + " er med i et samarbejde";
        }
        if (event instanceof CoCreationPhaseReached e) {
            return "Et samskabelsesforløb er nået til fasen " + DanishLabels.coCreationPhase(e.to());
        }
        if (event instanceof GoalsRevised e) {
            return "Et samarbejdes mål er revideret (version " + e.version() + ", " + e.goals() + " mål)";
        }
        if (event instanceof MeetingScheduled e) {
            return schedule(e, at);
        }
        if (event instanceof MeetingAttended e) {
            int updated = jdbc.sql("UPDATE meeting_attendance SET people = ?, recorded_at = ? WHERE meeting_id = ? AND partner_id = ?")
                    .params(e.people(), at, e.meetingId(), e.partnerId()).update();
            if (updated == 0) {
                jdbc.sql("INSERT INTO meeting_attendance (meeting_id, partner_id, people, recorded_at) VALUES (?, ?, ?, ?)")
                        .params(e.meetingId(), e.partnerId(), e.people(), at).update();
            }
            return HeldMeeting.present(e.people()) ? "Fremmøde registreret til et møde" : "Afbud registreret til et møde";
        }
        if (event instanceof VoteClosed e) {
            return "Afstemning afsluttet på et møde: " + (e.adopted() ? "vedtaget" : "ikke vedtaget");
        }
        if (event instanceof DecisionRecorded e) {
            if (!exists("SELECT COUNT(*) FROM meeting_decisions WHERE decision_id = ?", e.decisionId())) {
                jdbc.sql("INSERT INTO meeting_decisions (decision_id, meeting_id, decision_type, recorded_at) VALUES (?, ?, ?, ?)")
                        .params(e.decisionId(), e.meetingId(), e.type().name(), at).update();
            }
            return "Beslutning truffet på et møde: " + DanishLabels.decisionType(e.type());
        }
        if (event instanceof MinutesApproved) {
            return "Et mødereferat er godkendt";
        }
        if (event instanceof ActionItemAssigned e) {
            actionItem(e.actionItemId(), e.collaborationId(), ActionItemStatus.OPEN, at);
            jdbc.sql("UPDATE action_items SET meeting_id = ?, owner_partner_id = ?, due_date = ? WHERE action_item_id = ?")
                    .params(e.meetingId(), e.ownerPartnerId(), e.dueDate(), e.actionItemId()).update();
            return "Ny opgave fra et møde, frist " + DanishLabels.longDate(e.dueDate());
        }
        if (event instanceof ActionItemCompleted e) {
            actionItem(e.actionItemId(), e.collaborationId(), ActionItemStatus.COMPLETED, at);
            return "En opgave er løst";
        }
        if (event instanceof ActionItemCancelled e) {
            actionItem(e.actionItemId(), e.collaborationId(), ActionItemStatus.CANCELLED, at);
            return "En opgave er annulleret";
        }
        if (event instanceof ActionItemOverdue e) {
            actionItem(e.actionItemId(), e.collaborationId(), ActionItemStatus.OVERDUE, at);
            jdbc.sql("UPDATE action_items SET due_date = COALESCE(due_date, ?) WHERE action_item_id = ?")
                    .params(e.dueDate(), e.actionItemId()).update();
            return "En opgave er over fristen (" + DanishLabels.longDate(e.dueDate()) + ")";
        }
        return "Mødelogbogen er opdateret";
    }

    private String start(CollaborationStarted e, OffsetDateTime at) {
        if (!exists("SELECT COUNT(*) FROM collaborations WHERE collaboration_id = ?", e.collaborationId())) {
            jdbc.sql("INSERT INTO collaborations (collaboration_id, form, started_at, updated_at) VALUES (?, ?, ?, ?)")
                    .params(e.collaborationId(), e.form().name(), at, at).update();
            formFrom(e.collaborationId(), e.form(), at);
        }
        // The coordinator first: a partner named in two roles keeps the first.
        Set<String> partners = new LinkedHashSet<>();
        partners.add(e.coordinatorPartnerId());
        join(e.collaborationId(), e.coordinatorPartnerId(), COORDINATOR, at);
        for (String lead : e.leadPartnerIds()) {
            partners.add(lead);
            join(e.collaborationId(), lead, LEAD, at);
        }
        for (String participant : e.participantPartnerIds()) {
            partners.add(participant);
            join(e.collaborationId(), participant, PARTICIPANT, at);
        }
        return "Nyt samarbejde (" + DanishLabels.collaborationForm(e.form()) + ") mellem " + partners.size()
                + (partners.size() == 1 ? " aktør" : " aktører");
    }

    private String schedule(MeetingScheduled e, OffsetDateTime at) {
        OffsetDateTime startsAt = utc(e.startsAt());
        OffsetDateTime endsAt = e.endsAt() == null ? null : utc(e.endsAt());
        int updated = jdbc.sql("""
                        UPDATE collaboration_meetings SET collaboration_id = ?, meeting_type = ?, starts_at = ?, ends_at = ?, updated_at = ?
                        WHERE meeting_id = ?""")
                .params(e.collaborationId(), e.type().name(), startsAt, endsAt, at, e.meetingId()).update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO collaboration_meetings (meeting_id, collaboration_id, meeting_type, starts_at, ends_at, updated_at)
                            VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(e.meetingId(), e.collaborationId(), e.type().name(), startsAt, endsAt, at).update();
        }
        LocalDate day = e.startsAt().atZone(zone).toLocalDate();
        return "Møde planlagt: " + DanishLabels.meetingType(e.type()) + " " + DanishLabels.day(day);
    }

    private void formFrom(String collaborationId, CollaborationForm form, OffsetDateTime at) {
        jdbc.sql("INSERT INTO collaboration_forms (collaboration_id, form, changed_at) VALUES (?, ?, ?)")
                .params(collaborationId, form.name(), at).update();
    }

    private void join(String collaborationId, String partnerId, String role, OffsetDateTime at) {
        if (!exists("SELECT COUNT(*) FROM collaboration_partners WHERE collaboration_id = ? AND partner_id = ?", collaborationId, partnerId)) {
            jdbc.sql("INSERT INTO collaboration_partners (collaboration_id, partner_id, role, joined_at) VALUES (?, ?, ?, ?)")
                    .params(collaborationId, partnerId, role, at).update();
        }
    }

    /** Moves the item by {@link ActionItemStatus#next}; an item first heard of by a later step is stored with that step. */
    private void actionItem(String actionItemId, String collaborationId, ActionItemStatus reported, OffsetDateTime at) {
        ActionItemStatus current = jdbc.sql("SELECT status FROM action_items WHERE action_item_id = ?")
                .param(actionItemId)
                .query(String.class)
                .optional()
                .map(ActionItemStatus::stored)
                .orElse(null);
        ActionItemStatus next = ActionItemStatus.next(current, reported);
        if (current == null) {
            jdbc.sql("INSERT INTO action_items (action_item_id, collaboration_id, status, updated_at) VALUES (?, ?, ?, ?)")
                    .params(actionItemId, collaborationId, next.name(), at).update();
        } else if (next != current) {
            jdbc.sql("UPDATE action_items SET status = ?, updated_at = ? WHERE action_item_id = ?")
                    .params(next.name(), at, actionItemId).update();
        }
    }

    private boolean exists(String countSql, Object... params) {
        return jdbc.sql(countSql).params(params).query(Long.class).single() > 0;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
