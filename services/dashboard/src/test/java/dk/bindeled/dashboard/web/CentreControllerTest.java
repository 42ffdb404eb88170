package dk.bindeled.dashboard.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.bindeled.dashboard.query.CentreNotFoundException;
import dk.bindeled.dashboard.query.CentreQueries;
import dk.bindeled.dashboard.query.CentreSummary;
import dk.bindeled.dashboard.query.CentreToday;
import dk.bindeled.events.IsoWeek;
import dk.bindeled.dashboard.query.Utilisation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest({CentreController.class, ScreenPageController.class})
class CentreControllerTest {

    private static final CentreToday TODAY = new CentreToday("motalavej", "Kvarterhuset på Motalavej", LocalDate.of(2026, 11, 24),
            "tirsdag 24. november", "Europe/Copenhagen", Instant.parse("2026-11-24T09:15:00Z"), "10.15", List.of("09.00–17.00"),
            List.of(new CentreToday.ScreenBooking("b1", Instant.parse("2026-11-24T08:30:00Z"), Instant.parse("2026-11-24T10:00:00Z"),
                    "09.30–11.00", "Salen", "Babycafé", "Sundhedsplejen Morsø", false)),
            List.of(new CentreToday.ScreenBooking("b2", Instant.parse("2026-11-24T12:00:00Z"), Instant.parse("2026-11-24T13:00:00Z"),
                    "13.00–14.00", "Køkkenet", "Optaget", null, true)),
            List.of(new CentreToday.ComingDay(LocalDate.of(2026, 11, 26), "torsdag 26. november",
                    List.of(new CentreToday.ScreenBooking("b3", Instant.parse("2026-11-26T13:00:00Z"), Instant.parse("2026-11-26T15:00:00Z"),
                            "14.00–16.00", "Mødelokalet", "Lektiecafé", "Lektiehjælpen", false)))),
            60);

    private static final Utilisation WEEK_48 = new Utilisation("motalavej", "Kvarterhuset på Motalavej", "2026-W48", 48,
            LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 29), "uge 48 (23.–29. november 2026)", "2026-W47", "2026-W49", 44.0,
            List.of(new Utilisation.ResourceUse("motalavej-salen", "Salen", "ROOM", "Lokale", 7.5, 44.0, 17.0)));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CentreQueries queries;

    @MockitoBean
    ChangeStream stream;

    @Test
    void centresAreListed() throws Exception {
        when(queries.centres()).thenReturn(List.of(new CentreSummary("motalavej", "Kvarterhuset på Motalavej", "Motalavej 2", 3, 1)));

        mvc.perform(get("/api/centres"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$[0].centreId").value("motalavej"))
                .andExpect(jsonPath("$[0].name").value("Kvarterhuset på Motalavej"))
                .andExpect(jsonPath("$[0].resources").value(3))
                .andExpect(jsonPath("$[0].flaggedBookings").value(1));
    }

    @Test
    void todayIsJsonWithNowAndLater() throws Exception {
        when(queries.today("motalavej")).thenReturn(TODAY);

        mvc.perform(get("/api/centres/motalavej/today"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.centreName").value("Kvarterhuset på Motalavej"))
                .andExpect(jsonPath("$.date").value("2026-11-24"))
                .andExpect(jsonPath("$.dateLabel").value("tirsdag 24. november"))
                .andExpect(jsonPath("$.now").value("2026-11-24T09:15:00Z"))
                .andExpect(jsonPath("$.clock").value("10.15"))
                .andExpect(jsonPath("$.openingHours[0]").value("09.00–17.00"))
                .andExpect(jsonPath("$.current[0].time").value("09.30–11.00"))
                .andExpect(jsonPath("$.current[0].start").value("2026-11-24T08:30:00Z"))
                .andExpect(jsonPath("$.current[0].title").value("Babycafé"))
                .andExpect(jsonPath("$.current[0].organiser").value("Sundhedsplejen Morsø"))
                .andExpect(jsonPath("$.later[0].title").value("Optaget"))
                .andExpect(jsonPath("$.later[0].busy").value(true))
                .andExpect(jsonPath("$.coming[0].dateLabel").value("torsdag 26. november"))
                .andExpect(jsonPath("$.coming[0].bookings[0].title").value("Lektiecafé"))
                .andExpect(jsonPath("$.refreshSeconds").value(60));
    }

    @Test
    void anUnknownCentreIsANotFoundProblem() throws Exception {
        when(queries.today("hedemarken")).thenThrow(new CentreNotFoundException("hedemarken"));
        when(queries.utilisation(anyString(), any())).thenThrow(new CentreNotFoundException("hedemarken"));

        mvc.perform(get("/api/centres/hedemarken/today"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.title").value("Unknown centre"))
                .andExpect(jsonPath("$.centreId").value("hedemarken"))
                .andExpect(jsonPath("$.instance").value("/api/centres/hedemarken/today"));
        mvc.perform(get("/api/centres/hedemarken/utilisation").param("week", "2026-W48"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theStreamOfAnUnknownCentreIsANotFoundProblemAndOpensNothing() throws Exception {
        when(queries.exists("hedemarken")).thenReturn(false);

        mvc.perform(get("/api/centres/hedemarken/stream").accept(MediaType.TEXT_EVENT_STREAM, MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(status().isNotFound());

        verify(stream, never()).subscribeScreen(anyString());
    }

    @Test
    void utilisationIsForTheRequestedWeekOrTheCurrentOne() throws Exception {
        when(queries.utilisation("motalavej", new IsoWeek(2026, 48))).thenReturn(WEEK_48);
        when(queries.utilisation("motalavej", null)).thenReturn(WEEK_48);

        mvc.perform(get("/api/centres/motalavej/utilisation").param("week", "2026-W48"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.week").value("2026-W48"))
                .andExpect(jsonPath("$.label").value("uge 48 (23.–29. november 2026)"))
                .andExpect(jsonPath("$.openHours").value(44.0))
                .andExpect(jsonPath("$.resources[0].name").value("Salen"))
                .andExpect(jsonPath("$.resources[0].bookedHours").value(7.5))
                .andExpect(jsonPath("$.resources[0].openHours").value(44.0))
                .andExpect(jsonPath("$.resources[0].utilisationPercent").value(17.0));
        mvc.perform(get("/api/centres/motalavej/utilisation")).andExpect(status().isOk());

        verify(queries).utilisation("motalavej", null);
    }

    @Test
    void aWeekThatIsNotOneIsABadRequestNamingTheParameter() throws Exception {
        for (String week : new String[] {"2026-48", "2027-W53", "uge 48"}) {
            mvc.perform(get("/api/centres/motalavej/utilisation").param("week", week))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(400))
                    .andExpect(jsonPath("$.parameter").value("week"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Parameter 'week': ")))
                    .andExpect(jsonPath("$.instance").value("/api/centres/motalavej/utilisation"));
        }

        verify(queries, never()).utilisation(anyString(), any());
    }

    @Test
    void theInfoScreenOfACentreIsOneStaticPage() throws Exception {
        mvc.perform(get("/skaerm/motalavej")).andExpect(status().isOk()).andExpect(forwardedUrl("/skaerm.html"));
        mvc.perform(get("/huse")).andExpect(status().isOk()).andExpect(forwardedUrl("/huse.html"));
    }
}
