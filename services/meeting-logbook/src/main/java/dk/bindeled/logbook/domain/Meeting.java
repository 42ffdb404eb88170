package dk.bindeled.logbook.domain;

import dk.bindeled.domain.InvalidInputException;
import dk.bindeled.domain.RuleViolationException;
import dk.bindeled.domain.NotFoundException;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dk.bindeled.events.logbook.v1.MeetingType;
import dk.bindeled.events.logbook.v1.VoteChoice;
import dk.bindeled.logbook.api.Commands.AddAgendaItem;
import dk.bindeled.logbook.api.Commands.CarriedOver;
import dk.bindeled.logbook.api.Commands.FinishAgendaItem;
import dk.bindeled.logbook.api.Events.AgendaItemFinished;
import org.axonframework.modelling.command.ApplyMore;
import dk.bindeled.logbook.api.Commands.ApproveMinutes;
import dk.bindeled.logbook.api.Commands.CastVote;
import dk.bindeled.logbook.api.Commands.CirculateMinutes;
import dk.bindeled.logbook.api.Commands.CloseVote;
import dk.bindeled.logbook.api.Commands.DecideAmendment;
import dk.bindeled.logbook.api.Commands.DraftMinutes;
import dk.bindeled.logbook.api.Commands.GiveProxy;
import dk.bindeled.logbook.api.Commands.OpenVote;
import dk.bindeled.logbook.api.Commands.ProposeAmendment;
import dk.bindeled.logbook.api.Commands.RecordAttendance;
import dk.bindeled.logbook.api.Commands.RecordDecision;
import dk.bindeled.logbook.api.Commands.RecordVoteTotals;
import dk.bindeled.logbook.api.Commands.RecordRoomAnswer;
import dk.bindeled.logbook.api.Commands.RequestMeetingRoom;
import dk.bindeled.logbook.api.Commands.RoomStatus;
import dk.bindeled.logbook.api.Commands.ScheduleMeeting;
import dk.bindeled.logbook.api.Events.AgendaItemAdded;
import dk.bindeled.logbook.api.Events.AmendmentDecided;
import dk.bindeled.logbook.api.Events.AmendmentProposed;
import dk.bindeled.logbook.api.Events.AttendanceRecorded;
import dk.bindeled.logbook.api.Events.DecisionRecorded;
import dk.bindeled.logbook.api.Events.MeetingRoomAnswered;
import dk.bindeled.logbook.api.Events.MeetingRoomRequested;
import dk.bindeled.logbook.api.Events.MeetingScheduled;
import dk.bindeled.logbook.api.Events.MinutesApproved;
import dk.bindeled.logbook.api.Events.MinutesCirculated;
import dk.bindeled.logbook.api.Events.MinutesDrafted;
import dk.bindeled.logbook.api.Events.ProxyGiven;
import dk.bindeled.logbook.api.Events.RollEntry;
import dk.bindeled.logbook.api.Events.VoteCast;
import dk.bindeled.logbook.api.Events.VoteClosed;
import dk.bindeled.logbook.api.Events.VoteOpened;
import dk.bindeled.logbook.api.Events.VoteTotalsRecorded;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One meeting of a collaboration, event-sourced: its agenda, who came, the proxies given, its votes (by {@link VoteRule}
 * on the roll of {@link VoterRoll}), its decisions, and its minutes from draft through the attendees' amendment round to
 * approved and frozen ({@link MinutesSeal}). The coordinator's organisation runs it; the attendees amend.
 */
@Aggregate
public class Meeting {

    public static final String RULE = "meeting-rule";

    enum MinutesStatus { NONE, DRAFT, CIRCULATED, APPROVED }

