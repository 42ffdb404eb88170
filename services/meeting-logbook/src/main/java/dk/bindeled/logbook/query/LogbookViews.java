package dk.bindeled.logbook.query;

import dk.bindeled.axon.AxonSupportAutoConfiguration;
import dk.bindeled.events.EventJson;
import dk.bindeled.logbook.api.Events.AgendaItemAdded;
import dk.bindeled.logbook.api.Events.AmendmentDecided;
import dk.bindeled.logbook.api.Events.AmendmentProposed;
import dk.bindeled.logbook.api.Events.AttendanceRecorded;
import dk.bindeled.logbook.api.Events.CoCreationPhaseReached;
import dk.bindeled.logbook.api.Events.CollaborationFormChanged;
import dk.bindeled.logbook.api.Events.CollaborationStarted;
import dk.bindeled.logbook.api.Events.DecisionRecorded;
import dk.bindeled.logbook.api.Events.GoalsRevised;
import dk.bindeled.logbook.api.Events.MeetingScheduled;
import dk.bindeled.logbook.api.Events.MinutesApproved;
import dk.bindeled.logbook.api.Events.MinutesCirculated;
import dk.bindeled.logbook.api.Events.MinutesDrafted;
import dk.bindeled.logbook.api.Events.PartnerJoinedCollaboration;
import dk.bindeled.logbook.api.Events.ProxyGiven;
import dk.bindeled.logbook.api.Events.TheoryOfChangeDescribed;
import dk.bindeled.logbook.api.Events.VoteCast;
import dk.bindeled.logbook.api.Events.VoteClosed;
import dk.bindeled.logbook.api.Events.VoteOpened;
import dk.bindeled.logbook.api.Events.VoteTotalsRecorded;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The logbook's views, written in the command's transaction (a subscribing processor on the event store). */
@Component
@ProcessingGroup("logbook-views")
public class LogbookViews {

    private final JdbcClient jdbc;

