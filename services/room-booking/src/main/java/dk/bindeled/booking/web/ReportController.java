package dk.bindeled.booking.web;

import dk.bindeled.axon.ProjectionReplay;
import dk.bindeled.axon.ProjectionReplay.Status;
import dk.bindeled.booking.api.QuotaStanding;
import dk.bindeled.booking.domain.BookingPermissions;
import dk.bindeled.booking.domain.InvalidInputException;
import dk.bindeled.booking.query.FairnessReports;
import dk.bindeled.booking.query.FairnessReports.Grouping;
import dk.bindeled.booking.query.QuotaStandings;
import dk.bindeled.booking.query.Views.FairnessReport;
import dk.bindeled.events.IsoWeek;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The fairness report, a partner's quota left, and the rebuild of the calendar projection it and every other query read. */
@RestController
@Tag(name = "Reports and operations", description = "Equal access in numbers; rebuilding the calendar projection")
public class ReportController {

    private final FairnessReports reports;
    private final QuotaStandings quotas;
    private final ProjectionReplay replay;
    private final Access access;

    public ReportController(FairnessReports reports, QuotaStandings quotas, ProjectionReplay replay, Access access) {
        this.reports = reports;
        this.quotas = quotas;
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

    @GetMapping("/api/centres/{centreId}/quota")
    @Operation(summary = "A partner's quota in the centre for one ISO week: what applies, what it holds and what is left",
            description = "partner is required; week is an ISO week like 2026-W48 (default: this week in the centre's time zone)."
                    + " Held counts requested and confirmed bookings in the week they start, as the booking rules do.")
    public QuotaStanding quota(@PathVariable String centreId, @RequestParam(required = false) String partner,
                               @RequestParam(required = false) String week) {
        if (partner == null || partner.isBlank()) {
            throw new InvalidInputException("partner", "is required (the partner whose quota to show)");
        }
        access.require(BookingPermissions.mayReadQuota(access.viewer(), partner, centreId), BookingPermissions.READ_QUOTA);
        IsoWeek chosen;
        try {
            chosen = week == null || week.isBlank() ? null : IsoWeek.parse(week.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("week", "must be an ISO week like 2026-W48");
        }
        return quotas.standing(centreId, partner, chosen);
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
