package dk.bindeled.dashboard.web;

import dk.bindeled.dashboard.query.DashboardQueries;
import dk.bindeled.dashboard.query.Overview;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@RequestMapping("/api")
public class OverviewController {

    static final int DEFAULT_CHANGES = 20;

    private final DashboardQueries queries;
    private final ChangeStream stream;

    public OverviewController(DashboardQueries queries, ChangeStream stream) {
        this.queries = queries;
        this.stream = stream;
    }

    /** The counts and the newest changes ({@code changes}: how many, 1–100, default 20). */
    @GetMapping(path = "/overview", produces = MediaType.APPLICATION_JSON_VALUE)
    public Overview overview(@RequestParam(defaultValue = "" + DEFAULT_CHANGES) @Min(1) @Max(DashboardQueries.MAX_CHANGES) int changes) {
        return queries.overview(changes);
    }

    /**
     * Server-Sent Events: first an {@code overview} event with the current overview, then a {@code change}
     * event for every change applied to the read model, carrying the change and the overview after it.
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter stream() {
        return stream.subscribe();
    }
}
