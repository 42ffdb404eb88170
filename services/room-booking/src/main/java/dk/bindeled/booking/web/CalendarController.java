package dk.bindeled.booking.web;

import dk.bindeled.booking.domain.InvalidInputException;
import dk.bindeled.booking.domain.NotFoundException;
import dk.bindeled.booking.query.CalendarQueries;
import dk.bindeled.booking.query.CalendarQueries.Span;
import dk.bindeled.booking.query.Views.Approval;
import dk.bindeled.booking.query.Views.BookingSummary;
import dk.bindeled.booking.query.Views.BookingView;
import dk.bindeled.booking.query.Views.CalendarView;
import dk.bindeled.booking.query.Views.CentreSummary;
import dk.bindeled.booking.query.Views.CentreView;
import dk.bindeled.booking.query.Views.ResourceView;
import dk.bindeled.booking.query.Views.SeriesView;
import dk.bindeled.booking.query.Views.WaitlistEntryView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Calendars: queries", description = "Centres, resources, calendars, bookings, series and approvals, read from the calendar projection")
public class CalendarController {

    private final CalendarQueries queries;
    private final Clock clock;

    public CalendarController(CalendarQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
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
        return queries.resourceCalendar(resourceId, day != null ? day : today(resource.centreId()), span);
    }

    @GetMapping("/api/centres/{centreId}/calendar")
    @Operation(summary = "A centre's day or ISO week over every resource, visibility applied",
            description = "date defaults to today in the centre's time zone, view to day (day|week).")
    public CalendarView centreCalendar(@PathVariable String centreId, @RequestParam(required = false) String date,
                                       @RequestParam(required = false) String view) {
        LocalDate day = QueryParams.optionalDate(date, "date");
        Span span = QueryParams.choice(view, "view", Span.class, Span.DAY);
        queries.requireCentre(centreId);
        return queries.centreCalendar(centreId, day != null ? day : today(centreId), span);
    }

    @GetMapping("/api/centres/{centreId}/approvals")
    @Operation(summary = "Requests waiting for the manager, oldest first; a series' pending occurrences come as one item")
    public List<Approval> approvals(@PathVariable String centreId) {
        return queries.approvals(centreId);
    }

    @GetMapping("/api/partners/{partnerId}/bookings")
    @Operation(summary = "A partner's bookings in every status, in time order",
            description = "from and to are local dates, both inclusive, both optional.")
    public List<BookingSummary> partnerBookings(@PathVariable String partnerId, @RequestParam(required = false) String from,
                                                @RequestParam(required = false) String to) {
        LocalDate first = QueryParams.optionalDate(from, "from");
        LocalDate last = QueryParams.optionalDate(to, "to");
        if (first != null && last != null && last.isBefore(first)) {
            throw new InvalidInputException("to", "must not be before from");
        }
        if (!queries.partnerKnown(partnerId)) {
            throw new NotFoundException("No partner " + partnerId);
        }
        return queries.partnerBookings(partnerId, first, last);
    }

    @GetMapping("/api/bookings/{bookingId}")
    @Operation(summary = "A booking in full, with everything that happened to it (who, when, what)")
    public BookingView booking(@PathVariable String bookingId) {
        return queries.booking(bookingId).orElseThrow(() -> new NotFoundException("No booking " + bookingId));
    }

    @GetMapping("/api/series/{seriesId}")
    @Operation(summary = "A recurring series with its rule, the dates left out and every occurrence")
    public SeriesView series(@PathVariable String seriesId) {
        return queries.series(seriesId).orElseThrow(() -> new NotFoundException("No series " + seriesId));
    }

    @GetMapping("/api/resources/{resourceId}/waitlist")
    @Operation(summary = "Who waits, waited or was served for a resource's taken slots")
    public List<WaitlistEntryView> waitlist(@PathVariable String resourceId) {
        queries.requireResource(resourceId);
        return queries.waitlist(resourceId);
    }

    private LocalDate today(String centreId) {
        ZoneId zone = queries.centreInfo(centreId).map(CalendarQueries.CentreInfo::zone).orElse(ZoneId.of("Europe/Copenhagen"));
        return LocalDate.now(clock.withZone(zone));
    }
}
