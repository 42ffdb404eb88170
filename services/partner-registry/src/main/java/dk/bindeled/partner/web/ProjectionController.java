package dk.bindeled.partner.web;

import dk.bindeled.axon.ProjectionReplay;
import dk.bindeled.axon.ProjectionReplay.Status;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/admin/projections/directory")
@Tag(name = "Operations", description = "Rebuild read models from the event store")
public class ProjectionController {

    private final ProjectionReplay replay;

    public ProjectionController(ProjectionReplay replay) {
        this.replay = replay;
    }

    @GetMapping
    @Operation(summary = "How far the directory projection is, against the head of the event store")
    public Status status() {
        return replay.status();
    }

    @PostMapping("/replay")
    @Operation(summary = "Rebuild the directory from every event beside the live tables, which keep answering; switched over when caught up. Poll the status for progress")
    public ResponseEntity<Status> replay() {
        return ResponseEntity.accepted().body(replay.rebuild());
    }
}