    @AggregateIdentifier
    private String meetingId;
    private String coordinatorOrg;
    private MeetingType type;
    private List<String> members = new ArrayList<>();
    private Set<String> present = new LinkedHashSet<>();
    private Map<String, String> proxies = new LinkedHashMap<>();
    private Set<String> agendaItems = new LinkedHashSet<>();
    private Map<String, Vote> votes = new HashMap<>();
    private Set<String> decisions = new LinkedHashSet<>();
    private MinutesStatus minutes = MinutesStatus.NONE;
    private String minutesText;
    private int minutesVersion;
    private Instant amendmentsUntil;
    private List<String> attendees = new ArrayList<>();
    /** Amendments by id, in the order proposed: their text, whether decided, accepted, and whether after the freeze. */
    private Map<String, Amendment> amendments = new LinkedHashMap<>();
    private String collaborationId;
    private String title;
    private Instant startsAt;
    private Instant endsAt;
    private int invited;
    /** The room booking last asked for, and where it stands as room booking last said. */
    private String roomBookingId;
    private RoomStatus roomStatus;
    private String roomReason;

    /** A vote's state, a value: each event replaces it (so the fixtures can compare state, and a snapshot holds it as it is). */
    public record Vote(VoteRule rule, boolean secret, List<RollEntry> roll, int members, Map<String, VoteChoice> ballots, List<Integer> totals,
                       boolean closed) {

        Vote withBallot(String org, VoteChoice choice) {
            Map<String, VoteChoice> more = new LinkedHashMap<>(ballots);
            more.put(org, choice);
            return new Vote(rule, secret, roll, members, Map.copyOf(more), totals, closed);
        }

        Vote withTotals(int forVotes, int against, int abstain) {
            return new Vote(rule, secret, roll, members, ballots, List.of(forVotes, against, abstain), closed);
        }

        Vote closedNow() {
            return new Vote(rule, secret, roll, members, ballots, totals, true);
        }
    }

    public record Amendment(String text, boolean decided, boolean accepted, boolean afterFreeze) {
    }

    protected Meeting() {
        // Axon rebuilds the aggregate from its events.
    }

    @CommandHandler
    public Meeting(ScheduleMeeting command) {
        required("collaborationId", command.collaborationId());
        required("coordinatorOrg", command.coordinatorOrg());
        required("title", command.title());
        if (command.type() == null) {
            throw new InvalidInputException("type", "is required: NETWORK, COORDINATION, CO_CREATION, HOUSE_COUNCIL or SHARED_MEETING");
        }
        if (command.startsAt() == null) {
            throw new InvalidInputException("startsAt", "is required");
        }
        if (command.endsAt() != null && !command.endsAt().isAfter(command.startsAt())) {
            throw new InvalidInputException("endsAt", "must be after startsAt");
        }
        if (!command.coordinatorOrg().equals(command.actingOrg())) {
            throw new RuleViolationException(RULE, "Only the collaboration's coordinator schedules its meetings");
        }
        ApplyMore scheduled = apply(new MeetingScheduled(command.meetingId(), command.collaborationId(), command.coordinatorOrg(), command.type(),
                command.title().strip(), command.startsAt(), command.endsAt(), blankToNull(command.place()), distinct(command.invited()),
                distinct(command.members())));
        // In a constructor Axon applies the events after it returns: each carried-over item once the meeting exists.
        for (CarriedOver item : command.carriedOver() == null ? List.<CarriedOver>of() : command.carriedOver()) {
            scheduled = scheduled.andThen(() -> apply(new AgendaItemAdded(command.meetingId(), item.itemId(), item.title(), item.from())));
        }
    }

    /** A room through room booking (its answer comes back as {@link RecordRoomAnswer}); one at a time. */
    @CommandHandler
    public void handle(RequestMeetingRoom command) {
        coordinator(command.actingOrg(), "book a room for the meeting");
        required("resourceId", command.resourceId());
        required("partnerId", command.partnerId());
        if (endsAt == null) {
            throw new InvalidInputException("endsAt", "is needed to book a room: the meeting has no end time");
        }
        if (!members.contains(command.partnerId())) {
            throw new InvalidInputException("partnerId", "must be one of the collaboration's partners, in whose name the room is booked");
        }
        if (roomStatus != null && roomStatus.holds()) {
            throw new RuleViolationException(RULE, "The meeting's room is asked for or booked already; cancel that booking first");
        }
        apply(new MeetingRoomRequested(meetingId, collaborationId, command.bookingId(), command.resourceId().strip(), command.partnerId(), title,
                startsAt, endsAt, invited));
    }

