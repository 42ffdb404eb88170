package dk.bindeled.staffweb.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.bindeled.staffweb.integration.out.Answers;
import dk.bindeled.staffweb.integration.out.Logbook;
import dk.bindeled.staffweb.integration.out.PartnerRegistry;
import dk.bindeled.staffweb.integration.out.RoomBooking;
import dk.bindeled.staffweb.integration.out.ServiceRefusal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The logbook's pages as Thymeleaf renders them from what the logbook answers (a mock here; the browser journeys use the
 * real service): a house council's meeting with its room, a vote's live standing and proxies, the minutes' amendment
 * round; a meeting scheduled with a room; a refusal told in Danish.
 */
@WebMvcTest({CollaborationPages.class, MeetingPages.class, LogbookPageSupport.class})
@Import({Formats.class, LogbookPagesRenderTest.FixedClock.class})
class LogbookPagesRenderTest {

    static final String HUS = "hus";
    static final String SOMALI = "somali";
    static final String YOUTH = "youth";

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-12-03T08:00:00Z"), ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    Logbook logbook;
    @MockitoBean
    PartnerRegistry registry;
    @MockitoBean
    RoomBooking rooms;

    @BeforeEach
    void coordinatorSignedIn() {
        PagesRenderTest.signIn("karin", List.of("coordinator"), HUS, List.of());
        when(registry.partner(HUS)).thenReturn(Answers.lenient(Map.of("name", "Foreningernes Hus")));
        when(registry.partner(SOMALI)).thenReturn(Answers.lenient(Map.of("name", "Somalisk Forening")));
        when(registry.partner(YOUTH)).thenReturn(Answers.lenient(Map.of("name", "Ungdomsklubben")));
        when(rooms.centres()).thenReturn(List.of(Answers.lenient(Map.of("id", "motalavej", "name", "Kvarterhuset"))));
        when(rooms.centre("motalavej")).thenReturn(Answers.lenient(Map.of("id", "motalavej", "name", "Kvarterhuset",
                "resources", List.of(Map.of("id", "motalavej-salen", "name", "Salen", "kind", "ROOM")))));
    }

    @AfterEach
    void signOut() {
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
    }

    static Map<String, Object> meeting(boolean voteOpen, String minutesStatus) {
        Map<String, Object> standing = Map.of("members", 3, "represented", 3, "quorumNeeded", 2, "quorumMet", true, "forVotes", 2, "against", 0,
                "abstain", 0, "majorityMet", true, "adopted", true);
        Map<String, Object> vote = new HashMap<>(Map.of("id", "v1", "agendaItemId", "a1", "motion", "Husordenen vedtages", "majority", "TWO_THIRDS",
                "quorumShare", 0.5, "quorumMinimum", 2, "secret", false, "closed", !voteOpen, "standing", standing));
        vote.putAll(Map.of("roll", List.of(Map.of("org", HUS, "castBy", HUS), Map.of("org", SOMALI, "castBy", SOMALI), Map.of("org", YOUTH, "castBy", HUS)),
                "ballots", List.of(Map.of("org", SOMALI, "castBy", SOMALI, "choice", "FOR"), Map.of("org", YOUTH, "castBy", HUS, "choice", "FOR"))));
        Map<String, Object> minutes = new HashMap<>(Map.of("status", minutesStatus, "version", 1, "text", "Husrådet vedtog husordenen.",
                "attendees", List.of(HUS, SOMALI), "amendments", List.of(Map.of("id", "am1", "org", SOMALI, "text", "Skriv 2 imod, ikke 1",
                        "afterFreeze", false, "status", "PROPOSED"))));
        if ("APPROVED".equals(minutesStatus)) {
            minutes.put("content", "Husrådet vedtog husordenen.");
            minutes.put("sha256", "ab12");
            minutes.put("approvedAt", "2026-12-10T10:00:00Z");
        }
        Map<String, Object> m = new HashMap<>();
        m.putAll(Map.of("id", "m1", "collaborationId", "c1", "coordinatorOrg", HUS, "type", "HOUSE_COUNCIL", "title", "Husrådsmøde: husorden",
                "startsAt", "2026-12-03T17:00:00Z", "endsAt", "2026-12-03T19:00:00Z", "invited", List.of(HUS, SOMALI, YOUTH),
                "members", List.of(HUS, SOMALI, YOUTH), "warnings", List.of()));
        m.putAll(Map.of("agenda", List.of(Map.of("id", "a1", "seq", 1, "title", "Husorden", "finished", false),
                        Map.of("id", "a2", "seq", 2, "title", "Rengøringsplan", "carriedOverFrom", "a0", "finished", false)),
                "attendance", List.of(Map.of("org", HUS, "people", List.of("Karin")), Map.of("org", SOMALI, "people", List.of("Hodan"))),
                "proxies", List.of(Map.of("fromOrg", YOUTH, "toOrg", HUS, "givenAt", "2026-12-03T17:05:00Z")),
                "votes", List.of(vote), "decisions", List.of(), "minutes", minutes, "actionItems", List.of(),
                "room", Map.of("bookingId", "b1", "resourceId", "motalavej-salen", "partnerId", HUS, "status", "REFUSED", "reason", "TIME_TAKEN",
                        "reasonLabel", "Lokalet er optaget på det tidspunkt")));
        return Answers.lenient(m);
    }

