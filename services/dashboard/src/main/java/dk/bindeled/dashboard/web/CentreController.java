package dk.bindeled.dashboard.web;

import dk.bindeled.dashboard.query.CentreNotFoundException;
import dk.bindeled.dashboard.query.CentreQueries;
import dk.bindeled.dashboard.query.CentreSummary;
import dk.bindeled.dashboard.query.CentreToday;
import dk.bindeled.events.IsoWeek;
import dk.bindeled.dashboard.query.Utilisation;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The centres defined for booking: their info screens' data and the utilisation of their resources. */
@RestController
@RequestMapping("/api/centres")
public class CentreController {

    private final CentreQueries queries;
    private final ChangeStream stream;

    public CentreController(CentreQueries queries, ChangeStream stream) {
        this.queries = queries;
        this.stream = stream;
    }

    /** Every centre, by name, for choosing an info screen. */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public List<CentreSummary> centres() {
        return queries.centres();
    }

    /** What the centre's public info screen shows now, visibility applied. 404 for an unknown centre. */
    @GetMapping(path = "/{centreId}/today", produces = MediaType.APPLICATION_JSON_VALUE)
    public CentreToday today(@PathVariable String centreId) {
        return queries.today(centreId);
    }

    /**
     * Server-Sent Events for the centre's info screen: a {@code today} event at once, and another whenever a
     * change to today's schedule of the centre commits. 404 for an unknown centre.
     */
    @GetMapping(path = "/{centreId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter stream(@PathVariable String centreId) {
        if (!queries.exists(centreId)) {
            throw new CentreNotFoundException(centreId);
        }
        return stream.subscribeScreen(centreId);
    }

    /**
     * Booked hours per resource against the centre's open hours in an ISO week ({@code week}, e.g. 2026-W48;
     * default: the current week). 400 for a week that is not one, 404 for an unknown centre.
     */
    @GetMapping(path = "/{centreId}/utilisation", produces = MediaType.APPLICATION_JSON_VALUE)
    public Utilisation utilisation(@PathVariable String centreId, @RequestParam(required = false) String week) {
        IsoWeek chosen;
        try {
            chosen = week == null ? null : IsoWeek.parse(week);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("week", e.getMessage());
        }
        return queries.utilisation(centreId, chosen);
    }
}
