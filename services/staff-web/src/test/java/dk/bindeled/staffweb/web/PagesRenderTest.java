package dk.bindeled.staffweb.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

import dk.bindeled.staffweb.integration.out.Answers;
import dk.bindeled.staffweb.integration.out.Dashboard;
import dk.bindeled.staffweb.integration.out.PartnerRegistry;
import dk.bindeled.staffweb.integration.out.RoomBooking;
import dk.bindeled.staffweb.integration.out.ServiceRefusal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The pages as Thymeleaf renders them from what the services answer (the services stand in as mocks here; the browser
 * journeys use the real ones): the calendar's free half hours as links, and a service's refusals in Danish on their fields.
 */
@WebMvcTest({CalendarPages.class, BookingPages.class, WaitlistPage.class, DirectoryPages.class, OrganisationForms.class, DashboardPages.class, ReferralPages.class,
        StatusLinkPage.class})
@Import({Formats.class, PagesRenderTest.FixedClock.class})
class PagesRenderTest {

    private static final Map<String, Object> CENTRE = Map.of("id", "motalavej", "name", "Kvarterhuset på Motalavej", "address", "Motalavej 2",
            "cancellationNoticeHours", 48, "openingHours", List.of(Map.of("day", "THURSDAY", "opens", "08:00", "closes", "12:00")),
            "peakHours", List.of(), "defaultQuota", Map.of("hoursPerWeek", 10, "peakHoursPerWeek", 4),
            "resources", List.of(Map.of("id", "motalavej-salen", "name", "Salen", "kind", "ROOM", "capacity", 60, "approvalRequired", false)));
    private static final Map<String, Object> SALEN = Map.of("id", "motalavej-salen", "centreId", "motalavej", "name", "Salen", "kind", "ROOM",
            "capacity", 60, "approvalRequired", false, "maxLengthMinutes", 480, "maxDaysAhead", 180, "features", List.of());

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
    RoomBooking rooms;
    @MockitoBean
    PartnerRegistry registry;
    @MockitoBean
    Dashboard dashboard;
    @MockitoBean
    dk.bindeled.staffweb.integration.out.Referrals referrals;

