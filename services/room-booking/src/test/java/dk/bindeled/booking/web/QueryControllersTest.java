package dk.bindeled.booking.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.bindeled.axon.ProjectionReplay;
import dk.bindeled.booking.FixedClock;
import dk.bindeled.booking.domain.CentreDirectory;
import dk.bindeled.booking.domain.NotFoundException;
import dk.bindeled.booking.query.CalendarFeeds;
import dk.bindeled.booking.query.CalendarQueries;
import dk.bindeled.booking.query.FairnessReports;
import dk.bindeled.booking.query.FeedTokens;
import dk.bindeled.booking.query.FreeSlotSearch;
import dk.bindeled.booking.query.QueryWindow.Range;
import dk.bindeled.booking.query.QuotaStandings;
import dk.bindeled.booking.query.Views.Page;
import dk.bindeled.booking.query.Views.ResourceView;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The query controllers alone: parameters read and refused by name, unknown ids as 404, all as problem+json. */
@WebMvcTest({CalendarController.class, FreeSlotController.class, ReportController.class, FeedController.class})
@Import({FixedClock.class, Access.class})
class QueryControllersTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CalendarQueries queries;
    @MockitoBean
    FreeSlotSearch freeSlots;
    @MockitoBean
    FairnessReports fairness;
    @MockitoBean
    QuotaStandings quotas;
    @MockitoBean
    ProjectionReplay replay;
    @MockitoBean
    CalendarFeeds feeds;
    @MockitoBean
    FeedTokens tokens;
    @MockitoBean
    CentreDirectory centres;

    @Test
    void freeSlotParametersAreRequiredAndCheckedOneByOne() throws Exception {
        invalid(get("/api/centres/motalavej/free-slots?from=14:00&to=16:00"), "date");
        invalid(get("/api/centres/motalavej/free-slots?date=26-11-2026&from=14:00&to=16:00"), "date");
        invalid(get("/api/centres/motalavej/free-slots?date=2026-11-26&from=2pm&to=16:00"), "from");
        invalid(get("/api/centres/motalavej/free-slots?date=2026-11-26&from=14:00"), "to");
        invalid(get("/api/centres/motalavej/free-slots?date=2026-11-26&from=14:00&to=16:00&attendees=0"), "attendees");
        invalid(get("/api/centres/motalavej/free-slots?date=2026-11-26&from=14:00&to=16:00&attendees=many"), "attendees");
        verifyNoInteractions(freeSlots);

        mvc.perform(get("/api/centres/motalavej/free-slots?date=2026-11-26&from=14:00&to=16:00&attendees=12&features=kitchen, projector"))
                .andExpect(status().isOk());
        verify(freeSlots).search("motalavej", LocalDate.of(2026, 11, 26), LocalTime.of(14, 0), LocalTime.of(16, 0), 12,
                List.of("kitchen", "projector"));
    }

    @Test
    void calendarAndReportParametersAreCheckedByName() throws Exception {
        invalid(get("/api/resources/salen/calendar?date=tomorrow"), "date");
        invalid(get("/api/centres/motalavej/calendar?date=2026-11-24&view=month"), "view")
                .andExpect(jsonPath("$.errors[0].reason").value("must be one of [day, week]"));
        invalid(get("/api/centres/motalavej/fairness?to=2026-11-30"), "from");
        invalid(get("/api/centres/motalavej/fairness?from=2026-11-01&to=2026-11-30&by=year"), "by");
        invalid(get("/api/partners/sumak/bookings?from=2026-11-30&to=2026-11-01"), "to");
        verifyNoInteractions(fairness);
    }

    @Test
    void datesOutsideTheWindowAndOverlongRangesAreRefusedByNameBeforeAnyQuery() throws Exception {
        for (String date : List.of("+999999999-12-31", "-999999999-01-01", "9999-12-31", "1999-12-31", "2201-01-01")) {
            invalid(get("/api/centres/motalavej/calendar").param("date", date), "date")
                    .andExpect(jsonPath("$.errors[0].reason").value("must be between 2000-01-01 and 2200-12-31"));
            invalid(get("/api/resources/salen/calendar?view=week").param("date", date), "date");
            invalid(get("/api/centres/motalavej/free-slots?from=14:00&to=16:00").param("date", date), "date");
            invalid(get("/api/centres/motalavej/fairness?to=2027-03-01").param("from", date), "from");
            invalid(get("/api/partners/sumak/bookings").param("to", date), "to");
            invalid(get("/api/resources/salen/waitlist?from=2027-03-01").param("to", date), "to");
        }
        invalid(get("/api/partners/sumak/bookings?from=2027-03-01&to=2028-04-04"), "to")
                .andExpect(jsonPath("$.errors[0].reason").value("must be less than 400 days after from"));
        invalid(get("/api/resources/salen/waitlist?from=2027-03-01&to=2028-04-04"), "to");
        invalid(get("/api/resources/salen/waitlist?to=2027-03-31"), "from");
        invalid(get("/api/partners/sumak/bookings?limit=0"), "limit");
        invalid(get("/api/partners/sumak/bookings?limit=501"), "limit");
        invalid(get("/api/partners/sumak/bookings?after=bm8tYmFy"), "after");
        verifyNoInteractions(queries, freeSlots, fairness);
    }

    @Test
    void aPartnersBookingsDefaultToTodayAndTheNextNinetyDaysAndLinkTheirNextPage() throws Exception {
        // The fixed clock says Monday 1 March 2027.
        Range defaults = new Range(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 5, 29));
        when(queries.partnerKnown("sumak")).thenReturn(true);
        when(queries.partnerBookings("sumak", defaults, null, 100)).thenReturn(new Page<>(List.of(), null));
        mvc.perform(get("/api/partners/sumak/bookings")).andExpect(status().isOk()).andExpect(header().doesNotExist("Link"));
        when(queries.partnerBookings("sumak", new Range(LocalDate.of(2027, 4, 1), LocalDate.of(2028, 4, 3)), null, 2))
                .thenReturn(new Page<>(List.of(), dk.bindeled.booking.query.Cursor.after(java.time.LocalDateTime.of(2027, 4, 2, 10, 0), "b1")));
        mvc.perform(get("/api/partners/sumak/bookings?from=2027-04-01&to=2028-04-03&limit=2"))
                .andExpect(status().isOk())
                .andExpect(header().string("Link", Matchers.matchesPattern(
                        "<http://localhost/api/partners/sumak/bookings\\?from=2027-04-01&to=2028-04-03&limit=2&after=[A-Za-z0-9_-]+>; rel=\"next\"")));
    }

    @Test
    void unknownIdsAre404ProblemDetails() throws Exception {
        when(queries.booking("nope")).thenReturn(Optional.empty());
        when(queries.series("nope")).thenReturn(Optional.empty());
        when(queries.centre("nope")).thenReturn(Optional.empty());
        when(queries.requireResource("nope")).thenThrow(new NotFoundException("No resource nope"));
        when(queries.partnerKnown("nope")).thenReturn(false);
        for (String path : List.of("/api/bookings/nope", "/api/series/nope", "/api/centres/nope", "/api/resources/nope",
                "/api/resources/nope/calendar", "/api/partners/nope/bookings")) {
            mvc.perform(get(path))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("https://bindeled.dk/problems/not-found"))
                    .andExpect(jsonPath("$.detail").value(Matchers.endsWith("nope")));
        }
    }

    @Test
    void aFeedIsTextCalendarAndAWrongTokenIsAProblemEvenForACalendarClient() throws Exception {
        when(feeds.resourceFeed("salen", "good")).thenReturn("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
        when(feeds.resourceFeed(eq("salen"), eq("bad"))).thenThrow(new NotFoundException("No such feed"));
        mvc.perform(get("/ical/resources/salen.ics?token=good").accept(MediaType.parseMediaType("text/calendar")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", Matchers.equalToIgnoringCase("text/calendar;charset=utf-8")))
                .andExpect(content().string("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"));
        mvc.perform(get("/ical/resources/salen.ics?token=bad").accept(MediaType.parseMediaType("text/calendar")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("No such feed"));
    }

    private ResultActions invalid(org.springframework.test.web.servlet.RequestBuilder request, String field) throws Exception {
        return mvc.perform(request)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid input"))
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }
}
