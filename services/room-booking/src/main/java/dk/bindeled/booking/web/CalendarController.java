package dk.bindeled.booking.web;

import dk.bindeled.booking.domain.BookingPermissions;
import dk.bindeled.booking.domain.InvalidInputException;
import dk.bindeled.booking.domain.Viewer;
import dk.bindeled.booking.domain.NotFoundException;
import dk.bindeled.booking.query.CalendarQueries;
import dk.bindeled.booking.query.CalendarQueries.Span;
import dk.bindeled.booking.query.Cursor;
import dk.bindeled.booking.query.Disclosures;
import dk.bindeled.booking.query.QueryWindow;
import dk.bindeled.booking.query.QueryWindow.Range;
import dk.bindeled.booking.query.Views.Approval;
import dk.bindeled.booking.query.Views.BookingSummary;
import dk.bindeled.booking.query.Views.BookingView;
import dk.bindeled.booking.query.Views.CalendarView;
import dk.bindeled.booking.query.Views.CentreSummary;
import dk.bindeled.booking.query.Views.CentreView;
import dk.bindeled.booking.query.Views.Page;
import dk.bindeled.booking.query.Views.ResourceView;
import dk.bindeled.booking.query.Views.SeriesView;
import dk.bindeled.booking.query.Views.WaitlistEntryView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The queries. Centres, resources and calendars are public; every answer that holds a booking's details is reduced by
 * {@link Disclosures} to what the caller may see, and the lists that are not for everyone ask {@link BookingPermissions}.
 */
@RestController
@Tag(name = "Calendars: queries", description = "Centres, resources, calendars, bookings, series and approvals, read from the calendar projection")
public class CalendarController {

    private static final String NEXT_LINK = "When there are more rows than the limit, the Link header holds the URL of the next"
            + " page (rel=\"next\"): the same query with an after cursor; the last page has no Link.";

    private final CalendarQueries queries;
    private final Clock clock;
    private final ZoneId serviceZone;
    private final Access access;

    public CalendarController(CalendarQueries queries, Clock clock,
                              @Value("${bindeled.booking.time-zone:Europe/Copenhagen}") String serviceZone, Access access) {
        this.queries = queries;
        this.access = access;
        this.clock = clock;
        this.serviceZone = ZoneId.of(serviceZone);
    }

    @GetMapping("/api/centres")
    @Operation(summary = "Every centre set up for booking")
    public List<CentreSummary> centres() {
        return queries.centres();
    }

    @GetMapping("/api/centres/{centreId}")
    @Operation(summary = "A centre with its opening hours, peak time and resources")
    public CentreView centre(@PathVariable String centreId) {
        return queries.centre(centreId).orElseThrow(() -> new NotFoundException("No centre " + centreId));
    }

    @GetMapping("/api/resources/{resourceId}")
    @Operation(summary = "A bookable resource with its features and rules")
    public ResourceView resource(@PathVariable String resourceId) {
        return queries.requireResource(resourceId);
    }

    @GetMapping("/api/resources/{resourceId}/calendar")
    @Operation(summary = "A resource's day or ISO week: confirmed, requested and offered bookings, visibility applied",
            description = "date defaults to today in the centre's time zone, view to day (day|week).")
    public CalendarView resourceCalendar(@PathVariable String resourceId, @RequestParam(required = false) String date,
                                         @RequestParam(required = false) String view) {
        LocalDate day = QueryParams.optionalDate(date, "date");
        Span span = QueryParams.choice(view, "view", Span.class, Span.DAY);
        ResourceView resource = queries.requireResource(resourceId);
        return Disclosures.calendar(queries.resourceCalendar(resourceId, day != null ? day : today(resource.centreId()), span),
                access.viewer());
    }

    @GetMapping("/api/centres/{centreId}/calendar")
    @Operation(summary = "A centre's day or ISO week over every resource, visibility applied",
            description = "date defaults to today in the centre's time zone, view to day (day|week).")
    public CalendarView centreCalendar(@PathVariable String centreId, @RequestParam(required = false) String date,
                                       @RequestParam(required = false) String view) {
        LocalDate day = QueryParams.optionalDate(date, "date");
        Span span = QueryParams.choice(view, "view", Span.class, Span.DAY);
        queries.requireCentre(centreId);
        return Disclosures.calendar(queries.centreCalendar(centreId, day != null ? day : today(centreId), span), access.viewer());
    }

    @GetMapping("/api/centres/{centreId}/approvals")
    @Operation(summary = "Requests waiting for the manager, oldest first; a series' pending occurrences come as one item")
    public List<Approval> approvals(@PathVariable String centreId) {
        Viewer viewer = access.viewer();
        access.require(BookingPermissions.mayReadApprovals(viewer, centreId), BookingPermissions.READ_APPROVALS);
        return queries.approvals(centreId).stream().map(a -> access.disclose(a, (x, v) -> Disclosures.approval(x, centreId, v))).toList();
    }