    /** Room booking's answer; one for a booking the meeting no longer waits on, or said again, changes nothing. */
    @CommandHandler
    public void handle(RecordRoomAnswer command) {
        if (!command.bookingId().equals(roomBookingId) || command.status() == roomStatus && java.util.Objects.equals(command.reason(), roomReason)) {
            return;
        }
        apply(new MeetingRoomAnswered(meetingId, command.bookingId(), command.status(), command.reason()));
    }

    @CommandHandler
    public void handle(FinishAgendaItem command) {
        coordinator(command.actingOrg(), "finish an agenda item");
        recordOpen("Its agenda");
        if (!agendaItems.contains(command.itemId())) {
            throw new NotFoundException("No agenda item " + command.itemId() + " at this meeting");
        }
        apply(new AgendaItemFinished(meetingId, command.itemId()));
    }

    @CommandHandler
    public void handle(AddAgendaItem command) {
        coordinator(command.actingOrg(), "set the agenda");
        recordOpen("Its agenda");
        required("title", command.title());
        if (agendaItems.contains(command.itemId())) {
            throw new RuleViolationException(RULE, "The agenda has item " + command.itemId() + " already");
        }
        apply(new AgendaItemAdded(meetingId, command.itemId(), command.title().strip(), command.carriedOverFrom()));
    }

    @CommandHandler
    public void handle(RecordAttendance command) {
        coordinator(command.actingOrg(), "record attendance");
        required("org", command.org());
        recordOpen("Who attended");
        apply(new AttendanceRecorded(meetingId, command.org(), command.people() == null ? List.of() : List.copyOf(command.people())));
    }

    @CommandHandler
    public void handle(GiveProxy command) {
        // The giver records its own proxy, or the coordinator records one handed in on paper.
        if (!command.fromOrg().equals(command.actingOrg()) && !coordinatorOrg.equals(command.actingOrg())) {
            throw new RuleViolationException(VoterRoll.PROXY_RULE, "A proxy is given by the organisation whose vote it is, or recorded by the coordinator");
        }
        recordOpen("Its proxies");
        VoterRoll.checkProxy(members, proxies, command.fromOrg(), command.toOrg());
        apply(new ProxyGiven(meetingId, command.fromOrg(), command.toOrg()));
    }

    @CommandHandler
    public void handle(OpenVote command) {
        coordinator(command.actingOrg(), "open a vote");
        recordOpen("Its votes");
        if (votes.containsKey(command.voteId())) {
            throw new RuleViolationException(RULE, "Vote " + command.voteId() + " exists already");
        }
        if (command.agendaItemId() != null && !agendaItems.contains(command.agendaItemId())) {
            throw new InvalidInputException("agendaItemId", "is not on this meeting's agenda");
        }
        required("motion", command.motion());
        VoteRule rule = new VoteRule(command.majority(), command.quorumShare(), command.quorumMinimum());
        if (members.isEmpty()) {
            throw new RuleViolationException(RULE, "The meeting has no member organisations to vote");
        }
        apply(new VoteOpened(meetingId, command.voteId(), command.agendaItemId(), command.motion().strip(), rule.majority(), rule.quorumShare(),
                rule.quorumMinimum(), command.secret(), VoterRoll.roll(members, present, proxies), members.size()));
    }

