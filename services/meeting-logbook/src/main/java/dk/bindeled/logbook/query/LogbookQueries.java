package dk.bindeled.logbook.query;

import com.fasterxml.jackson.core.type.TypeReference;
import dk.bindeled.domain.NotFoundException;
import dk.bindeled.events.EventJson;
import dk.bindeled.events.logbook.v1.Majority;
import dk.bindeled.events.logbook.v1.MeetingType;
import dk.bindeled.logbook.api.Commands.Goal;
import dk.bindeled.logbook.api.Commands.Participant;
import dk.bindeled.logbook.api.Commands.Person;
import dk.bindeled.logbook.api.Commands.Role;
import dk.bindeled.logbook.api.Commands.TheoryOfChange;
import dk.bindeled.logbook.api.Events.RollEntry;
import dk.bindeled.logbook.domain.MeetingSize;
import dk.bindeled.logbook.domain.VoteRule;
import dk.bindeled.logbook.query.Views.ActionItemView;
import dk.bindeled.logbook.query.Views.AgendaItem;
import dk.bindeled.logbook.query.Views.AmendmentView;
import dk.bindeled.logbook.query.Views.Attendance;
import dk.bindeled.logbook.query.Views.Ballot;
import dk.bindeled.logbook.query.Views.CollaborationSummary;
import dk.bindeled.logbook.query.Views.CollaborationView;
import dk.bindeled.logbook.query.Views.DecisionView;
import dk.bindeled.logbook.query.Views.HistoryEntry;
import dk.bindeled.logbook.query.Views.MeetingSummary;
import dk.bindeled.logbook.query.Views.MeetingView;
import dk.bindeled.logbook.query.Views.MinutesView;
import dk.bindeled.logbook.query.Views.Proxy;
import dk.bindeled.logbook.query.Views.VoteView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the logbook's views. A vote's standing is {@link VoteRule}'s, the same rule the meeting closes it by. */
@Component
public class LogbookQueries {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<Goal>> GOALS = new TypeReference<>() {
    };
    private static final TypeReference<List<RollEntry>> ROLL = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final LinkedActivity links;

    public LogbookQueries(JdbcClient jdbc, LinkedActivity links) {
        this.jdbc = jdbc;
        this.links = links;
    }

    /** Every collaboration, or those the organisation takes part in; the most recently changed first. */
    public List<CollaborationSummary> collaborations(String partnerOrg) {
        String sql = "SELECT c.*, (SELECT COUNT(*) FROM collaboration_partners p WHERE p.collaboration_id = c.collaboration_id) AS partner_count"
                + " FROM collaborations c" + (partnerOrg == null ? "" : " WHERE EXISTS (SELECT 1 FROM collaboration_partners p"
                + " WHERE p.collaboration_id = c.collaboration_id AND p.org = ?)") + " ORDER BY c.updated_at DESC, c.collaboration_id";
        JdbcClient.StatementSpec query = jdbc.sql(sql);
        if (partnerOrg != null) {
            query = query.param(partnerOrg);
        }
        return query.query((rs, n) -> new CollaborationSummary(rs.getString("collaboration_id"), rs.getString("title"), rs.getString("form"),
                rs.getString("coordinator_org"), rs.getString("phase"), rs.getInt("partner_count"), time(rs, "updated_at"))).list();
    }

    public CollaborationView collaboration(String id) {
        return jdbc.sql("SELECT * FROM collaborations WHERE collaboration_id = ?").param(id).query((rs, n) -> {
            List<Participant> partners = jdbc.sql("SELECT org, role FROM collaboration_partners WHERE collaboration_id = ? ORDER BY joined_at, org")
                    .param(id).query((p, m) -> new Participant(p.getString("org"), Role.valueOf(p.getString("role")))).list();
            List<HistoryEntry> history = jdbc.sql("SELECT * FROM collaboration_history WHERE collaboration_id = ? ORDER BY seq").param(id)
                    .query((h, m) -> new HistoryEntry(h.getLong("seq"), h.getString("kind"), read(h.getString("detail"), MAP), h.getString("actor"),
                            time(h, "at"))).list();
            List<MeetingSummary> meetings = jdbc.sql("SELECT meeting_id, type, title, starts_at, minutes_status FROM meetings WHERE collaboration_id = ? ORDER BY starts_at")
                    .param(id).query((mt, m) -> new MeetingSummary(mt.getString("meeting_id"), mt.getString("type"), mt.getString("title"),
                            time(mt, "starts_at"), mt.getString("minutes_status"))).list();
            String groups = rs.getString("target_groups");
            String theory = rs.getString("theory");
            String goals = rs.getString("goals");
            return new CollaborationView(id, rs.getString("title"), rs.getString("purpose"), rs.getString("form"),
                    groups.isBlank() ? List.of() : Arrays.asList(groups.split(",")),
                    new Person(rs.getString("coordinator_org"), rs.getString("coordinator_name"), rs.getString("coordinator_role")), rs.getString("phase"),
                    partners, rs.getInt("goals_version"), goals == null ? List.of() : read(goals, GOALS), rs.getInt("theory_version"),
                    theory == null ? null : read(theory, new TypeReference<TheoryOfChange>() {
                    }), history, meetings, actionItems("collaboration_id", id), links.of(id, partners.stream().map(Participant::org).toList()));
        }).optional().orElseThrow(() -> new NotFoundException("No collaboration " + id));
    }

