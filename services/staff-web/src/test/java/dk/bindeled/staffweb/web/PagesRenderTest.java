package dk.bindeled.staffweb.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
@WebMvcTest({CalendarPages.class, BookingPages.class})
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
                .andExpect(content().string(Matchers.containsString("/book?lokale=motalavej-salen&amp;dato=2026-12-03&amp;fra=10:00&amp;til=11:00")))
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
    void aServiceThatSaysNoAccessIsADanishPageWithItsStatus() throws Exception {
        when(rooms.booking(anyString())).thenThrow(new ServiceRefusal(404, Map.of("detail", "No booking x")));

        mvc.perform(get("/bookinger/x"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("Det findes ikke – eller du kan ikke se det")))
                .andExpect(content().string(Matchers.containsString("Ahmed Hassan")));
    }
}