    public LogbookViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CollaborationStarted e, @Timestamp Instant at, @MetaDataValue(AxonSupportAutoConfiguration.ACTOR) String actor) {
        jdbc.sql("""
                        INSERT INTO collaborations (collaboration_id, title, purpose, form, target_groups, coordinator_org, coordinator_name,
                                                    coordinator_role, phase, goals_version, theory_version, started_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?)""")
                .params(e.collaborationId(), e.title(), e.purpose(), e.form().name(),
                        e.targetGroups().stream().map(Enum::name).collect(Collectors.joining(",")), e.coordinator().org(), e.coordinator().name(),
                        e.coordinator().role(), e.phase() == null ? null : e.phase().name(), utc(at), utc(at)).update();
        e.partners().forEach(p -> jdbc.sql("INSERT INTO collaboration_partners (collaboration_id, org, role, joined_at) VALUES (?, ?, ?, ?)")
                .params(e.collaborationId(), p.org(), p.role().name(), utc(at)).update());
        history(e.collaborationId(), "STARTED", Map.of("form", e.form().name()), actor, at);
    }

    @EventHandler
    void on(CollaborationFormChanged e, @Timestamp Instant at, @MetaDataValue(AxonSupportAutoConfiguration.ACTOR) String actor) {
        jdbc.sql("UPDATE collaborations SET form = ?, updated_at = ? WHERE collaboration_id = ?").params(e.to().name(), utc(at), e.collaborationId()).update();
        history(e.collaborationId(), "FORM_CHANGED", Map.of("from", e.from().name(), "to", e.to().name(), "reason", e.reason()), actor, at);
    }

    @EventHandler
    void on(GoalsRevised e, @Timestamp Instant at, @MetaDataValue(AxonSupportAutoConfiguration.ACTOR) String actor) {
        jdbc.sql("UPDATE collaborations SET goals_version = ?, goals = ?, updated_at = ? WHERE collaboration_id = ?")
                .params(e.version(), json(e.goals()), utc(at), e.collaborationId()).update();
        history(e.collaborationId(), "GOALS_REVISED", Map.of("version", e.version(), "goals", e.goals()), actor, at);
    }

    @EventHandler
    void on(TheoryOfChangeDescribed e, @Timestamp Instant at, @MetaDataValue(AxonSupportAutoConfiguration.ACTOR) String actor) {
        jdbc.sql("UPDATE collaborations SET theory_version = ?, theory = ?, updated_at = ? WHERE collaboration_id = ?")
                .params(e.version(), json(e.theory()), utc(at), e.collaborationId()).update();
        history(e.collaborationId(), "THEORY_OF_CHANGE_DESCRIBED", Map.of("version", e.version(), "theory", e.theory()), actor, at);
    }

    @EventHandler
    void on(CoCreationPhaseReached e, @Timestamp Instant at, @MetaDataValue(AxonSupportAutoConfiguration.ACTOR) String actor) {
        jdbc.sql("UPDATE collaborations SET phase = ?, updated_at = ? WHERE collaboration_id = ?").params(e.to().name(), utc(at), e.collaborationId()).update();
        history(e.collaborationId(), "PHASE_REACHED", Map.of("from", e.from().name(), "to", e.to().name()), actor, at);
    }

    @EventHandler
    void on(PartnerJoinedCollaboration e, @Timestamp Instant at, @MetaDataValue(AxonSupportAutoConfiguration.ACTOR) String actor) {
        jdbc.sql("INSERT INTO collaboration_partners (collaboration_id, org, role, joined_at) VALUES (?, ?, ?, ?)")
                .params(e.collaborationId(), e.partner().org(), e.partner().role().name(), utc(at)).update();
        jdbc.sql("UPDATE collaborations SET updated_at = ? WHERE collaboration_id = ?").params(utc(at), e.collaborationId()).update();
        history(e.collaborationId(), "PARTNER_JOINED", Map.of("org", e.partner().org(), "role", e.partner().role().name()), actor, at);
    }

    @EventHandler
    void on(MeetingScheduled e) {
        jdbc.sql("""
                        INSERT INTO meetings (meeting_id, collaboration_id, coordinator_org, type, title, starts_at, ends_at, place, invited, members,
                                              minutes_status, minutes_version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'NONE', 0)""")
                .params(e.meetingId(), e.collaborationId(), e.coordinatorOrg(), e.type().name(), e.title(), utc(e.startsAt()),
                        e.endsAt() == null ? null : utc(e.endsAt()), e.place(), json(e.invited()), json(e.members())).update();
    }

    @EventHandler
    void on(dk.bindeled.logbook.api.Events.MeetingRoomRequested e) {
        jdbc.sql("""
                        UPDATE meetings SET room_booking_id = ?, room_resource_id = ?, room_partner_id = ?, room_status = 'REQUESTED',
                                            room_reason = NULL, room_answered_at = NULL
                        WHERE meeting_id = ?""").params(e.bookingId(), e.resourceId(), e.partnerId(), e.meetingId()).update();
    }

    @EventHandler
    void on(dk.bindeled.logbook.api.Events.MeetingRoomAnswered e, @Timestamp Instant at) {
        jdbc.sql("UPDATE meetings SET room_status = ?, room_reason = ?, room_answered_at = ? WHERE meeting_id = ? AND room_booking_id = ?")
                .params(e.status().name(), e.reason(), utc(at), e.meetingId(), e.bookingId()).update();
    }

    @EventHandler
    void on(AgendaItemAdded e) {
        int seq = jdbc.sql("SELECT COALESCE(MAX(seq), 0) + 1 FROM agenda_items WHERE meeting_id = ?").param(e.meetingId()).query(Integer.class).single();
        jdbc.sql("INSERT INTO agenda_items (meeting_id, item_id, seq, title, carried_over_from) VALUES (?, ?, ?, ?, ?)")
                .params(e.meetingId(), e.itemId(), seq, e.title(), e.carriedOverFrom()).update();
    }

    @EventHandler
    void on(dk.bindeled.logbook.api.Events.AgendaItemFinished e) {
        jdbc.sql("UPDATE agenda_items SET finished = TRUE WHERE meeting_id = ? AND item_id = ?").params(e.meetingId(), e.itemId()).update();
    }

    @EventHandler
    void on(dk.bindeled.logbook.api.Events.ActionItemAssigned e, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO action_items (action_item_id, collaboration_id, meeting_id, title, owner_org, owner_person, due_date, status, assigned_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)""")
                .params(e.actionItemId(), e.collaborationId(), e.meetingId(), e.title(), e.ownerOrg(), e.ownerPerson(), e.dueDate(), utc(at)).update();
    }

    @EventHandler
    void on(dk.bindeled.logbook.api.Events.ActionItemCompleted e, @Timestamp Instant at) {
        jdbc.sql("UPDATE action_items SET status = 'DONE', overdue = FALSE, closed_at = ? WHERE action_item_id = ?").params(utc(at), e.actionItemId()).update();
    }

    @EventHandler
    void on(dk.bindeled.logbook.api.Events.ActionItemCancelled e, @Timestamp Instant at) {
        jdbc.sql("UPDATE action_items SET status = 'CANCELLED', overdue = FALSE, reason = ?, closed_at = ? WHERE action_item_id = ?")
                .params(e.reason(), utc(at), e.actionItemId()).update();
    }

    @EventHandler
    void on(dk.bindeled.logbook.api.Events.ActionItemOverdue e) {
        jdbc.sql("UPDATE action_items SET overdue = TRUE WHERE action_item_id = ? AND status = 'OPEN'").param(e.actionItemId()).update();
    }

    @EventHandler
    void on(AttendanceRecorded e, @Timestamp Instant at) {
        jdbc.sql("DELETE FROM attendance WHERE meeting_id = ? AND org = ?").params(e.meetingId(), e.org()).update();
        if (!e.people().isEmpty()) {
            jdbc.sql("INSERT INTO attendance (meeting_id, org, people, recorded_at) VALUES (?, ?, ?, ?)")
                    .params(e.meetingId(), e.org(), json(e.people()), utc(at)).update();
        }
    }

    @EventHandler
    void on(ProxyGiven e, @Timestamp Instant at) {
        jdbc.sql("INSERT INTO proxies (meeting_id, from_org, to_org, given_at) VALUES (?, ?, ?, ?)").params(e.meetingId(), e.fromOrg(), e.toOrg(), utc(at)).update();
    }

    @EventHandler
    void on(VoteOpened e, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO votes (meeting_id, vote_id, agenda_item_id, motion, majority, quorum_share, quorum_minimum, secret, roll, members, opened_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.meetingId(), e.voteId(), e.agendaItemId(), e.motion(), e.majority().name(), e.quorumShare(), e.quorumMinimum(), e.secret(),
                        json(e.roll()), e.members(), utc(at)).update();
    }

    @EventHandler
    void on(VoteCast e, @Timestamp Instant at) {
        jdbc.sql("INSERT INTO ballots (meeting_id, vote_id, org, cast_by, choice, cast_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(e.meetingId(), e.voteId(), e.org(), e.castBy(), e.choice().name(), utc(at)).update();
    }

    @EventHandler
    void on(VoteTotalsRecorded e) {
        jdbc.sql("UPDATE votes SET totals_for = ?, totals_against = ?, totals_abstain = ? WHERE meeting_id = ? AND vote_id = ?")
                .params(e.forVotes(), e.against(), e.abstain(), e.meetingId(), e.voteId()).update();
    }

    @EventHandler
    void on(VoteClosed e, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE votes SET closed_at = ?, represented = ?, quorum_needed = ?, quorum_met = ?, for_votes = ?, against_votes = ?,
                                         abstain_votes = ?, majority_met = ?, adopted = ?
                        WHERE meeting_id = ? AND vote_id = ?""")
                .params(utc(at), e.represented(), e.quorumNeeded(), e.quorumMet(), e.forVotes(), e.against(), e.abstain(), e.majorityMet(), e.adopted(),
                        e.meetingId(), e.voteId()).update();
    }

    @EventHandler
    void on(DecisionRecorded e, @Timestamp Instant at) {
        jdbc.sql("INSERT INTO decisions (meeting_id, decision_id, agenda_item_id, type, text, vote_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(e.meetingId(), e.decisionId(), e.agendaItemId(), e.type().name(), e.text(), e.voteId(), utc(at)).update();
    }

    @EventHandler
    void on(MinutesDrafted e) {
        jdbc.sql("UPDATE meetings SET minutes_status = 'DRAFT', minutes_version = ?, minutes_text = ? WHERE meeting_id = ?")
                .params(e.version(), e.text(), e.meetingId()).update();
    }

    @EventHandler
    void on(MinutesCirculated e) {
        jdbc.sql("UPDATE meetings SET minutes_status = 'CIRCULATED', amendments_until = ?, attendees = ? WHERE meeting_id = ?")
                .params(utc(e.amendmentsUntil()), json(e.attendees()), e.meetingId()).update();
    }

    @EventHandler
    void on(AmendmentProposed e, @Timestamp Instant at) {
        int seq = jdbc.sql("SELECT COALESCE(MAX(seq), 0) + 1 FROM amendments WHERE meeting_id = ?").param(e.meetingId()).query(Integer.class).single();
        jdbc.sql("""
                        INSERT INTO amendments (meeting_id, amendment_id, seq, org, proposed_by, text, after_freeze, status, proposed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'PROPOSED', ?)""")
                .params(e.meetingId(), e.amendmentId(), seq, e.org(), e.proposedBy(), e.text(), e.afterFreeze(), utc(at)).update();
    }

    @EventHandler
    void on(AmendmentDecided e, @Timestamp Instant at) {
        jdbc.sql("UPDATE amendments SET status = ?, reason = ?, decided_at = ? WHERE meeting_id = ? AND amendment_id = ?")
                .params(e.accepted() ? "ACCEPTED" : "NOT_ACCEPTED", e.reason(), utc(at), e.meetingId(), e.amendmentId()).update();
    }

    @EventHandler
    void on(MinutesApproved e, @Timestamp Instant at) {
        jdbc.sql("UPDATE meetings SET minutes_status = 'APPROVED', minutes_content = ?, minutes_sha256 = ?, approved_at = ?, approved_at_meeting = ? WHERE meeting_id = ?")
                .params(e.content(), e.sha256(), utc(at), e.atMeetingId(), e.meetingId()).update();
    }

    private void history(String collaborationId, String kind, Map<String, Object> detail, String actor, Instant at) {
        long seq = jdbc.sql("SELECT COALESCE(MAX(seq), 0) + 1 FROM collaboration_history WHERE collaboration_id = ?").param(collaborationId)
                .query(Long.class).single();
        jdbc.sql("INSERT INTO collaboration_history (collaboration_id, seq, kind, detail, actor, at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(collaborationId, seq, kind, json(new LinkedHashMap<>(detail)), actor == null ? "anonymous" : actor, utc(at)).update();
    }

    static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