    /** Every meeting of a collaboration, in time order, as {@link #meeting} shows each. */
    public List<MeetingView> meetingsOf(String collaborationId) {
        return jdbc.sql("SELECT meeting_id FROM meetings WHERE collaboration_id = ? ORDER BY starts_at, meeting_id").param(collaborationId)
                .query(String.class).list().stream().map(this::meeting).toList();
    }

    /** The organisations of a collaboration: the members with a vote at its meetings. */
    public Optional<List<String>> partnersOf(String collaborationId) {
        List<String> partners = jdbc.sql("SELECT org FROM collaboration_partners WHERE collaboration_id = ? ORDER BY joined_at, org")
                .param(collaborationId).query(String.class).list();
        return partners.isEmpty() ? Optional.empty() : Optional.of(partners);
    }

    public Optional<String> coordinatorOf(String collaborationId) {
        return jdbc.sql("SELECT coordinator_org FROM collaborations WHERE collaboration_id = ?").param(collaborationId).query(String.class).optional();
    }

    public MeetingView meeting(String id) {
        return jdbc.sql("SELECT * FROM meetings WHERE meeting_id = ?").param(id).query((rs, n) -> {
            List<String> invited = read(rs.getString("invited"), STRINGS);
            MeetingType type = MeetingType.valueOf(rs.getString("type"));
            List<AgendaItem> agenda = jdbc.sql("SELECT * FROM agenda_items WHERE meeting_id = ? ORDER BY seq").param(id)
                    .query((a, m) -> new AgendaItem(a.getString("item_id"), a.getInt("seq"), a.getString("title"), a.getString("carried_over_from"),
                            a.getBoolean("finished"))).list();
            List<Attendance> attendance = jdbc.sql("SELECT org, people FROM attendance WHERE meeting_id = ? ORDER BY org").param(id)
                    .query((a, m) -> new Attendance(a.getString("org"), read(a.getString("people"), STRINGS))).list();
            List<Proxy> proxies = jdbc.sql("SELECT * FROM proxies WHERE meeting_id = ? ORDER BY given_at").param(id)
                    .query((p, m) -> new Proxy(p.getString("from_org"), p.getString("to_org"), time(p, "given_at"))).list();
            List<DecisionView> decisions = jdbc.sql("SELECT * FROM decisions WHERE meeting_id = ? ORDER BY recorded_at").param(id)
                    .query((d, m) -> new DecisionView(d.getString("decision_id"), d.getString("agenda_item_id"), d.getString("type"), d.getString("text"),
                            d.getString("vote_id"), time(d, "recorded_at"))).list();
            List<AmendmentView> amendments = jdbc.sql("SELECT * FROM amendments WHERE meeting_id = ? ORDER BY seq").param(id)
                    .query((a, m) -> new AmendmentView(a.getString("amendment_id"), a.getString("org"), a.getString("proposed_by"), a.getString("text"),
                            a.getBoolean("after_freeze"), a.getString("status"), a.getString("reason"), time(a, "proposed_at"), time(a, "decided_at"))).list();
            String attendees = rs.getString("attendees");
            MinutesView minutes = new MinutesView(rs.getString("minutes_status"), rs.getInt("minutes_version"), rs.getString("minutes_text"),
                    time(rs, "amendments_until"), attendees == null ? List.of() : read(attendees, STRINGS), amendments, rs.getString("minutes_content"),
                    rs.getString("minutes_sha256"), time(rs, "approved_at"), rs.getString("approved_at_meeting"));
            int participants = Math.max(invited.size(), attendance.stream().mapToInt(a -> a.people().size()).sum());
            return new MeetingView(id, rs.getString("collaboration_id"), rs.getString("coordinator_org"), type.name(), rs.getString("title"),
                    time(rs, "starts_at"), time(rs, "ends_at"), rs.getString("place"), invited, read(rs.getString("members"), STRINGS),
                    MeetingSize.warnings(type, participants), agenda, attendance, proxies, votes(id), decisions, minutes, actionItems("meeting_id", id),
                    room(rs));
        }).optional().orElseThrow(() -> new NotFoundException("No meeting " + id));
    }

