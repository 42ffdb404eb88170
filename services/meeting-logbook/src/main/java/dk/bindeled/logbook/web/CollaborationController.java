package dk.bindeled.logbook.web;

import dk.bindeled.domain.NotFoundException;
import dk.bindeled.logbook.api.Commands.AdvanceCoCreationPhase;
import dk.bindeled.logbook.api.Commands.ChangeCollaborationForm;
import dk.bindeled.logbook.api.Commands.DescribeTheoryOfChange;
import dk.bindeled.logbook.api.Commands.Goal;
import dk.bindeled.logbook.api.Commands.JoinCollaboration;
import dk.bindeled.logbook.api.Commands.Participant;
import dk.bindeled.logbook.api.Commands.Person;
import dk.bindeled.logbook.api.Commands.RequestMeetingRoom;
import dk.bindeled.logbook.api.Commands.ReviseGoals;
import dk.bindeled.logbook.api.Commands.Role;
import dk.bindeled.logbook.api.Commands.ScheduleMeeting;
import dk.bindeled.logbook.api.Commands.StartCollaboration;
import dk.bindeled.logbook.api.Commands.TheoryOfChange;
import dk.bindeled.logbook.domain.MeetingSize;
import dk.bindeled.logbook.query.LogbookQueries;
import dk.bindeled.logbook.query.Views.CollaborationSummary;
import dk.bindeled.logbook.query.Views.CollaborationView;
import dk.bindeled.logbook.web.Requests.CollaborationRequest;
import dk.bindeled.logbook.web.Requests.Created;
import dk.bindeled.logbook.web.Requests.FormRequest;
import dk.bindeled.logbook.web.Requests.GoalsRequest;
import dk.bindeled.logbook.web.Requests.MeetingRequest;
import dk.bindeled.logbook.web.Requests.PartnerRequest;
import dk.bindeled.logbook.web.Requests.PhaseRequest;
import dk.bindeled.logbook.web.Requests.TheoryRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Collaborations: started by a partner, steered by the coordinator and the lead partners, every change kept. */
@RestController
@Tag(name = "Collaborations", description = "Collaborations in the five forms, their goals, theory of change, co-creation phase and meetings")
public class CollaborationController {

    private final CommandSender commands;
    private final LogbookQueries queries;

    public CollaborationController(CommandSender commands, LogbookQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping("/api/collaborations")
    @Operation(summary = "Start a collaboration; the caller's organisation takes part as a lead partner unless listed otherwise")
    public ResponseEntity<Created> start(@Valid @RequestBody CollaborationRequest body) {
        String org = CommandSender.organisation();
        List<Participant> partners = new ArrayList<>();
        if (body.partners() != null) {
            body.partners().forEach(p -> partners.add(new Participant(p.org().strip(), p.role())));
        }
        if (partners.stream().noneMatch(p -> p.org().equals(org))) {
            partners.add(0, new Participant(org, Role.LEAD));
        }
        Person coordinator = new Person(body.coordinator().org() == null || body.coordinator().org().isBlank() ? org : body.coordinator().org().strip(),
                body.coordinator().name().strip(), body.coordinator().role());
        String id = UUID.randomUUID().toString();
        commands.send(new StartCollaboration(id, org, body.title(), body.purpose(), body.form(), body.targetGroups(), coordinator, partners,
                Boolean.TRUE.equals(body.coCreationTrack())), "collaboration");
        return ResponseEntity.created(URI.create("/api/collaborations/" + id)).body(new Created(id, List.of()));
    }

    @GetMapping("/api/collaborations")
    @Operation(summary = "Every collaboration, or with mine=true those the caller's organisation takes part in; the latest changed first")
    public List<CollaborationSummary> collaborations(@RequestParam(required = false) Boolean mine) {
        return queries.collaborations(Boolean.TRUE.equals(mine) ? CommandSender.organisation() : null);
    }

    @GetMapping("/api/collaborations/{id}")
    @Operation(summary = "A collaboration with its partners, current goals and theory of change, its history and its meetings")
    public CollaborationView collaboration(@PathVariable String id) {
        return queries.collaboration(id);
    }

    @GetMapping("/api/collaborations/{id}/export.json")
    @Operation(summary = "The collaboration's timeline as JSON shaped after OParl 1.1: the organization, its meetings, agenda items and decisions")
    public java.util.Map<String, Object> exportJson(@PathVariable String id) {
        return dk.bindeled.logbook.query.TimelineExport.oparl(queries.collaboration(id), queries.meetingsOf(id));
    }

    @GetMapping(value = "/api/collaborations/{id}/export.pdf", produces = "application/pdf")
    @Operation(summary = "The same timeline as a readable Danish PDF")
    public ResponseEntity<byte[]> exportPdf(@PathVariable String id) {
        byte[] pdf = dk.bindeled.logbook.query.TimelineExport.pdf(queries.collaboration(id), queries.meetingsOf(id));
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"logbog-" + id + ".pdf\"").body(pdf);
    }

