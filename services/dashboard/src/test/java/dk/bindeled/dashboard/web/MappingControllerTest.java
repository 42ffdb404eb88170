package dk.bindeled.dashboard.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.bindeled.dashboard.query.CollaborationMapping;
import dk.bindeled.dashboard.query.CollaborationMappingQueries;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The mapping's parameters: months in the dashboard's zone, the default range, and every bad one a problem naming it. */
@WebMvcTest(MappingController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(MappingControllerTest.FixedClock.class)
class MappingControllerTest {

    /** Midnight between 31 December 2026 and 1 January 2027 in Copenhagen: already 2027 there, still 2026 in UTC. */
    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-12-31T23:30:00Z"), ZoneId.of("Europe/Copenhagen"));
        }
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CollaborationMappingQueries queries;

    @Test
    void theDefaultIsTheTwelveMonthsUpToThisOneWhereTheDashboardIs() throws Exception {
        when(queries.mapping(any(), any(), any())).thenReturn(new CollaborationMapping("2026-02", "2027-01", List.of("2026-02"),
                new CollaborationMapping.Collaborations(List.of(2L), List.of(1L),
                        List.of(new CollaborationMapping.Series("SAMSKABE", "Samskabe", List.of(2L))), List.of()),
                new CollaborationMapping.Meetings(List.of(3L), List.of(2L), List.of()),
                new CollaborationMapping.Decisions(0, List.of()), new CollaborationMapping.ActionItems(4, 1, 2, 0),
                new CollaborationMapping.Network(List.of(), List.of(), List.of(new CollaborationMapping.Edge("a", "b",
                        CollaborationMapping.LinkKind.MEETING, 2)))));

        mvc.perform(get("/api/mapping"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.collaborations.byForm[0].label").value("Samskabe"))
                .andExpect(jsonPath("$.actionItems.overdue").value(1))
                .andExpect(jsonPath("$.network.edges[0].kind").value("MEETING"))
                .andExpect(jsonPath("$.network.edges[0].weight").value(2));

        verify(queries).mapping(YearMonth.of(2026, 2), YearMonth.of(2027, 1), ZoneId.of("Europe/Copenhagen"));
    }

    @Test
    void fromAloneReachesToThisMonth() throws Exception {
        mvc.perform(get("/api/mapping").param("from", "2026-10")).andExpect(status().isOk());

        verify(queries).mapping(YearMonth.of(2026, 10), YearMonth.of(2027, 1), ZoneId.of("Europe/Copenhagen"));
    }

    @ParameterizedTest
    @CsvSource({
            "from, 2026-13, 2026-12",
            "from, 2026-1, 2026-12",
            "from, 2026-W48, 2026-12",
            "from, 0999-12, 2026-12",
            "to, 2026-01, december",
            "to, 2026-01, ''",
            "to, 2026-01, 2026-00",
            "from, 2026-12, 2026-11"})
    void aMonthThatIsNotOneOrARangeBackwardsIsAProblemNamingTheParameter(String named, String from, String to) throws Exception {
        mvc.perform(get("/api/mapping").param("from", from).param("to", to))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.parameter").value(named));

        verifyNoInteractions(queries);
    }

    @Test
    void aRangeOfMoreThanThreeYearsIsAProblemNamingTo() throws Exception {
        when(queries.mapping(any(), any(), any())).thenThrow(new IllegalArgumentException("from 2020-01 to 2026-12 must be 1 to 36 months, was 84"));

        mvc.perform(get("/api/mapping").param("from", "2020-01").param("to", "2026-12"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.parameter").value("to"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("36 months")));
    }
}
