package dk.bindeled.dashboard.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.bindeled.dashboard.query.CentreQueries;
import dk.bindeled.dashboard.query.DashboardQueries;
import dk.bindeled.dashboard.query.OffersByWeek;
import dk.bindeled.dashboard.query.RoomUseByWeek;
import dk.bindeled.events.IsoWeek;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(TrendController.class)
@Import(TrendControllerTest.FixedClock.class)
class TrendControllerTest {

    /** Tuesday 24 November 2026, in ISO week 48. */
    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-11-24T09:15:00Z"), ZoneId.of("Europe/Copenhagen"));
        }
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CentreQueries centres;

    @MockitoBean
    DashboardQueries overview;

    @MockitoBean
    dk.bindeled.dashboard.query.ReferralFlowQueries referrals;

    @Test
    void roomUseDefaultsToTheSixWeeksUpToThisOne() throws Exception {
        when(centres.roomUseByWeek(any(), any())).thenReturn(new RoomUseByWeek(
                List.of(new RoomUseByWeek.Week("2026-W48", 48, LocalDate.of(2026, 11, 23), "uge 48 (23.–29. november 2026)")),
                List.of(new RoomUseByWeek.CentreUse("motalavej", "Kvarterhuset på Motalavej", 2,
                        List.of(new RoomUseByWeek.WeekUse("2026-W48", 5.5, 88.0, 6.3))))));

        mvc.perform(get("/api/utilisation"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.weeks[0].label").value("uge 48 (23.–29. november 2026)"))
                .andExpect(jsonPath("$.centres[0].weeks[0].bookedHours").value(5.5))
                .andExpect(jsonPath("$.centres[0].weeks[0].openHours").value(88.0));

        verify(centres).roomUseByWeek(IsoWeek.parse("2026-W43"), IsoWeek.parse("2026-W48"));
    }

    @Test
    void offersByWeekAreCountedInTheDashboardsZone() throws Exception {
        when(overview.offersByWeek(any(), any(), any())).thenReturn(new OffersByWeek(List.of("2026-W47", "2026-W48"),
                List.of(new OffersByWeek.Series("YOUNG_MOTHERS", "Unge mødre", List.of(1L, 2L))), List.of()));

        mvc.perform(get("/api/offers/by-week").param("from", "2026-W47").param("to", "2026-W48"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.byTargetGroup[0].label").value("Unge mødre"))
                .andExpect(jsonPath("$.byTargetGroup[0].counts[1]").value(2));

        verify(overview).offersByWeek(IsoWeek.parse("2026-W47"), IsoWeek.parse("2026-W48"), ZoneId.of("Europe/Copenhagen"));
    }

    @Test
    void aWeekThatIsNotOneIsAProblemNamingTheParameter() throws Exception {
        mvc.perform(get("/api/utilisation").param("from", "2026-W54"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.parameter").value("from"));
        mvc.perform(get("/api/offers/by-week").param("from", "2026-W48").param("to", "2026-W40"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("from"));

        verifyNoInteractions(centres, overview);
    }

    @Test
    void aRangeLongerThanHalfAYearIsAProblemNamingTo() throws Exception {
        when(centres.roomUseByWeek(any(), any())).thenThrow(new IllegalArgumentException("from 2026-W01 to 2026-W40 must be 1 to 26 weeks, was 40"));

        mvc.perform(get("/api/utilisation").param("from", "2026-W01").param("to", "2026-W40"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("to"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("26 weeks")));
    }
}
