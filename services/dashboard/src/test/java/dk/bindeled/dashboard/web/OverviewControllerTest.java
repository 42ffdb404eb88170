package dk.bindeled.dashboard.web;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.bindeled.dashboard.query.Change;
import dk.bindeled.dashboard.query.DashboardQueries;
import dk.bindeled.dashboard.query.Overview;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(OverviewController.class)
class OverviewControllerTest {

    private static final Instant AT = Instant.parse("2026-03-02T08:00:01Z");
    private static final Overview OVERVIEW = new Overview(3, 2, 1, 4,
            List.of(new Overview.SectorCount("PUBLIC", "Offentlig", 2), new Overview.SectorCount("PRIVATE", "Privat", 0),
                    new Overview.SectorCount("THIRD_SECTOR", "Civilsamfund (tredje sektor)", 1),
                    new Overview.SectorCount("INFORMAL", "Uformel", 0)),
            List.of(new Overview.CentreCount("motalavej", "Kvarterhuset på Motalavej", 2)),
            List.of(new Overview.TargetGroupCount("YOUNG_MOTHERS", "Unge mødre", 1)),
            List.of(new Change("e1", "dk.bindeled.partner.PartnerRegistered.v1", "p1", "Ny aktør: Sundhedsplejen Morsø", AT)),
            AT);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DashboardQueries queries;

    @MockitoBean
    ChangeStream stream;

    @Test
    void overviewIsJsonWithCountsBreakdownsAndChanges() throws Exception {
        when(queries.overview(20)).thenReturn(OVERVIEW);

        mvc.perform(get("/api/overview").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.activePartners").value(3))
                .andExpect(jsonPath("$.activeOffers").value(2))
                .andExpect(jsonPath("$.offersWithFreeCapacity").value(1))
                .andExpect(jsonPath("$.sharedResources").value(4))
                .andExpect(jsonPath("$.bySector[2].label").value("Civilsamfund (tredje sektor)"))
                .andExpect(jsonPath("$.byCentre[0].centreName").value("Kvarterhuset på Motalavej"))
                .andExpect(jsonPath("$.activeOffersByTargetGroup[0].label").value("Unge mødre"))
                .andExpect(jsonPath("$.latestChanges[0].summary").value("Ny aktør: Sundhedsplejen Morsø"))
                .andExpect(jsonPath("$.latestChanges[0].occurredAt").value("2026-03-02T08:00:01Z"))
                .andExpect(jsonPath("$.newestEventAt").value("2026-03-02T08:00:01Z"));
    }

    @Test
    void theNumberOfChangesCanBeChosen() throws Exception {
        when(queries.overview(5)).thenReturn(OVERVIEW);

        mvc.perform(get("/api/overview").param("changes", "5")).andExpect(status().isOk());

        verify(queries).overview(5);
    }

    @Test
    void anOutOfRangeNumberOfChangesIsAProblem() throws Exception {
        mvc.perform(get("/api/overview").param("changes", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.instance").value("/api/overview"));
        mvc.perform(get("/api/overview").param("changes", "101"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        verify(queries, never()).overview(anyInt());
    }

    @Test
    void aNonNumericNumberOfChangesIsAProblem() throws Exception {
        mvc.perform(get("/api/overview").param("changes", "mange"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }

    @Test
    void anUnreadableReadModelIsServiceUnavailableWithoutInternals() throws Exception {
        when(queries.overview(20)).thenThrow(new DataAccessResourceFailureException("Connection to 10.0.0.5:5432 refused"));

        mvc.perform(get("/api/overview"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Read model unavailable"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("10.0.0.5"))));
    }

    @Test
    void anUnsupportedMethodIsAProblem() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/overview"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