    private static Views.RoomView room(java.sql.ResultSet rs) throws java.sql.SQLException {
        String bookingId = rs.getString("room_booking_id");
        if (bookingId == null) {
            return null;
        }
        String status = rs.getString("room_status");
        String reason = rs.getString("room_reason");
        return new Views.RoomView(bookingId, rs.getString("room_resource_id"), rs.getString("room_partner_id"), status, reason,
                RoomReasons.danish(status, reason), time(rs, "room_answered_at"));
    }

    /** The meeting that asked for this room booking, if one did. */
    public Optional<String> meetingOfBooking(String bookingId) {
        return jdbc.sql("SELECT meeting_id FROM meetings WHERE room_booking_id = ?").param(bookingId).query(String.class).optional();
    }

    private List<ActionItemView> actionItems(String column, String id) {
        return jdbc.sql("SELECT * FROM action_items WHERE " + column + " = ? ORDER BY due_date, assigned_at, action_item_id").param(id)
                .query((a, n) -> new ActionItemView(a.getString("action_item_id"), a.getString("meeting_id"), a.getString("title"), a.getString("owner_org"),
                        a.getString("owner_person"), a.getObject("due_date", java.time.LocalDate.class), a.getString("status"), a.getBoolean("overdue"),
                        a.getString("reason"))).list();
    }

    /**
     * What opens a new meeting's agenda: every open action item of the collaboration, and the items of its last meeting
     * that were neither finished nor decided on (an item carried for an action item is carried again by that item, not twice).
     */
    public List<dk.bindeled.logbook.api.Commands.CarriedOver> carryOver(String collaborationId) {
        List<dk.bindeled.logbook.api.Commands.CarriedOver> items = new java.util.ArrayList<>();
        jdbc.sql("SELECT action_item_id, title FROM action_items WHERE collaboration_id = ? AND status = 'OPEN' ORDER BY due_date, assigned_at")
                .param(collaborationId)
                .query((a, n) -> new dk.bindeled.logbook.api.Commands.CarriedOver(java.util.UUID.randomUUID().toString(), "Opfølgning: " + a.getString("title"),
                        "action-item:" + a.getString("action_item_id")))
                .list().forEach(items::add);
        jdbc.sql("""
                        SELECT i.meeting_id, i.item_id, i.title FROM agenda_items i
                        WHERE i.meeting_id = (SELECT meeting_id FROM meetings WHERE collaboration_id = ? ORDER BY starts_at DESC, meeting_id DESC LIMIT 1)
                          AND i.finished = FALSE
                          AND (i.carried_over_from IS NULL OR i.carried_over_from NOT LIKE 'action-item:%')
                          AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.meeting_id = i.meeting_id AND d.agenda_item_id = i.item_id)
                        ORDER BY i.seq""")
                .param(collaborationId)
                .query((a, n) -> new dk.bindeled.logbook.api.Commands.CarriedOver(java.util.UUID.randomUUID().toString(), a.getString("title"),
                        a.getString("meeting_id") + "/" + a.getString("item_id")))
                .list().forEach(items::add);
        return items;
    }

    private List<VoteView> votes(String meetingId) {
        return jdbc.sql("SELECT * FROM votes WHERE meeting_id = ? ORDER BY opened_at, vote_id").param(meetingId).query((v, n) -> {
            String voteId = v.getString("vote_id");
            boolean secret = v.getBoolean("secret");
            List<Ballot> ballots = jdbc.sql("SELECT org, cast_by, choice FROM ballots WHERE meeting_id = ? AND vote_id = ? ORDER BY cast_at, org")
                    .params(meetingId, voteId).query((b, m) -> new Ballot(b.getString("org"), b.getString("cast_by"), b.getString("choice"))).list();
            List<RollEntry> roll = read(v.getString("roll"), ROLL);
            VoteRule rule = new VoteRule(Majority.valueOf(v.getString("majority")), v.getDouble("quorum_share"), v.getInt("quorum_minimum"));
            int forVotes;
            int against;
            int abstain;
            if (v.getObject("totals_for") != null) {
                forVotes = v.getInt("totals_for");
                against = v.getInt("totals_against");
                abstain = v.getInt("totals_abstain");
            } else {
                forVotes = (int) ballots.stream().filter(b -> b.choice().equals("FOR")).count();
                against = (int) ballots.stream().filter(b -> b.choice().equals("AGAINST")).count();
                abstain = (int) ballots.stream().filter(b -> b.choice().equals("ABSTAIN")).count();
            }
            OffsetDateTime closedAt = time(v, "closed_at");
            return new VoteView(voteId, v.getString("agenda_item_id"), v.getString("motion"), rule.majority().name(), rule.quorumShare(),
                    rule.quorumMinimum(), secret, roll, closedAt != null, ballots, rule.tally(v.getInt("members"), roll.size(), forVotes, against, abstain),
                    time(v, "opened_at"), closedAt);
        }).list();
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }
}
