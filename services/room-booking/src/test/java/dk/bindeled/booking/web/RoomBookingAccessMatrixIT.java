package dk.bindeled.booking.web;

import dk.bindeled.booking.IntegrationTest;
import dk.bindeled.testsupport.AccessMatrix;
import dk.bindeled.testsupport.AccessMatrix.Target;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of room booking × every role × the caller's own and another organisation/centre, over HTTP with real
 * tokens (prints {@code ACCESS MATRIX room-booking}). "ok" is any answer but 401/403 (a 404 or 409 of the command
 * itself means the rules let the caller through). The own and other targets are real centres, rooms, partners,
 * bookings, series, waitlist entries and feed tokens, so a refusal is the rule's and not an unknown id's.
 */
class RoomBookingAccessMatrixIT extends IntegrationTest {

    static final String[] BOOKERS = {"centre-manager", "centre-staff", "partner-admin", "partner-member"};
    static final String[] NON_PARTNER_ROLES = {"admin", "centre-manager", "centre-staff", "caseworker", "coordinator", "viewer"};

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    dk.bindeled.axon.ProjectionReplay replay;

    private final AtomicInteger slots = new AtomicInteger();

    /** What each target holds. */
    record Side(String centre, String room, String partner, String booking, String series, String waitlistEntry, String feedToken) {
    }

