package dk.bindeled.logbook.web;

import dk.bindeled.logbook.api.Commands.AddAgendaItem;
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
import dk.bindeled.logbook.query.LogbookQueries;
import dk.bindeled.logbook.query.Views.MeetingView;
import dk.bindeled.logbook.query.Views.VoteView;
import dk.bindeled.logbook.web.Requests.AgendaItemRequest;
import dk.bindeled.logbook.web.Requests.AmendmentDecisionRequest;
import dk.bindeled.logbook.web.Requests.AmendmentRequest;
import dk.bindeled.logbook.web.Requests.ApprovalRequest;
import dk.bindeled.logbook.web.Requests.AttendanceRequest;
import dk.bindeled.logbook.web.Requests.BallotRequest;
import dk.bindeled.logbook.web.Requests.CirculateRequest;
import dk.bindeled.logbook.web.Requests.Created;
import dk.bindeled.logbook.web.Requests.DecisionRequest;
import dk.bindeled.logbook.web.Requests.MinutesRequest;
import dk.bindeled.logbook.web.Requests.ProxyRequest;
import dk.bindeled.logbook.web.Requests.TotalsRequest;
import dk.bindeled.logbook.web.Requests.VoteRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A meeting: its agenda, attendance, proxies, votes and decisions (its coordinator), and its minutes' amendment round (its attendees). */
@RestController
@Tag(name = "Meetings", description = "Agenda, attendance, one vote per organisation with proxies and quorum, decisions, minutes amended and frozen")
public class MeetingController {

    private final CommandSender commands;
    private final LogbookQueries queries;