    @CommandHandler
    public void handle(CastVote command) {
        recordOpen("Its votes");
        Vote vote = open(command.voteId());
        if (vote.secret()) {
            // A ballot the event store ties to its organisation is not secret: secret votes are cast on paper and counted.
            throw new RuleViolationException(VoteRule.RULE, "A secret vote is cast on paper and entered as totals by the chair");
        }
        if (vote.totals() != null) {
            throw new RuleViolationException(VoteRule.RULE, "This vote was counted by hand: its totals are entered by the chair");
        }
        RollEntry entry = vote.roll().stream().filter(e -> e.org().equals(command.forOrg())).findFirst()
                .orElseThrow(() -> new RuleViolationException(VoteRule.RULE, command.forOrg() + " is not on this vote's roll"));
        if (!entry.castBy().equals(command.actingOrg())) {
            throw new RuleViolationException(VoteRule.RULE, "The vote of " + command.forOrg() + " is cast by " + entry.castBy());
        }
        if (vote.ballots().containsKey(command.forOrg())) {
            throw new RuleViolationException(VoteRule.RULE, command.forOrg() + " has voted already");
        }
        if (command.choice() == null) {
            throw new InvalidInputException("choice", "is required: FOR, AGAINST or ABSTAIN");
        }
        apply(new VoteCast(meetingId, command.voteId(), command.forOrg(), command.actingOrg(), command.choice()));
    }

    @CommandHandler
    public void handle(RecordVoteTotals command) {
        coordinator(command.actingOrg(), "enter a vote's totals");
        recordOpen("Its votes");
        Vote vote = open(command.voteId());
        if (!vote.ballots().isEmpty()) {
            throw new RuleViolationException(VoteRule.RULE, "Votes were cast in the logbook; totals by hand would count them twice");
        }
        if (command.forVotes() < 0 || command.against() < 0 || command.abstain() < 0) {
            throw new InvalidInputException("forVotes", "totals are 0 or more");
        }
        if (command.forVotes() + command.against() + command.abstain() > vote.roll().size()) {
            throw new InvalidInputException("forVotes", "the totals add up to more than the " + vote.roll().size() + " votes on the roll");
        }
        apply(new VoteTotalsRecorded(meetingId, command.voteId(), command.forVotes(), command.against(), command.abstain()));
    }

    @CommandHandler
    public void handle(CloseVote command) {
        coordinator(command.actingOrg(), "close a vote");
        recordOpen("Its votes");
        Vote vote = open(command.voteId());
        int[] counts = counts(vote);
        VoteRule.Result result = vote.rule().tally(vote.members(), vote.roll().size(), counts[0], counts[1], counts[2]);
        apply(new VoteClosed(meetingId, command.voteId(), vote.rule().majority(), vote.secret(), result.members(), result.represented(), result.quorumNeeded(), result.quorumMet(),
                result.forVotes(), result.against(), result.abstain(), result.majorityMet(), result.adopted()));
    }

    /** For, against and abstain: the chair's totals, or the ballots cast. */
    static int[] counts(Vote vote) {
        if (vote.totals() != null) {
            return vote.totals().stream().mapToInt(Integer::intValue).toArray();
        }
        int[] counts = new int[3];
        vote.ballots().values().forEach(choice -> counts[choice.ordinal()]++);
        return counts;
    }

    @CommandHandler
    public void handle(RecordDecision command) {
        coordinator(command.actingOrg(), "record a decision");
        recordOpen("Its decisions");
        required("text", command.text());
        if (command.type() == null) {
            throw new InvalidInputException("type", "is required: AGREED_RULE, ALLOCATION, GOAL_CHANGE, NEW_INITIATIVE or OTHER");
        }
        if (command.agendaItemId() == null || !agendaItems.contains(command.agendaItemId())) {
            throw new InvalidInputException("agendaItemId", "must name an item of this meeting's agenda");
        }
        if (command.voteId() != null) {
            Vote vote = votes.get(command.voteId());
            if (vote == null || !vote.closed()) {
                throw new InvalidInputException("voteId", "must name a closed vote of this meeting");
            }
        }
        if (decisions.contains(command.decisionId())) {
            throw new RuleViolationException(RULE, "Decision " + command.decisionId() + " is recorded already");
        }
        apply(new DecisionRecorded(meetingId, command.decisionId(), command.agendaItemId(), command.type(), command.text().strip(), command.voteId()));
    }

    @CommandHandler
    public void handle(DraftMinutes command) {
        coordinator(command.actingOrg(), "write the minutes");
        required("text", command.text());
        if (minutes == MinutesStatus.CIRCULATED || minutes == MinutesStatus.APPROVED) {
            throw new RuleViolationException(RULE, "Circulated minutes change only by amendment");
        }
        apply(new MinutesDrafted(meetingId, minutesVersion + 1, command.text().strip()));
    }