    @Test
    void aHouseCouncilMeetingShowsItsRoomTheLiveStandingTheProxyAndTheAmendmentRound() throws Exception {
        when(logbook.meeting("m1")).thenReturn(meeting(true, "CIRCULATED"));
        when(logbook.collaboration("c1")).thenReturn(Answers.lenient(Map.of("meetings", List.of())));

        mvc.perform(get("/moeder/m1"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Afvist af bookingreglerne")))
                .andExpect(content().string(Matchers.containsString("Lokalet er optaget på det tidspunkt")))
                // Refused: the coordinator may ask for another room.
                .andExpect(content().string(Matchers.containsString("id=\"lokale-form\"")))
                .andExpect(content().string(Matchers.containsString("(overført fra sidste møde)")))
                .andExpect(content().string(Matchers.containsString("Ungdomsklubben</span> har givet sin stemme til <span>Foreningernes Hus")))
                .andExpect(content().string(Matchers.containsString("3 af 3 foreninger")))
                .andExpect(content().string(Matchers.containsString("Ja (kræver 2)")))
                .andExpect(content().string(Matchers.containsString("To tredjedeles flertal")))
                // The open vote is fetched again every few seconds; the coordinator's own vote is still to cast, the proxy's is cast.
                .andExpect(content().string(Matchers.containsString("hx-trigger=\"every 3s\"")))
                .andExpect(content().string(Matchers.containsString("Stem for Foreningernes Hus:")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Stem for Ungdomsklubben:"))))
                .andExpect(content().string(Matchers.containsString("Skriv 2 imod, ikke 1")))
                .andExpect(content().string(Matchers.containsString("Indarbejd ikke")))
                .andExpect(content().string(Matchers.containsString("Godkend og lås referatet")));
    }

    @Test
    void frozenMinutesShowTheirSealAndTakeOnlyACorrectionAsANewAmendment() throws Exception {
        when(logbook.meeting("m1")).thenReturn(meeting(false, "APPROVED"));
        when(logbook.collaboration("c1")).thenReturn(Answers.lenient(Map.of("meetings", List.of())));

        mvc.perform(get("/moeder/m1"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Godkendt og låst")))
                .andExpect(content().string(Matchers.containsString("<code id=\"referat-sha\">ab12</code>")))
                .andExpect(content().string(Matchers.containsString("Foreslå en rettelse til det godkendte referat")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"referat-form\""))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("hx-trigger"))))
                .andExpect(content().string(Matchers.containsString("Vedtaget")));
    }

    @Test
    void aMeetingIsScheduledWithItsRoomAndARefusalIsToldInDanish() throws Exception {
        when(logbook.collaborationStep(eq("c1"), eq("meetings"), any())).thenReturn(Answers.lenient(Map.of("id", "m2", "warnings", List.of())));

        mvc.perform(post("/samarbejder/c1/moeder").param("type", "HOUSE_COUNCIL").param("title", "Husrådsmøde januar").param("date", "2027-01-12")
                        .param("from", "17:00").param("to", "19:00").param("resourceId", "motalavej-salen").param("roomPartnerId", SOMALI))
                .andExpect(redirectedUrl("/moeder/m2"));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> body = ArgumentCaptor.forClass(Map.class);
        verify(logbook).collaborationStep(eq("c1"), eq("meetings"), body.capture());
        org.assertj.core.api.Assertions.assertThat(body.getValue()).containsEntry("startsAt", "2027-01-12T16:00:00Z")
                .containsEntry("endsAt", "2027-01-12T18:00:00Z")
                .containsEntry("room", Map.of("resourceId", "motalavej-salen", "partnerId", SOMALI));

        when(logbook.meetingStep(eq("m1"), eq("votes"), any())).thenThrow(new ServiceRefusal(400, Map.of("type", "https://bindeled.dk/problems/validation",
                "errors", List.of(Map.of("field", "motion", "reason", "must not be blank")))));
        mvc.perform(post("/moeder/m1/afstemninger").param("motion", "").param("majority", "SIMPLE").param("quorumPercent", "50"))
                .andExpect(redirectedUrl("/moeder/m1#afstemninger-h"))
                .andExpect(flash().attribute("problem", Matchers.startsWith("Afstemningen er ikke åbnet: motion")));
        mvc.perform(post("/moeder/m1/afstemninger").param("motion", "Ny husorden").param("majority", "SIMPLE").param("quorumPercent", "halvdelen"))
                .andExpect(flash().attribute("problem", Matchers.containsString("hel procent")));
    }
}