    public MeetingController(CommandSender commands, LogbookQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @GetMapping("/api/meetings/{id}")
    @Operation(summary = "A meeting with everything recorded at it; each vote's standing by the rule it will be closed by")
    public MeetingView meeting(@PathVariable String id) {
        return queries.meeting(id);
    }

    @PostMapping("/api/meetings/{id}/room")
    @Operation(summary = "Ask room booking for a room for the meeting (its coordinator), in the name of one of the collaboration's partners;"
            + " GET the meeting for the answer (room.status: REQUESTED, AWAITING_APPROVAL, CONFIRMED, REFUSED, REJECTED, CANCELLED)")
    public ResponseEntity<Created> room(@PathVariable String id, @Valid @RequestBody dk.bindeled.logbook.web.Requests.RoomRequest body) {
        String org = CommandSender.organisation();
        MeetingView meeting = queries.meeting(id);
        String partner = MeetingRooms.partner(body, org, meeting.members(), meeting.endsAt() == null ? null : meeting.endsAt().toInstant());
        String bookingId = UUID.randomUUID().toString();
        commands.send(new dk.bindeled.logbook.api.Commands.RequestMeetingRoom(id, org, bookingId, body.resourceId(), partner), "meeting " + id);
        return ResponseEntity.status(202).body(new Created(bookingId, List.of()));
    }

    @PostMapping("/api/meetings/{id}/agenda")
    public ResponseEntity<Created> agenda(@PathVariable String id, @Valid @RequestBody AgendaItemRequest body) {
        String itemId = UUID.randomUUID().toString();
        commands.send(new AddAgendaItem(id, CommandSender.organisation(), itemId, body.title(), body.carriedOverFrom()), "meeting " + id);
        return ResponseEntity.status(201).body(new Created(itemId, List.of()));
    }

    @PostMapping("/api/meetings/{id}/agenda/{itemId}/finish")
    @Operation(summary = "The item was dealt with: it is not carried over to the next meeting")
    public ResponseEntity<Void> finish(@PathVariable String id, @PathVariable String itemId) {
        commands.send(new dk.bindeled.logbook.api.Commands.FinishAgendaItem(id, CommandSender.organisation(), itemId), "meeting " + id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/meetings/{id}/action-items")
    @Operation(summary = "Assign an action item to a partner (the coordinator), due on a date; overdue once that day has passed")
    public ResponseEntity<Created> assign(@PathVariable String id, @Valid @RequestBody Requests.ActionItemRequest body) {
        MeetingView meeting = queries.meeting(id);
        String actionItemId = UUID.randomUUID().toString();
        commands.send(new dk.bindeled.logbook.api.Commands.AssignActionItem(actionItemId, CommandSender.organisation(), meeting.collaborationId(), id,
                meeting.coordinatorOrg(), meeting.members(), body.title(), body.ownerOrg().strip(), body.ownerPerson(), body.dueDate()), "meeting " + id);
        return ResponseEntity.status(201).body(new Created(actionItemId, List.of()));
    }

    @PostMapping("/api/action-items/{id}/complete")
    @Operation(summary = "Complete an action item (its owner or the coordinator)")
    public ResponseEntity<Void> complete(@PathVariable String id) {
        commands.send(new dk.bindeled.logbook.api.Commands.CompleteActionItem(id, CommandSender.organisation()), "action item " + id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/action-items/{id}/cancel")
    @Operation(summary = "Cancel an action item with a reason (the coordinator)")
    public ResponseEntity<Void> cancel(@PathVariable String id, @Valid @RequestBody Requests.CancelRequest body) {
        commands.send(new dk.bindeled.logbook.api.Commands.CancelActionItem(id, CommandSender.organisation(), body.reason()), "action item " + id);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/meetings/{id}/attendance/{org}")
    @Operation(summary = "Who of an organisation came (an empty list: no one)")
    public ResponseEntity<Void> attendance(@PathVariable String id, @PathVariable String org, @Valid @RequestBody AttendanceRequest body) {
        commands.send(new RecordAttendance(id, CommandSender.organisation(), org, body.people().stream().map(String::strip).toList()), "meeting " + id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/meetings/{id}/proxies")
    @Operation(summary = "An organisation gives its vote at this meeting to another member (by itself, or recorded by the coordinator)")
    public ResponseEntity<Void> proxy(@PathVariable String id, @Valid @RequestBody ProxyRequest body) {
        commands.send(new GiveProxy(id, CommandSender.organisation(), body.fromOrg().strip(), body.toOrg().strip()), "meeting " + id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/meetings/{id}/votes")
    @Operation(summary = "Open a vote: the roll of who may vote is frozen now")
    public ResponseEntity<Created> openVote(@PathVariable String id, @Valid @RequestBody VoteRequest body) {
        String voteId = UUID.randomUUID().toString();
        commands.send(new OpenVote(id, CommandSender.organisation(), voteId, body.agendaItemId(), body.motion(), body.majority(), body.quorumShare(),
                body.quorumMinimum() == null ? 0 : body.quorumMinimum(), Boolean.TRUE.equals(body.secret())), "meeting " + id);
        return ResponseEntity.status(201).body(new Created(voteId, List.of()));
    }

    @PostMapping("/api/meetings/{id}/votes/{voteId}/ballots")
    @Operation(summary = "Cast the vote of the caller's organisation, or of the one whose proxy it holds (named votes only)")
    public ResponseEntity<Void> cast(@PathVariable String id, @PathVariable String voteId, @Valid @RequestBody BallotRequest body) {
        String org = CommandSender.organisation();
        commands.send(new CastVote(id, org, voteId, body.forOrg() == null || body.forOrg().isBlank() ? org : body.forOrg().strip(), body.choice()),
                "meeting " + id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/meetings/{id}/votes/{voteId}/totals")
    @Operation(summary = "Totals counted by the chair (hands, or the ballots of a secret vote)")
    public ResponseEntity<Void> totals(@PathVariable String id, @PathVariable String voteId, @Valid @RequestBody TotalsRequest body) {
        commands.send(new RecordVoteTotals(id, CommandSender.organisation(), voteId, body.forVotes(), body.against(), body.abstain()), "meeting " + id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/meetings/{id}/votes/{voteId}/close")
    @Operation(summary = "Close a vote: the result says whether quorum and majority were met")
    public VoteView close(@PathVariable String id, @PathVariable String voteId) {
        commands.send(new CloseVote(id, CommandSender.organisation(), voteId), "meeting " + id);
        return queries.meeting(id).votes().stream().filter(v -> v.id().equals(voteId)).findFirst().orElseThrow();
    }

    @PostMapping("/api/meetings/{id}/decisions")
    public ResponseEntity<Created> decide(@PathVariable String id, @Valid @RequestBody DecisionRequest body) {
        String decisionId = UUID.randomUUID().toString();
        commands.send(new RecordDecision(id, CommandSender.organisation(), decisionId, body.agendaItemId(), body.type(), body.text(), body.voteId()),
                "meeting " + id);
        return ResponseEntity.status(201).body(new Created(decisionId, List.of()));
    }

    @PutMapping("/api/meetings/{id}/minutes")
    @Operation(summary = "Write the draft minutes (each save a new version, until they are circulated)")
    public ResponseEntity<Void> draft(@PathVariable String id, @Valid @RequestBody MinutesRequest body) {
        commands.send(new DraftMinutes(id, CommandSender.organisation(), body.text()), "meeting " + id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/meetings/{id}/minutes/circulate")
    @Operation(summary = "Circulate the minutes to the attendees for amendments until a time")
    public ResponseEntity<Void> circulate(@PathVariable String id, @Valid @RequestBody CirculateRequest body) {
        commands.send(new CirculateMinutes(id, CommandSender.organisation(), body.amendmentsUntil()), "meeting " + id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/meetings/{id}/minutes/amendments")
    @Operation(summary = "Propose an amendment (an attendee); after approval, a correction, the frozen minutes unchanged")
    public ResponseEntity<Created> amend(@PathVariable String id, @Valid @RequestBody AmendmentRequest body) {
        String amendmentId = UUID.randomUUID().toString();
        commands.send(new ProposeAmendment(id, CommandSender.organisation(), amendmentId, body.proposedBy(), body.text()), "meeting " + id);
        return ResponseEntity.status(201).body(new Created(amendmentId, List.of()));
    }

    @PostMapping("/api/meetings/{id}/minutes/amendments/{amendmentId}/decision")
    public ResponseEntity<Void> decideAmendment(@PathVariable String id, @PathVariable String amendmentId, @Valid @RequestBody AmendmentDecisionRequest body) {
        commands.send(new DecideAmendment(id, CommandSender.organisation(), amendmentId, body.accepted(), body.reason()), "meeting " + id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/meetings/{id}/minutes/approve")
    @Operation(summary = "Approve and freeze the minutes (at the next meeting, or once the amendment period has ended); the SHA-256 is recorded")
    public ResponseEntity<Void> approve(@PathVariable String id, @Valid @RequestBody(required = false) ApprovalRequest body) {
        commands.send(new ApproveMinutes(id, CommandSender.organisation(), body == null ? null : body.atMeetingId()), "meeting " + id);
        return ResponseEntity.noContent().build();
    }
}