    @BeforeEach
    void house() {
        // The slice has no security filters: the signed-in person is put where the pages read it.
        org.springframework.security.oauth2.core.oidc.OidcIdToken token = org.springframework.security.oauth2.core.oidc.OidcIdToken
                .withTokenValue("t").subject("ahmed").claim("name", "Ahmed Hassan").claim("org", "sumak")
                .claim("roles", List.of("partner-member")).issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(600)).build();
        org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser user =
                new org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser(List.of(), token);
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                new org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken(user, List.of(), "bindeled"));
        when(rooms.centre("motalavej")).thenReturn(dk.bindeled.staffweb.integration.out.Answers.lenient(CENTRE));
        when(rooms.resource("motalavej-salen")).thenReturn(dk.bindeled.staffweb.integration.out.Answers.lenient(SALEN));
    }

    /** Another signed-in person for one test. */
    static void signIn(String subject, List<String> roles, String organisation, List<String> centres) {
        org.springframework.security.oauth2.core.oidc.OidcIdToken.Builder token = org.springframework.security.oauth2.core.oidc.OidcIdToken
                .withTokenValue("t").subject(subject).claim("name", subject).claim("roles", roles).claim("centres", centres)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(600));
        if (organisation != null) {
            token.claim("org", organisation);
        }
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                new org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken(
                        new org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser(List.of(), token.build()), List.of(), "bindeled"));
    }

    @org.junit.jupiter.api.AfterEach
    void signOut() {
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
    }

    @Test
    void aHousesDayShowsItsBookingsAndEveryFreeHalfHourAsALinkToBookIt() throws Exception {
        when(rooms.centreCalendar(eq("motalavej"), eq(LocalDate.of(2026, 12, 3)), eq("day"))).thenReturn(dk.bindeled.staffweb.integration.out.Answers.lenient(Map.of("from", "2026-12-03",
                "to", "2026-12-03", "entries", List.of(Map.of("bookingId", "b1", "resourceId", "motalavej-salen", "status", "CONFIRMED",
                        "date", "2026-12-03", "localStart", "2026-12-03T09:00", "localEnd", "2026-12-03T10:00", "title", "Babycafé")))));

        mvc.perform(get("/huse/motalavej"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Torsdag 3. december 2026")))
                .andExpect(content().string(Matchers.containsString("aria-label=\"Book Salen kl. 08.00\"")))
                .andExpect(content().string(Matchers.containsString("/book?lokale=motalavej-salen&amp;dato=2026-12-03&amp;fra=10:00&amp;til=11:00\" data-til=\"10:30\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Book Salen kl. 09.00"))))
                .andExpect(content().string(Matchers.containsString("Babycafé")));
    }

    @Test
    void aRefusalOfRoomBookingIsShownInDanishUnderTheFieldItNames() throws Exception {
        when(rooms.book(any())).thenThrow(new ServiceRefusal(400, Map.of("type", "https://bindeled.dk/problems/validation",
                "errors", List.of(Map.of("field", "start", "reason", "is in the past"),
                        Map.of("field", "attendees", "reason", "80 is more than the 60 the resource holds")))));

        mvc.perform(post("/book").param("resourceId", "motalavej-salen").param("partnerId", "sumak")
                        .param("date", "2026-12-03").param("from", "07:00").param("to", "08:00").param("title", "Morgenkaffe")
                        .param("attendees", "80").param("visibility", "PUBLIC"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"from-error\" class=\"field-error\">Starttiden ligger før nu</p>")))
                .andExpect(content().string(Matchers.containsString("Antal deltagere: 80 er flere end de 60 personer, lokalet har plads til")))
                .andExpect(content().string(Matchers.containsString("aria-describedby=\"from-error\"")))
                .andExpect(content().string(Matchers.containsString("value=\"07:00\"")));
    }

    @Test
    void aClashNamesTheBookingInTheWayAndOffersTheAlternatives() throws Exception {
        when(rooms.book(any())).thenThrow(new ServiceRefusal(409, Map.of("type", "https://bindeled.dk/problems/booking-conflict",
                "clashes", List.of(Map.of("date", "2026-12-10", "bookingId", "b9", "bookedStart", "2026-12-10T09:00",
                        "bookedEnd", "2026-12-10T11:00", "status", "CONFIRMED")), "clashingDates", List.of("2026-12-10"))));
        when(rooms.freeSlots(eq("motalavej"), any(), any(), any(), any(), any())).thenReturn(Map.of("free", List.of(),
                "alternatives", List.of(Map.of("date", "2026-12-10", "from", "11:00", "to", "12:00",
                        "resources", List.of(Map.of("resourceId", "motalavej-salen", "name", "Salen"))))));

        mvc.perform(post("/book").param("resourceId", "motalavej-salen").param("partnerId", "sumak")
                        .param("date", "2026-12-10").param("from", "10:00").param("to", "11:00").param("title", "Møde")
                        .param("visibility", "PUBLIC"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Tiden er optaget")))
                .andExpect(content().string(Matchers.containsString("09.00–11.00")))
                .andExpect(content().string(Matchers.containsString("/bookinger/b9")))
                .andExpect(content().string(Matchers.containsString("torsdag 10. december 11.00–12.00")))
                .andExpect(content().string(Matchers.containsString("Skriv os på venteliste til den tid")));
    }

    @Test
    void aBookingOfAnotherOrganisationOffersNoChange() throws Exception {
        when(rooms.booking("b1")).thenReturn(dk.bindeled.staffweb.integration.out.Answers.lenient(Map.of("id", "b1", "partnerId", "basen", "centreId", "motalavej", "status", "CONFIRMED",
                "localStart", "2026-12-10T09:00", "localEnd", "2026-12-10T10:00", "resourceName", "Salen", "title", "Åbent værested",
                "history", List.of())));

        mvc.perform(get("/bookinger/b1"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Åbent værested")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("/aflys"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("/flyt"))));
    }

    @Test
    void theBookingFormShowsTheQuotaLeftInTheWeekOfTheDateAndSwapsItForAnotherDate() throws Exception {
        when(rooms.quota("motalavej", "sumak", LocalDate.of(2026, 12, 10))).thenReturn(Answers.lenient(Map.of("hoursPerWeek", 10,
                "peakHoursPerWeek", 4, "heldHours", 5.5, "heldPeakHours", 3.5, "leftHours", 4.5, "leftPeakHours", 0.5)));
        when(rooms.quota("motalavej", "sumak", LocalDate.of(2026, 12, 17))).thenReturn(Answers.lenient(Map.of("heldHours", 0.0,
                "heldPeakHours", 0.0)));

        mvc.perform(get("/book").param("lokale", "motalavej-salen").param("dato", "2026-12-10"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Tilbage af kvoten i uge 50: 4,5 af 10 timer, heraf 0,5 af 4 timer i travl tid.")))
                .andExpect(content().string(Matchers.containsString("hx-get=\"/book/kvote?hus=motalavej\"")));
        mvc.perform(get("/book/kvote").param("hus", "motalavej").param("partnerId", "sumak").param("date", "2026-12-17"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.startsWith("<p id=\"kvote\"")))
                .andExpect(content().string(Matchers.containsString("Ingen kvote i uge 51")));
    }

    @Test
    void aRoomsWaitlistNamesOnlyWhatRoomBookingDisclosesAndLetsOwnEntriesLeave() throws Exception {
        when(rooms.waitlist("motalavej-salen")).thenReturn(Answers.lenient(List.of(
                Map.of("id", "w1", "resourceId", "motalavej-salen", "localStart", "2026-12-10T10:00", "localEnd", "2026-12-10T12:00",
                        "status", "WAITING", "joinedAt", "2026-12-02T09:00:00Z"),
                Map.of("id", "w2", "resourceId", "motalavej-salen", "partnerId", "sumak", "title", "Lektiecafé", "localStart", "2026-12-10T10:00",
                        "localEnd", "2026-12-10T12:00", "status", "WAITING", "joinedAt", "2026-12-02T10:00:00Z"))));
        when(registry.search(any(), eq(0), eq(100))).thenReturn(Answers.lenient(Map.of("items", List.of(Map.of("id", "sumak", "name", "Café Sumak")))));

        mvc.perform(get("/lokaler/motalavej-salen/venteliste"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Venteliste til Salen")))
                .andExpect(content().string(Matchers.containsString("En anden aktør")))
                .andExpect(content().string(Matchers.containsString("Café Sumak")))
                .andExpect(content().string(Matchers.containsString("/venteliste/w2/forlad?lokale=motalavej-salen")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("/venteliste/w1/forlad"))));
    }

    @Test
    void aRefusedContactPersonComesBackWithTheReasonOnTheFieldAndWhatWasTyped() throws Exception {
        signIn("fatima", List.of("partner-admin"), "sumak", List.of());
        when(registry.addContact(eq("sumak"), any())).thenThrow(new ServiceRefusal(400, Map.of("type", "https://bindeled.dk/problems/validation",
                "errors", List.of(Map.of("field", "workEmail", "reason", "must be a well-formed email address")))));

        Object problem = mvc.perform(post("/min-organisation/kontakter").param("name", "Maja Holm").param("role", "Frivillig")
                        .param("workEmail", "maja-at-sumak"))
                .andExpect(redirectedUrl("/min-organisation#kontakt"))
                .andExpect(flash().attributeExists("formProblem"))
                .andReturn().getFlashMap().get("formProblem");
        when(registry.partner("sumak")).thenReturn(Answers.lenient(Map.of("id", "sumak", "name", "Café Sumak", "sector", "PRIVATE",
                "contacts", List.of(), "offers", List.of(), "sharedResources", List.of(), "centres", List.of())));

        mvc.perform(get("/min-organisation").flashAttr("formProblem", problem))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"contact-workEmail-error\" class=\"field-error\">E-mailen skal være en e-mailadresse.</p>")))
                .andExpect(content().string(Matchers.containsString("value=\"maja-at-sumak\"")))
                .andExpect(content().string(Matchers.containsString("value=\"Maja Holm\"")));
    }

    @Test
    void theDashboardsChartsReadRoomUseForAllWeeksInOneCall() throws Exception {
        signIn("lars", List.of("centre-manager"), null, List.of("motalavej"));
        when(dashboard.roomUseByWeek("2026-W46", "2026-W51")).thenReturn(Answers.lenient(Map.of(
                "weeks", List.of(Map.of("week", "2026-W46", "weekNumber", 46), Map.of("week", "2026-W47", "weekNumber", 47)),
                "centres", List.of(Map.of("centreName", "Kvarterhuset på Motalavej", "weeks", List.of(
                        Map.of("bookedHours", 5.5, "openHours", 88.0), Map.of("bookedHours", 1.0, "openHours", 88.0)))))));
        when(dashboard.offersByWeek("2026-W42", "2026-W49")).thenReturn(Answers.lenient(Map.of("weeks", List.of("2026-W48", "2026-W49"),
                "byTargetGroup", List.of(Map.of("label", "Unge mødre", "counts", List.of(1, 2))), "bySector", List.of())));
        when(dashboard.overview()).thenReturn(Answers.lenient(Map.of()));
        when(dashboard.referralFlow()).thenReturn(Answers.lenient(Map.of("byTargetGroup", List.of(Map.of("key", "WOMEN", "label", "Kvinder", "sent", 2)))));
        when(rooms.fairness(eq("motalavej"), any(), any(), eq("week"))).thenReturn(Answers.lenient(Map.of()));

        mvc.perform(get("/overblik/data").param("hus", "motalavej"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.weeks[1]").value("uge 47"))
                .andExpect(jsonPath("$.use[0].booked[0]").value(5.5))
                .andExpect(jsonPath("$.use[0].open[1]").value(88.0))
                .andExpect(jsonPath("$.offerWeeks[1]").value("uge 49"))
                .andExpect(jsonPath("$.offersByTargetGroup[0].counts[1]").value(2))
                .andExpect(jsonPath("$.referralsByTargetGroup[0].sent").value(2));

        verify(dashboard, times(1)).roomUseByWeek(anyString(), anyString());
        verify(dashboard, never()).centres();
    }

    @Test
    void theDashboardDrawsTheMappingOfTheCollaborationFromTheLastTwelveMonths() throws Exception {
        signIn("bente", List.of("centre-manager"), null, List.of("motalavej"));
        when(dashboard.mapping("2026-01", "2026-12")).thenReturn(Answers.lenient(Map.of(
                "months", List.of("2026-11", "2026-12"),
                "collaborations", Map.of("total", List.of(2, 3), "started", List.of(2, 1),
                        "byForm", List.of(Map.of("key", "VIDENDELE", "label", "Videndele", "counts", List.of(1, 1)),
                                Map.of("key", "SAMSKABE", "label", "Samskabe", "counts", List.of(1, 2))),
                        "bySector", List.of(Map.of("key", "PUBLIC", "label", "Offentlig", "counts", List.of(1, 2)),
                                Map.of("key", "THIRD_SECTOR", "label", "Civilsamfund (tredje sektor)", "counts", List.of(2, 3)))),
                "meetings", Map.of("scheduled", List.of(2, 3), "held", List.of(1, 2), "heldByType", List.of()),
                "decisions", Map.of("total", 3, "byType", List.of(Map.of("key", "AGREED_RULE", "label", "Vedtaget regel", "count", 2, "counts", List.of(1, 1)),
                        Map.of("key", "OTHER", "label", "Andet", "count", 1, "counts", List.of(0, 1)))),
                "actionItems", Map.of("open", 4, "overdue", 1, "completed", 6, "cancelled", 0),
                "network", Map.of(
                        "kinds", List.of(Map.of("key", "COLLABORATION", "label", "Samarbejde"), Map.of("key", "REFERRAL", "label", "Henvisning")),
                        "nodes", List.of(
                                Map.of("partnerId", "p1", "name", "Foreningen Brændpunktet", "sector", "THIRD_SECTOR", "sectorLabel", "Civilsamfund (tredje sektor)",
                                        "collaborations", 2, "meetingsAttended", 3),
                                Map.of("partnerId", "p2", "name", "Jobcenter Aalborg", "sector", "PUBLIC", "sectorLabel", "Offentlig",
                                        "collaborations", 1, "meetingsAttended", 1),
                                Map.of("partnerId", "p3", "name", "Jobcenter Aalborg", "sector", "UNKNOWN", "sectorLabel", "Ikke i aktørregistret",
                                        "collaborations", 1, "meetingsAttended", 0)),
                        "edges", List.of(Map.of("a", "p2", "b", "p1", "kind", "REFERRAL", "weight", 4),
                                Map.of("a", "p1", "b", "p3", "kind", "COLLABORATION", "weight", 1),
                                Map.of("a", "p1", "b", "gone", "kind", "COLLABORATION", "weight", 1))))));
        when(dashboard.roomUseByWeek(anyString(), anyString())).thenReturn(Answers.lenient(Map.of()));
        when(dashboard.offersByWeek(anyString(), anyString())).thenReturn(Answers.lenient(Map.of()));
        when(dashboard.overview()).thenReturn(Answers.lenient(Map.of()));
        when(dashboard.referralFlow()).thenReturn(Answers.lenient(Map.of()));
        when(rooms.fairness(eq("motalavej"), any(), any(), eq("week"))).thenReturn(Answers.lenient(Map.of()));

        mvc.perform(get("/overblik/data").param("hus", "motalavej"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mappingMonths[0]").value("nov. 2026"))
                .andExpect(jsonPath("$.mappingMonths[1]").value("dec. 2026"))
                .andExpect(jsonPath("$.collaborationsNow").value(3))
                .andExpect(jsonPath("$.collaborationsByForm[1].name").value("Samskabe"))
                .andExpect(jsonPath("$.collaborationsByForm[1].counts[1]").value(2))
                .andExpect(jsonPath("$.collaborationsBySector[0].name").value("Offentlig"))
                .andExpect(jsonPath("$.meetingsHeld[1]").value(2))
                .andExpect(jsonPath("$.meetingsHeldInAll").value(3))
                .andExpect(jsonPath("$.decisionsByType[0].name").value("Vedtaget regel"))
                .andExpect(jsonPath("$.decisionsByType[0].value").value(2))
                .andExpect(jsonPath("$.actionItems.open").value(4))
                .andExpect(jsonPath("$.actionItems.overdue").value(1))
                // Sectors are the graph's categories, the unknown one added after the dashboard's own.
                .andExpect(jsonPath("$.network.categories[0].name").value("Offentlig"))
                .andExpect(jsonPath("$.network.categories[2].name").value("Ikke i aktørregistret"))
                .andExpect(jsonPath("$.network.nodes[0].category").value(1))
                .andExpect(jsonPath("$.network.nodes[2].name").value("Jobcenter Aalborg (2)"))
                .andExpect(jsonPath("$.network.links.length()").value(2))
                .andExpect(jsonPath("$.network.links[0].source").value(1))
                .andExpect(jsonPath("$.network.links[0].target").value(0))
                .andExpect(jsonPath("$.network.links[0].label").value("Henvisning"))
                .andExpect(jsonPath("$.strongestLinks[0].a").value("Jobcenter Aalborg"))
                .andExpect(jsonPath("$.strongestLinks[0].b").value("Foreningen Brændpunktet"))
                .andExpect(jsonPath("$.strongestLinks[0].directed").value(true))
                .andExpect(jsonPath("$.strongestLinks[0].weight").value(4))
                .andExpect(jsonPath("$.strongestLinks[1].kind").value("Samarbejde"))
                .andExpect(jsonPath("$.strongestLinks[1].directed").value(false));

        verify(dashboard, times(1)).mapping(anyString(), anyString());
    }

    @Test
    void theDashboardPageHasTheMappingSectionWithItsFiguresChartsAndTables() throws Exception {
        signIn("bente", List.of("centre-manager"), null, List.of("motalavej"));
        when(rooms.centres()).thenReturn(Answers.lenient(List.of(Map.of("id", "motalavej", "name", "Kvarterhuset på Motalavej"))));
        when(dashboard.overview()).thenReturn(Answers.lenient(Map.of("activePartners", 5, "activeOffers", 2, "offersWithFreeCapacity", 1,
                "sharedResources", 1)));

        mvc.perform(get("/overblik"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<h2 id=\"mapping-title\">Samarbejdets kortlægning</h2>")))
                .andExpect(content().string(Matchers.containsString("id=\"fig-items-overdue\"")))
                .andExpect(content().string(Matchers.containsString("id=\"chart-forms\" role=\"img\" aria-labelledby=\"forms-title\"")))
                .andExpect(content().string(Matchers.containsString("id=\"chart-network\" role=\"img\" aria-labelledby=\"network-title\"")))
                .andExpect(content().string(Matchers.containsString("<summary>De stærkeste forbindelser</summary>")))
                .andExpect(content().string(Matchers.containsString("id=\"table-network\"")));
        // The page itself reads no mapping: the charts' data does, once.
        verify(dashboard, never()).mapping(anyString(), anyString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void savingAnOffersCapacityKeepsTheRestOfTheOfferAndSendsItsReferralDeadlines() throws Exception {
        when(registry.offer("o1")).thenReturn(Answers.lenient(Map.of("id", "o1", "partnerId", "sumak", "title", "Lektiecafé",
                "targetGroups", List.of("CHILDREN"), "languages", List.of("da"), "schedules", List.of(), "status", "ACTIVE",
                "referralTerms", Map.of("answerWorkingDays", 3, "contactDays", 7))));
        mvc.perform(post("/min-organisation/tilbud/o1").param("maximum", "12").param("available", "4").param("status", "ACTIVE")
                        .param("answerWorkingDays", "2").param("contactDays", ""))
                .andExpect(status().is3xxRedirection());
        org.mockito.ArgumentCaptor<Map<String, Object>> sent = org.mockito.ArgumentCaptor.forClass(Map.class);
        verify(registry).updateOffer(eq("sumak"), eq("o1"), sent.capture());
        org.assertj.core.api.Assertions.assertThat(sent.getValue()).containsEntry("title", "Lektiecafé").containsEntry("targetGroups", List.of("CHILDREN"));
        Map<String, Object> terms = (Map<String, Object>) sent.getValue().get("referralTerms");
        org.assertj.core.api.Assertions.assertThat(terms).containsEntry("answerWorkingDays", 2).containsEntry("contactDays", null);
    }

    @Test
    void aStatusLinkOpensWithoutSignInShowingTheCourseAndOnlyTheConsentedDataAndIsNeverCached() throws Exception {
        signOut();
        when(referrals.statusLink("tok-123")).thenReturn(Answers.lenient(Map.of("referralId", "r1", "offerTitle", "Lektiecafé",
                "referrerName", "Jobcenter Aalborg", "recipientName", "Biblioteket i Aalborg Øst", "status", "ACCEPTED",
                "resident", Map.of("name", "Khadija Noor"), "residentShown", "SHOWN", "expiresAt", "2026-12-17T08:00:00Z",
                "timeline", List.of(Map.of("step", "SENT", "at", "2026-12-03T08:00:00Z"), Map.of("step", "ACCEPTED", "at", "2026-12-03T09:00:00Z")))));
        mvc.perform(get("/status/tok-123"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(content().string(Matchers.containsString("Henvisning til Lektiecafé")))
                .andExpect(content().string(Matchers.containsString("Khadija Noor")))
                .andExpect(content().string(Matchers.containsString("Accepteret")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Log ud"))));
        when(referrals.statusLink("gone")).thenThrow(new ServiceRefusal(404, Map.of("detail", "No status link")));
        mvc.perform(get("/status/gone"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("Linket virker ikke")));
    }

    @Test
    void aReferralsPageListsItsStatusLinksAndShowsANewOnesAddressOnce() throws Exception {
        when(referrals.referral("r1")).thenReturn(Answers.lenient(Map.ofEntries(Map.entry("id", "r1"),
                Map.entry("residentId", "3f0c1a2b-0000-0000-0000-000000000000"), Map.entry("side", "REFERRER"), Map.entry("referrer", "sumak"),
                Map.entry("recipient", "bibliotek"), Map.entry("offerId", "o1"), Map.entry("status", "SENT"), Map.entry("sentAt", "2026-12-03T08:00:00Z"),
                Map.entry("steps", List.of()), Map.entry("residentShown", "SHOWN"), Map.entry("consents", List.of()), Map.entry("timeline", List.of()),
                Map.entry("statusLinks", List.of(
                        Map.of("linkId", "l1", "label", "Frivillige i lektiecaféen", "hasLabel", true, "showsPersonalData", false, "usable", true, "opened", 3,
                                "issuedAt", "2026-12-03T08:00:00Z", "expiresAt", "2026-12-17T08:00:00Z"),
                        Map.of("linkId", "l2", "hasLabel", true, "showsPersonalData", true, "usable", false, "opened", 0, "revokedAt", "2026-12-03T09:00:00Z",
                                "issuedAt", "2026-12-03T08:00:00Z", "expiresAt", "2026-12-17T08:00:00Z"))))));
        when(registry.partner(anyString())).thenReturn(Answers.lenient(Map.of("name", "Biblioteket")));
        mvc.perform(get("/henvisninger/r1").flashAttr("statusLinkAddress", "http://localhost:8080/app/status/abc"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("value=\"http://localhost:8080/app/status/abc\"")))
                .andExpect(content().string(Matchers.containsString("Frivillige i lektiecaféen")))
                .andExpect(content().string(Matchers.containsString("åbnet <span>3</span> gange")))
                .andExpect(content().string(Matchers.containsString("Link fra den anden part")))
                .andExpect(content().string(Matchers.containsString("Trukket tilbage.")))
                .andExpect(content().string(Matchers.containsString("/henvisninger/r1/statuslinks/l1/tilbagekald")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("/henvisninger/r1/statuslinks/l2/tilbagekald"))));
    }

    @Test
    void aRecipientWhoseConsentNoLongerHoldsSeesNoResidentAndTheStepsOfItsSide() throws Exception {
        when(referrals.referral("r1")).thenReturn(Answers.lenient(Map.ofEntries(Map.entry("id", "r1"),
                Map.entry("residentId", "3f0c1a2b-0000-0000-0000-000000000000"), Map.entry("side", "RECIPIENT"), Map.entry("referrer", "jobcenter"),
                Map.entry("recipient", "sumak"), Map.entry("offerId", "o1"), Map.entry("status", "SENT"),
                Map.entry("steps", List.of("ACCEPT", "DECLINE", "FORWARD")), Map.entry("residentShown", "CONSENT_NOT_VALID"),
                Map.entry("consents", List.of()),
                Map.entry("timeline", List.of(Map.of("seq", 1, "step", "SENT", "actor", "louise", "at", "2026-12-03T08:00:00Z", "hasNote", true))))));
        when(registry.partner(anyString())).thenReturn(Answers.lenient(Map.of("name", "Jobcenter Aalborg")));

        mvc.perform(get("/henvisninger/r1"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Samtykket gælder ikke (længere)")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"borger\""))))
                .andExpect(content().string(Matchers.containsString("id=\"trin-ACCEPT\"")))
                .andExpect(content().string(Matchers.containsString("id=\"trin-DECLINE\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("trin-COMPLETE"))))
                .andExpect(content().string(Matchers.containsString("med en bemærkning fra den anden part")));
    }

    @Test
    void aReferralToAFullOfferComesBackWithTheAlternativesAndTheResidentKept() throws Exception {
        when(referrals.offers()).thenReturn(Answers.lenient(List.of(Map.of("offerId", "o1", "title", "Syværksted", "partnerId", "kvinder",
                "partnerName", "Kvindernes Netværk", "available", 0, "targetGroups", List.of("WOMEN")))));
        when(referrals.registerResident(any())).thenReturn(Answers.lenient(Map.of("id", "11111111-2222-3333-4444-555555555555")));
        when(referrals.refer(any())).thenThrow(new ServiceRefusal(409, Map.of("type", "https://bindeled.dk/problems/rule-violation", "rule", "offer-full",
                "alternatives", List.of(Map.of("offerId", "o2", "title", "Sprogcafé", "partnerName", "Biblioteket", "available", 4)))));

        mvc.perform(post("/henvisninger").param("name", "Hodan").param("contactPreference", "SMS").param("offerId", "o1")
                        .param("purpose", "Henvisning").param("sharedData", "NAME").param("basis", "CONSENT").param("givenBy", "RESIDENT")
                        .param("givenOn", "2026-12-03"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Tilbuddet har ingen ledige pladser")))
                .andExpect(content().string(Matchers.containsString("Biblioteket: Sprogcafé (4 ledige)")))
                .andExpect(content().string(Matchers.containsString("name=\"capacityOverrideReason\"")))
                .andExpect(content().string(Matchers.containsString("value=\"11111111-2222-3333-4444-555555555555\"")));
        // Sent again with the resident's id: the resident is not registered twice.
        mvc.perform(post("/henvisninger").param("residentId", "11111111-2222-3333-4444-555555555555").param("offerId", "o1")
                        .param("purpose", "Henvisning").param("sharedData", "NAME").param("basis", "CONSENT").param("givenOn", "2026-12-03"))
                .andExpect(status().isOk());
        verify(referrals, times(1)).registerResident(any());
    }

    @Test
    void aReferralWithoutAnOfferIsToldSoOnTheOfferFieldAndAnUnknownFieldAboveTheForm() throws Exception {
        when(referrals.offers()).thenReturn(Answers.lenient(List.of()));
        when(referrals.registerResident(any())).thenReturn(Answers.lenient(Map.of("id", "11111111-2222-3333-4444-555555555555")));
        when(referrals.refer(any())).thenThrow(new ServiceRefusal(400, Map.of("type", "https://bindeled.dk/problems/validation",
                "errors", List.of(Map.of("field", "recipient", "reason", "must not be blank"), Map.of("field", "residentId", "reason", "must not be blank")))));

        mvc.perform(post("/henvisninger").param("name", "Hodan").param("contactPreference", "SMS").param("purpose", "Henvisning")
                        .param("sharedData", "NAME").param("basis", "CONSENT").param("givenOn", "2026-12-03"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"ref-offerId-error\" class=\"field-error\">skal udfyldes</p>")))
                .andExpect(content().string(Matchers.containsString("residentId skal udfyldes")));
    }

    @Test
    void aServiceThatSaysNoAccessIsADanishPageWithItsStatus() throws Exception {
        when(rooms.booking(anyString())).thenThrow(new ServiceRefusal(404, Map.of("detail", "No booking x")));

        mvc.perform(get("/bookinger/x"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("Det findes ikke – eller du kan ikke se det")))
                .andExpect(content().string(Matchers.containsString("Ahmed Hassan")));
    }
}