    @PostMapping("/api/collaborations/{id}/form")
    public ResponseEntity<Void> changeForm(@PathVariable String id, @Valid @RequestBody FormRequest body) {
        commands.send(new ChangeCollaborationForm(id, CommandSender.organisation(), body.form(), body.reason()), "collaboration " + id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/collaborations/{id}/goals")
    @Operation(summary = "Revise the goals, each with its success criterion: a new version, the earlier ones kept")
    public ResponseEntity<Void> reviseGoals(@PathVariable String id, @Valid @RequestBody GoalsRequest body) {
        commands.send(new ReviseGoals(id, CommandSender.organisation(), body.goals().stream().map(g -> new Goal(g.goal().strip(), g.successCriterion().strip()))
                .toList()), "collaboration " + id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/collaborations/{id}/theory-of-change")
    public ResponseEntity<Void> theory(@PathVariable String id, @Valid @RequestBody TheoryRequest body) {
        commands.send(new DescribeTheoryOfChange(id, CommandSender.organisation(),
                new TheoryOfChange(body.resources(), body.activities(), body.results(), body.effects())), "collaboration " + id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/collaborations/{id}/phase")
    @Operation(summary = "Move a co-creation track on to its next phase")
    public ResponseEntity<Void> phase(@PathVariable String id, @Valid @RequestBody PhaseRequest body) {
        commands.send(new AdvanceCoCreationPhase(id, CommandSender.organisation(), body.phase()), "collaboration " + id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/collaborations/{id}/partners")
    public ResponseEntity<Void> join(@PathVariable String id, @Valid @RequestBody PartnerRequest body) {
        commands.send(new JoinCollaboration(id, CommandSender.organisation(), new Participant(body.org().strip(), body.role())), "collaboration " + id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/collaborations/{id}/meetings")
    @Operation(summary = "Schedule a meeting of the collaboration (its coordinator); its partners are the members with a vote; the open action"
            + " items and the last meeting's unfinished items open its agenda",
            description = "warnings: co-creation-size when a co-creation meeting has fewer than 3 or more than 10 participants. With room, the room"
                    + " is asked of room booking at once; GET the meeting for its answer (room.status)")
    public ResponseEntity<Created> schedule(@PathVariable String id, @Valid @RequestBody MeetingRequest body) {
        String org = CommandSender.organisation();
        List<String> members = queries.partnersOf(id).orElseThrow(() -> new NotFoundException("No collaboration " + id));
        String coordinator = queries.coordinatorOf(id).orElseThrow(() -> new NotFoundException("No collaboration " + id));
        List<String> invited = body.invited() == null || body.invited().isEmpty() ? members : body.invited();
        String meetingId = UUID.randomUUID().toString();
        String roomPartner = body.room() == null ? null : MeetingRooms.partner(body.room(), org, members, body.endsAt());
        commands.send(new ScheduleMeeting(meetingId, id, org, coordinator, body.type(), body.title(), body.startsAt(), body.endsAt(), body.place(),
                invited, members, queries.carryOver(id)), "collaboration " + id);
        if (roomPartner != null) {
            // Checked above as the meeting will check it, so the meeting is not left without the room it was scheduled with.
            commands.send(new RequestMeetingRoom(meetingId, org, UUID.randomUUID().toString(), body.room().resourceId(), roomPartner),
                    "meeting " + meetingId);
        }
        return ResponseEntity.created(URI.create("/api/meetings/" + meetingId)).body(new Created(meetingId, MeetingSize.warnings(body.type(), invited.size())));
    }
}