    @Test
    void everyEndpointLetsThroughExactlyWhoTheRulesSay() {
        Side own = side("own");
        Side other = side("other");
        AccessMatrix matrix = AccessMatrix.of("room-booking", mappings)
                .orgs(UUID.fromString(own.partner()), UUID.fromString(other.partner()))
                .centres(own.centre(), other.centre());
        java.util.function.Function<Target, Side> of = t -> t.own() ? own : other;

        matrix.row("GET /api/centres").path("/api/centres").anyone();
        matrix.row("GET /api/centres/{centreId}").path(t -> "/api/centres/" + t.centre()).anyone();
        matrix.row("GET /api/resources/{resourceId}").path(t -> "/api/resources/" + of.apply(t).room()).anyone();
        matrix.row("GET /api/resources/{resourceId}/calendar").path(t -> "/api/resources/" + of.apply(t).room() + "/calendar").anyone();
        matrix.row("GET /api/centres/{centreId}/calendar").path(t -> "/api/centres/" + t.centre() + "/calendar?view=week").anyone();
        matrix.row("GET /api/centres/{centreId}/free-slots")
                .path(t -> "/api/centres/" + t.centre() + "/free-slots?date=2027-03-10&from=10:00&to=11:00").anyone();
        matrix.row("GET /ical/resources/{resourceId}.ics").path(t -> "/ical/resources/" + of.apply(t).room() + ".ics?token=x")
                .accept("text/calendar").anyone();
        matrix.row("GET /ical/centres/{centreId}.ics").path(t -> "/ical/centres/" + t.centre() + ".ics?token=x")
                .accept("text/calendar").anyone();
        matrix.row("GET /ical/partners/{partnerId}.ics").path(t -> "/ical/partners/" + t.org() + ".ics?token=x")
                .accept("text/calendar").anyone();

        matrix.row("GET /api/bookings/{bookingId}").path(t -> "/api/bookings/" + of.apply(t).booking()).signedIn();
        matrix.row("GET /api/series/{seriesId}").path(t -> "/api/series/" + of.apply(t).series()).signedIn();
        matrix.row("GET /api/resources/{resourceId}/waitlist").path(t -> "/api/resources/" + of.apply(t).room() + "/waitlist").signedIn();
        matrix.row("GET /api/partners/{partnerId}/bookings").path(t -> "/api/partners/" + t.org() + "/bookings")
                .allow(NON_PARTNER_ROLES).allowOwn("partner-admin", "partner-member");
        matrix.row("GET /api/centres/{centreId}/approvals").path(t -> "/api/centres/" + t.centre() + "/approvals")
                .allow("admin").allowOwn("centre-manager", "centre-staff");
        matrix.row("GET /api/centres/{centreId}/fairness").path(t -> "/api/centres/" + t.centre() + "/fairness?from=2027-03-01&to=2027-03-31")
                .allow("admin", "coordinator").allowOwn("centre-manager", "centre-staff");
        matrix.row("GET /api/centres/{centreId}/quota").path(t -> "/api/centres/" + t.centre() + "/quota?partner=" + t.org())
                .allow("admin").allowOwn(BOOKERS);
        matrix.row("GET /admin/projections/calendar").path("/admin/projections/calendar").allow("admin");
        matrix.row("POST /admin/projections/calendar/replay").path("/admin/projections/calendar/replay").allow("admin");

        matrix.row("POST /api/centres").path("/api/centres").body(t -> json(centreBody(t.centre()))).allow("admin").allowOwn("centre-manager");
        matrix.row("PUT /api/centres/{centreId}/quotas/{partnerId}").path(t -> "/api/centres/" + t.centre() + "/quotas/" + t.org())
                .body("{\"hoursPerWeek\":100}").allow("admin").allowOwn("centre-manager");
        matrix.row("POST /api/centres/{centreId}/resources").path(t -> "/api/centres/" + t.centre() + "/resources")
                .body(json(resourceBody())).allow("admin").allowOwn("centre-manager");
        matrix.row("PUT /api/resources/{resourceId}/rules").path(t -> "/api/resources/" + of.apply(t).room() + "/rules")
                .body("{\"access\":\"ALL_CENTRE_PARTNERS\",\"approvalRequired\":false,\"maxLengthMinutes\":480,\"maxDaysAhead\":400}")
                .allow("admin").allowOwn("centre-manager");

        matrix.row("POST /api/bookings").path("/api/bookings").body(t -> json(slot(of.apply(t)))).allowOwn(BOOKERS);
        matrix.row("POST /api/series").path("/api/series").body(t -> json(series(of.apply(t)))).allowOwn(BOOKERS);
        matrix.row("POST /api/waitlist").path("/api/waitlist").body(t -> json(slot(of.apply(t)))).allowOwn(BOOKERS);
        matrix.row("DELETE /api/waitlist/{entryId}").path(t -> "/api/waitlist/" + of.apply(t).waitlistEntry()).allowOwn(BOOKERS);
        matrix.row("POST /api/bookings/{bookingId}/approve").path(t -> "/api/bookings/" + of.apply(t).booking() + "/approve")
                .allowOwn("centre-manager");
        matrix.row("POST /api/bookings/{bookingId}/reject").path(t -> "/api/bookings/" + of.apply(t).booking() + "/reject")
                .body("{\"reasonCategory\":\"OTHER\"}").allowOwn("centre-manager");
        matrix.row("POST /api/series/{seriesId}/approve").path(t -> "/api/series/" + of.apply(t).series() + "/approve")
                .allowOwn("centre-manager");
        matrix.row("POST /api/series/{seriesId}/reject").path(t -> "/api/series/" + of.apply(t).series() + "/reject")
                .body("{\"reasonCategory\":\"OTHER\"}").allowOwn("centre-manager");
        matrix.row("POST /api/bookings/{bookingId}/cancel").path(t -> "/api/bookings/" + of.apply(t).booking() + "/cancel")
                .body("{\"reasonCategory\":\"OTHER\"}").allowOwn(BOOKERS);
        matrix.row("POST /api/bookings/{bookingId}/move").path(t -> "/api/bookings/" + of.apply(t).booking() + "/move")
                .body("{\"start\":\"2027-06-01T10:00\",\"end\":\"2027-06-01T11:00\"}").allowOwn(BOOKERS);
        matrix.row("POST /api/series/{seriesId}/cancel").path(t -> "/api/series/" + of.apply(t).series() + "/cancel")
                .body("{\"fromDate\":\"2027-04-06\",\"reasonCategory\":\"OTHER\"}").allowOwn(BOOKERS);
        matrix.row("POST /api/bookings/{bookingId}/accept").path(t -> "/api/bookings/" + of.apply(t).booking() + "/accept")
                .allowOwn("partner-admin", "partner-member");
        matrix.row("POST /api/bookings/{bookingId}/decline").path(t -> "/api/bookings/" + of.apply(t).booking() + "/decline")
                .allowOwn("partner-admin", "partner-member");

        matrix.row("POST /api/resources/{resourceId}/feed-tokens").path(t -> "/api/resources/" + of.apply(t).room() + "/feed-tokens")
                .allowOwn("centre-manager", "centre-staff");
        matrix.row("POST /api/centres/{centreId}/feed-tokens").path(t -> "/api/centres/" + t.centre() + "/feed-tokens")
                .allowOwn("centre-manager", "centre-staff");
        matrix.row("GET /api/centres/{centreId}/feed-tokens").path(t -> "/api/centres/" + t.centre() + "/feed-tokens")
                .allowOwn("centre-manager", "centre-staff");
        matrix.row("POST /api/partners/{partnerId}/feed-tokens").path(t -> "/api/partners/" + t.org() + "/feed-tokens")
                .allowOwn("partner-admin", "partner-member");
        matrix.row("GET /api/partners/{partnerId}/feed-tokens").path(t -> "/api/partners/" + t.org() + "/feed-tokens")
                .allowOwn("partner-admin", "partner-member");
        matrix.row("DELETE /api/feed-tokens/{tokenId}").path(t -> "/api/feed-tokens/" + of.apply(t).feedToken())
                .allowOwn("centre-manager", "centre-staff");

        // The platform's own: the API description and the error page are public.
        for (String docs : List.of("GET /v3/api-docs", "GET /v3/api-docs.yaml", "GET /v3/api-docs/swagger-config", "GET /swagger-ui.html")) {
            matrix.row(docs).path(docs.substring(4)).accept("*/*").anyone();
        }
        matrix.row("ANY /error").path("/error").anyone();

        matrix.verify("http://127.0.0.1:" + port, ISSUER);
        // The admin's row started a replay of the calendar; it switches the live tables when done, so it must be done
        // before another test of this context reads them.
        Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> !replay.status().replaying());
    }

    /** A centre with a room, its partner, a booking and a series of that partner, a wait of it, and a centre feed token. */
    private Side side(String prefix) {
        String centre = centre(prefix);
        String room = room(centre, "Salen", 40, false);
        String partner = partner("Forening " + prefix, centre);
        String neighbour = partner("Nabo " + prefix, centre);
        LocalDateTime start = LocalDateTime.of(2027, 3, 9, 10, 0);
        String booking = expect(201, call(HttpMethod.POST, "/api/bookings", booking(room, partner, start, start.plusHours(1))))
                .body().get("bookingId").asText();
        Map<String, Object> series = new HashMap<>(booking(room, partner, start, start.plusHours(1)));
        series.remove("start");
        series.remove("end");
        series.put("firstStart", "2027-03-16T10:00");
        series.put("firstEnd", "2027-03-16T11:00");
        series.put("recurrence", Map.of("frequency", "WEEKLY", "count", 4));
        String seriesId = expect(201, call(HttpMethod.POST, "/api/series", series)).body().get("seriesId").asText();
        LocalDateTime taken = LocalDateTime.of(2027, 3, 9, 14, 0);
        expect(201, call(HttpMethod.POST, "/api/bookings", booking(room, neighbour, taken, taken.plusHours(1))));
        String entry = expect(201, call(HttpMethod.POST, "/api/waitlist", booking(room, partner, taken, taken.plusHours(1))))
                .body().get("bookingId").asText();
        String token = expect(201, call(HttpMethod.POST, "/api/centres/" + centre + "/feed-tokens", null)).body().get("id").asText();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> call(HttpMethod.GET, "/api/resources/" + room, null).status() == 200);
        return new Side(centre, room, partner, booking, seriesId, entry, token);
    }

    private Map<String, Object> slot(Side side) {
        int n = slots.incrementAndGet();
        LocalDateTime start = LocalDateTime.of(2027, 4, 1, 8, 0).plusDays(n / 6).plusHours(2L * (n % 6));
        return booking(side.room(), side.partner(), start, start.plusHours(1));
    }

    private Map<String, Object> series(Side side) {
        Map<String, Object> body = new HashMap<>(slot(side));
        body.put("firstStart", body.remove("start"));
        body.put("firstEnd", body.remove("end"));
        body.put("recurrence", Map.of("frequency", "WEEKLY", "count", 2));
        return body;
    }

    private static Map<String, Object> centreBody(String id) {
        return Map.of("id", id, "name", "Huset", "openingHours", List.of(Map.of("day", "MONDAY", "opens", "08:00", "closes", "22:00")),
                "cancellationNoticeHours", 48);
    }

    private static Map<String, Object> resourceBody() {
        return Map.of("name", "Lokale", "kind", "ROOM", "capacity", 10, "rules",
                Map.of("access", "ALL_CENTRE_PARTNERS", "approvalRequired", false));
    }
}