    @GetMapping("/api/partners/{partnerId}/bookings")
    @Operation(summary = "A partner's bookings in every status, in time order, a page at a time",
            description = "from and to are local dates, both inclusive: from defaults to today, to to 90 days from from on"
                    + " (from + 89), and to may be at most 399 days after from. Dates lie between 2000-01-01 and 2200-12-31."
                    + " limit is 1 to 500 (default 100). " + NEXT_LINK)
    @ApiResponse(responseCode = "200", description = "The bookings of the range, at most limit of them",
            headers = @Header(name = HttpHeaders.LINK, description = "<next page URL>; rel=\"next\" when there are more"))
    public ResponseEntity<List<BookingSummary>> partnerBookings(@PathVariable String partnerId,
                                                                @RequestParam(required = false) String from,
                                                                @RequestParam(required = false) String to,
                                                                @RequestParam(required = false) String limit,
                                                                @RequestParam(required = false) String after) {
        Viewer viewer = access.viewer();
        access.require(BookingPermissions.mayReadPartnerBookings(viewer, partnerId), BookingPermissions.READ_PARTNER_BOOKINGS);
        Range range = QueryWindow.rangeOrDefault(QueryParams.optionalDate(from, "from"), QueryParams.optionalDate(to, "to"),
                LocalDate.now(clock.withZone(serviceZone)), "from", "to");
        int rows = QueryWindow.limit(QueryParams.positive(limit, "limit"), "limit");
        Cursor cursor = Cursor.decode(after);
        if (!queries.partnerKnown(partnerId)) {
            throw new NotFoundException("No partner " + partnerId);
        }
        Page<BookingSummary> page = queries.partnerBookings(partnerId, range, cursor, rows);
        return paged(new Page<>(access.disclose(page.items(), Disclosures::summaries), page.next()), range, rows);
    }

    @GetMapping("/api/bookings/{bookingId}")
    @Operation(summary = "A booking in full, with everything that happened to it (who, when, what)")
    public BookingView booking(@PathVariable String bookingId) {
        return access.disclose(queries.booking(bookingId).orElseThrow(() -> new NotFoundException("No booking " + bookingId)),
                Disclosures::booking);
    }

    @GetMapping("/api/series/{seriesId}")
    @Operation(summary = "A recurring series with its rule, the dates left out and every occurrence")
    public SeriesView series(@PathVariable String seriesId) {
        return access.disclose(queries.series(seriesId).orElseThrow(() -> new NotFoundException("No series " + seriesId)),
                Disclosures::series);
    }

    @GetMapping("/api/resources/{resourceId}/waitlist")
    @Operation(summary = "Who waits for a resource's taken slots; with a range, who waited or was served too",
            description = "Without from and to: the open entries (waiting, or offered the freed slot) for slots that have not"
                    + " ended. With both from and to (local dates, both inclusive, to at most 399 days after from): every entry"
                    + " for slots starting in the range, whatever became of it. In the order they joined; limit is 1 to 500"
                    + " (default 100). " + NEXT_LINK)
    @ApiResponse(responseCode = "200", description = "The entries, at most limit of them",
            headers = @Header(name = HttpHeaders.LINK, description = "<next page URL>; rel=\"next\" when there are more"))
    public ResponseEntity<List<WaitlistEntryView>> waitlist(@PathVariable String resourceId,
                                                            @RequestParam(required = false) String from,
                                                            @RequestParam(required = false) String to,
                                                            @RequestParam(required = false) String limit,
                                                            @RequestParam(required = false) String after) {
        LocalDate first = QueryParams.optionalDate(from, "from");
        LocalDate last = QueryParams.optionalDate(to, "to");
        int rows = QueryWindow.limit(QueryParams.positive(limit, "limit"), "limit");
        Cursor cursor = Cursor.decode(after);
        if (first == null && last == null) {
            String centreId = queries.requireResource(resourceId).centreId();
            return paged(disclosed(queries.waitlist(resourceId, cursor, rows), centreId), null, rows);
        }
        if (first == null || last == null) {
            throw new InvalidInputException(first == null ? "from" : "to", "is required with " + (first == null ? "to" : "from")
                    + ": a waitlist's history is read for a range of dates");
        }
        Range range = QueryWindow.range(first, last, "from", "to");
        String centreId = queries.requireResource(resourceId).centreId();
        return paged(disclosed(queries.waitlistHistory(resourceId, range, cursor, rows), centreId), range, rows);
    }

    private Page<WaitlistEntryView> disclosed(Page<WaitlistEntryView> page, String centreId) {
        return new Page<>(page.items().stream().map(w -> access.disclose(w, (x, v) -> Disclosures.waitlistEntry(x, centreId, v))).toList(),
                page.next());
    }

    /** The page's rows, and a Link to the next page that repeats the query as it was answered (defaults filled in). */
    private static <T> ResponseEntity<List<T>> paged(Page<T> page, Range range, int limit) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (page.next() != null) {
            UriComponentsBuilder next = ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null);
            if (range != null) {
                next.queryParam("from", range.from()).queryParam("to", range.to());
            }
            next.queryParam("limit", limit).queryParam(Cursor.PARAMETER, page.next().encode());
            response.header(HttpHeaders.LINK, "<" + next.build().toUriString() + ">; rel=\"next\"");
        }
        return response.body(page.items());
    }

    private LocalDate today(String centreId) {
        ZoneId zone = queries.centreInfo(centreId).map(CalendarQueries.CentreInfo::zone).orElse(serviceZone);
        return LocalDate.now(clock.withZone(zone));
    }
}
