package dk.bindeled.booking.web;

import dk.bindeled.axon.ProjectionReplay;
import dk.bindeled.axon.ProjectionReplay.Status;
import dk.bindeled.booking.domain.BookingPermissions;
import dk.bindeled.booking.query.FairnessReports;
import dk.bindeled.booking.query.FairnessReports.Grouping;
import dk.bindeled.booking.query.Views.FairnessReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The fairness report, and the rebuild of the calendar projection it and every other query read. */
@RestController
@Tag(name = "Reports and operations", description = "Equal access in numbers; rebuilding the calendar projection")
public class ReportController {

    private final FairnessReports reports;
    private final ProjectionReplay replay;
    private final Access access;

    public ReportController(FairnessReports reports, ProjectionReplay replay, Access access) {
        this.reports = reports;
        this.replay = replay;
        this.access = access;
    }

    @GetMapping("/api/centres/{centreId}/fairness")
    @Operation(summary = "Confirmed hours per partner and sector, per ISO week or month, and the share in peak hours",
            description = "from and to are local dates, both inclusive; by is week (default) or month. A booking counts in the"
                    + " period of the date it starts on.")
    public FairnessReport fairness(@PathVariable String centreId, @RequestParam(required = false) String from,
                                   @RequestParam(required = false) String to, @RequestParam(required = false) String by) {
        access.require(BookingPermissions.mayReadFairness(access.viewer(), centreId), BookingPermissions.READ_FAIRNESS);
        return reports.report(centreId, QueryParams.date(from, "from"), QueryParams.date(to, "to"),
                QueryParams.choice(by, "by", Grouping.class, Grouping.WEEK));
    }

    @GetMapping("/admin/projections/calendar")
    @Operation(summary = "How far the calendar projection is, against the head of the event store")
    public Status projectionStatus() {
        return replay.status();
    }

    @PostMapping("/admin/projections/calendar/replay")
    @Operation(summary = "Rebuild the calendar from every event beside the live tables, which keep answering; switched over when caught up. Poll the status for progress. Feed tokens stay.")
    public ResponseEntity<Status> replay() {
        return ResponseEntity.accepted().body(replay.rebuild());
    }
}