    @CommandHandler
    public void handle(CirculateMinutes command, Clock clock) {
        coordinator(command.actingOrg(), "circulate the minutes");
        if (minutes != MinutesStatus.DRAFT) {
            throw new RuleViolationException(RULE, minutes == MinutesStatus.NONE ? "There are no minutes to circulate" : "The minutes are circulated already");
        }
        if (present.isEmpty()) {
            throw new RuleViolationException(RULE, "Record who attended first: they are the ones who may amend the minutes");
        }
        if (command.amendmentsUntil() == null || !command.amendmentsUntil().isAfter(clock.instant())) {
            throw new InvalidInputException("amendmentsUntil", "must be in the future: the attendees need time to read them");
        }
        apply(new MinutesCirculated(meetingId, command.amendmentsUntil(), List.copyOf(present)));
    }

    @CommandHandler
    public void handle(ProposeAmendment command, Clock clock) {
        required("text", command.text());
        boolean frozen = minutes == MinutesStatus.APPROVED;
        if (minutes != MinutesStatus.CIRCULATED && !frozen) {
            throw new RuleViolationException(RULE, "Minutes are amended once they are circulated");
        }
        if (!attendees.contains(command.actingOrg()) && !coordinatorOrg.equals(command.actingOrg())) {
            throw new RuleViolationException(RULE, "Only those who attended amend the minutes");
        }
        if (!frozen && !clock.instant().isBefore(amendmentsUntil)) {
            throw new RuleViolationException(RULE, "The amendment period ended " + amendmentsUntil);
        }
        if (amendments.containsKey(command.amendmentId())) {
            throw new RuleViolationException(RULE, "Amendment " + command.amendmentId() + " exists already");
        }
        apply(new AmendmentProposed(meetingId, command.amendmentId(), command.actingOrg(), blankToNull(command.proposedBy()), command.text().strip(), frozen));
    }

    @CommandHandler
    public void handle(DecideAmendment command) {
        coordinator(command.actingOrg(), "decide on an amendment");
        Amendment amendment = amendments.get(command.amendmentId());
        if (amendment == null) {
            throw new NotFoundException("No amendment " + command.amendmentId() + " to these minutes");
        }
        if (amendment.decided()) {
            throw new RuleViolationException(RULE, "Amendment " + command.amendmentId() + " is decided already");
        }
        if (!command.accepted() && blankToNull(command.reason()) == null) {
            throw new InvalidInputException("reason", "is required when an amendment is not accepted");
        }
        apply(new AmendmentDecided(meetingId, command.amendmentId(), command.accepted(), blankToNull(command.reason())));
    }

    @CommandHandler
    public void handle(ApproveMinutes command, Clock clock) {
        coordinator(command.actingOrg(), "approve the minutes");
        if (minutes != MinutesStatus.CIRCULATED) {
            throw new RuleViolationException(RULE, minutes == MinutesStatus.APPROVED ? "The minutes are approved and frozen" : "Circulate the minutes first");
        }
        if (command.atMeetingId() == null && clock.instant().isBefore(amendmentsUntil)) {
            throw new RuleViolationException(RULE, "The amendment period runs until " + amendmentsUntil + ": approve them then, or at the next meeting");
        }
        if (amendments.values().stream().anyMatch(a -> !a.decided())) {
            throw new RuleViolationException(RULE, "Decide every amendment before the minutes are approved");
        }
        String content = MinutesSeal.content(minutesText, amendments.values().stream().filter(Amendment::accepted).map(Amendment::text).toList());
        apply(new MinutesApproved(meetingId, content, MinutesSeal.sha256(content), command.atMeetingId()));
    }

    // --- state

    @EventSourcingHandler
    void on(MeetingScheduled event) {
        meetingId = event.meetingId();
        coordinatorOrg = event.coordinatorOrg();
        type = event.type();
        members = new ArrayList<>(event.members());
        collaborationId = event.collaborationId();
        title = event.title();
        startsAt = event.startsAt();
        endsAt = event.endsAt();
        invited = event.invited().size();
    }

