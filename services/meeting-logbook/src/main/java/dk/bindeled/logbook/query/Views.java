package dk.bindeled.logbook.query;

import dk.bindeled.logbook.api.Commands.Goal;
import dk.bindeled.logbook.api.Commands.Participant;
import dk.bindeled.logbook.api.Commands.Person;
import dk.bindeled.logbook.api.Commands.TheoryOfChange;
import dk.bindeled.logbook.api.Events.RollEntry;
import dk.bindeled.logbook.domain.VoteRule;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** What the logbook's queries answer: organisations and work roles only. */
public final class Views {

    private Views() {
    }

    public record CollaborationSummary(String id, String title, String form, String coordinatorOrg, String phase, int partners,
                                       OffsetDateTime updatedAt) {
    }

    public record CollaborationView(String id, String title, String purpose, String form, List<String> targetGroups, Person coordinator,
                                    String phase, List<Participant> partners, int goalsVersion, List<Goal> goals, int theoryVersion,
                                    TheoryOfChange theory, List<HistoryEntry> history, List<MeetingSummary> meetings, List<ActionItemView> actionItems,
                                    LinkedActivity.Links links) {
    }

    /** One change of a collaboration: {@code kind} STARTED, FORM_CHANGED, GOALS_REVISED, THEORY_OF_CHANGE_DESCRIBED, PHASE_REACHED, PARTNER_JOINED. */
    public record HistoryEntry(long seq, String kind, Map<String, Object> detail, String actor, OffsetDateTime at) {
    }

    public record MeetingSummary(String id, String type, String title, OffsetDateTime startsAt, String minutesStatus) {
    }

    public record MeetingView(String id, String collaborationId, String coordinatorOrg, String type, String title, OffsetDateTime startsAt,
                              OffsetDateTime endsAt, String place, List<String> invited, List<String> members, List<String> warnings,
                              List<AgendaItem> agenda, List<Attendance> attendance, List<Proxy> proxies, List<VoteView> votes,
                              List<DecisionView> decisions, MinutesView minutes, List<ActionItemView> actionItems, RoomView room) {
    }

    /**
     * The meeting's room booking (null when none was asked for): {@code status} REQUESTED (sent, no answer yet),
     * AWAITING_APPROVAL (the centre's manager decides), CONFIRMED, REFUSED (a booking rule said no), REJECTED (the manager
     * said no) or CANCELLED; {@code reason} the category room booking gave, {@code reasonLabel} it in Danish.
     */
    public record RoomView(String bookingId, String resourceId, String partnerId, String status, String reason, String reasonLabel,
                           OffsetDateTime answeredAt) {
    }

    /** {@code finished}: dealt with at the meeting; an unfinished one opens the next meeting's agenda. */
    public record AgendaItem(String id, int seq, String title, String carriedOverFrom, boolean finished) {
    }

    /** {@code status} OPEN, DONE or CANCELLED; {@code overdue} while open past its due date. */
    public record ActionItemView(String id, String meetingId, String title, String ownerOrg, String ownerPerson, java.time.LocalDate dueDate,
                                 String status, boolean overdue, String reason) {
    }

    public record Attendance(String org, List<String> people) {
    }

    public record Proxy(String fromOrg, String toOrg, OffsetDateTime givenAt) {
    }

    /**
     * A vote and where it stands: {@code standing} is {@link VoteRule}'s tally of what is counted so far (live while open,
     * the result once closed); {@code ballots} named organisation by organisation (a secret vote has totals only).
     */
    public record VoteView(String id, String agendaItemId, String motion, String majority, double quorumShare, int quorumMinimum, boolean secret,
                           List<RollEntry> roll, boolean closed, List<Ballot> ballots, VoteRule.Result standing, OffsetDateTime openedAt,
                           OffsetDateTime closedAt) {
    }

    public record Ballot(String org, String castBy, String choice) {
    }

    public record DecisionView(String id, String agendaItemId, String type, String text, String voteId, OffsetDateTime recordedAt) {
    }

    /** {@code content} and {@code sha256}: the minutes as frozen, once approved. */
    public record MinutesView(String status, int version, String text, OffsetDateTime amendmentsUntil, List<String> attendees,
                              List<AmendmentView> amendments, String content, String sha256, OffsetDateTime approvedAt, String approvedAtMeeting) {
    }

    public record AmendmentView(String id, String org, String proposedBy, String text, boolean afterFreeze, String status, String reason,
                                OffsetDateTime proposedAt, OffsetDateTime decidedAt) {
    }
}