    @EventSourcingHandler
    void on(MeetingRoomRequested event) {
        roomBookingId = event.bookingId();
        roomStatus = RoomStatus.REQUESTED;
        roomReason = null;
    }

    @EventSourcingHandler
    void on(MeetingRoomAnswered event) {
        roomStatus = event.status();
        roomReason = event.reason();
    }

    @EventSourcingHandler
    void on(AgendaItemAdded event) {
        agendaItems.add(event.itemId());
    }

    @EventSourcingHandler
    void on(AttendanceRecorded event) {
        if (event.people().isEmpty()) {
            present.remove(event.org());
        } else {
            present.add(event.org());
        }
    }

    @EventSourcingHandler
    void on(ProxyGiven event) {
        proxies.put(event.fromOrg(), event.toOrg());
    }

    @EventSourcingHandler
    void on(VoteOpened event) {
        votes.put(event.voteId(), new Vote(new VoteRule(event.majority(), event.quorumShare(), event.quorumMinimum()), event.secret(),
                List.copyOf(event.roll()), event.members(), Map.of(), null, false));
    }

    @EventSourcingHandler
    void on(VoteCast event) {
        votes.computeIfPresent(event.voteId(), (id, vote) -> vote.withBallot(event.org(), event.choice()));
    }

    @EventSourcingHandler
    void on(VoteTotalsRecorded event) {
        votes.computeIfPresent(event.voteId(), (id, vote) -> vote.withTotals(event.forVotes(), event.against(), event.abstain()));
    }

    @EventSourcingHandler
    void on(VoteClosed event) {
        votes.computeIfPresent(event.voteId(), (id, vote) -> vote.closedNow());
    }

    @EventSourcingHandler
    void on(DecisionRecorded event) {
        decisions.add(event.decisionId());
    }

    @EventSourcingHandler
    void on(MinutesDrafted event) {
        minutes = MinutesStatus.DRAFT;
        minutesText = event.text();
        minutesVersion = event.version();
    }

    @EventSourcingHandler
    void on(MinutesCirculated event) {
        minutes = MinutesStatus.CIRCULATED;
        amendmentsUntil = event.amendmentsUntil();
        attendees = new ArrayList<>(event.attendees());
    }

    @EventSourcingHandler
    void on(AmendmentProposed event) {
        amendments.put(event.amendmentId(), new Amendment(event.text(), false, false, event.afterFreeze()));
    }

    @EventSourcingHandler
    void on(AmendmentDecided event) {
        amendments.computeIfPresent(event.amendmentId(), (id, a) -> new Amendment(a.text(), true, event.accepted(), a.afterFreeze()));
    }

    @EventSourcingHandler
    void on(MinutesApproved event) {
        minutes = MinutesStatus.APPROVED;
    }

    // --- rules of who and what

    private Vote open(String voteId) {
        Vote vote = votes.get(voteId);
        if (vote == null) {
            throw new NotFoundException("No vote " + voteId + " at this meeting");
        }
        if (vote.closed()) {
            throw new RuleViolationException(VoteRule.RULE, "Vote " + voteId + " is closed");
        }
        return vote;
    }

    /**
     * What the minutes are about is settled once they are circulated: the attendees amend what they were sent, and after
     * approval the record is frozen. A change then is an amendment to the minutes, never an edit of the meeting.
     */
    private void recordOpen(String what) {
        if (minutes == MinutesStatus.CIRCULATED || minutes == MinutesStatus.APPROVED) {
            throw new RuleViolationException(RULE, what + " are settled once the minutes are circulated; propose an amendment to the minutes instead");
        }
    }

    private void coordinator(String actingOrg, String what) {
        if (!coordinatorOrg.equals(actingOrg)) {
            throw new RuleViolationException(RULE, "Only the coordinator may " + what);
        }
    }

    private static void required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : List.copyOf(new LinkedHashSet<>(values));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
