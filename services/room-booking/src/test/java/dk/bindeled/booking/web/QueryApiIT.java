package dk.bindeled.booking.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dk.bindeled.booking.IntegrationTest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * The query side through HTTP, fed by the command API and the tracking processor: what a booking looks like in
 * each query, refusals as problem+json naming the parameter, and a replay that rebuilds the same answers.
 */
class QueryApiIT extends IntegrationTest {

    static final LocalDateTime TUESDAY_10 = LocalDateTime.of(2027, 3, 2, 10, 0);

    String centre;
    String room;
    String sumak;

    @BeforeEach
    void setUp() {
        centre = centre("query");
        room = room(centre, "Salen", 20, true);
        sumak = partner("Café Sumak", centre);
    }

    @Test
    void aRequestedBookingShowsUpInEveryQuery() {
        String id = expect(201, call(HttpMethod.POST, "/api/bookings", booking(room, sumak, TUESDAY_10, TUESDAY_10.plusHours(2))))
                .body().get("bookingId").asText();
        JsonNode booking = awaitBooking(id);
        assertThat(booking.get("status").asText()).isEqualTo("REQUESTED");
        assertThat(booking.get("localStart").asText()).isEqualTo("2027-03-02T10:00:00");
        assertThat(booking.get("start").asText()).isEqualTo("2027-03-02T10:00:00+01:00");
        assertThat(booking.get("partnerName").asText()).isEqualTo("Café Sumak");
        assertThat(booking.get("history").get(0).get("actor").asText()).isEqualTo("husleder@test");

        JsonNode centreView = expect(200, call(HttpMethod.GET, "/api/centres/" + centre, null)).body();
        assertThat(centreView.get("resources").get(0).get("id").asText()).isEqualTo(room);
        assertThat(centreView.get("resources").get(0).get("features").toString()).isEqualTo("[\"kitchen\",\"projector\"]");
        assertThat(expect(200, call(HttpMethod.GET, "/api/resources/" + room, null)).body().get("cleaningBufferMinutes").asInt())
                .isEqualTo(15);
        JsonNode calendar = expect(200, call(HttpMethod.GET, "/api/centres/" + centre + "/calendar?date=2027-03-03&view=week", null)).body();
        assertThat(calendar.get("from").asText()).isEqualTo("2027-03-01");
        assertThat(calendar.get("entries").get(0).get("status").asText()).isEqualTo("REQUESTED");
        assertThat(calendar.get("entries").get(0).get("resourceName").asText()).isEqualTo("Salen");
        assertThat(calendar.get("entries").get(0).get("title").asText()).isEqualTo("Babycafé med sundhedsplejersken");
        JsonNode approvals = expect(200, call(HttpMethod.GET, "/api/centres/" + centre + "/approvals", null)).body();
        assertThat(approvals.get(0).get("bookingId").asText()).isEqualTo(id);
        assertThat(expect(200, call(HttpMethod.GET, "/api/partners/" + sumak + "/bookings?from=2027-03-01&to=2027-03-31", null))
                .body().get(0).get("id").asText()).isEqualTo(id);
        JsonNode free = expect(200, call(HttpMethod.GET, "/api/centres/" + centre
                + "/free-slots?date=2027-03-02&from=10:00&to=11:00&attendees=12&features=Kitchen", null)).body();
        assertThat(free.get("free")).isEmpty();
        assertThat(free.get("alternatives").get(0).get("from").asText()).isEqualTo("08:30:00");
        assertThat(free.get("alternatives").get(1).get("from").asText()).isEqualTo("08:00:00");
        assertThat(free.get("alternatives").get(2).get("from").asText()).isEqualTo("12:30:00");
        assertThat(expect(200, call(HttpMethod.GET, "/api/centres/" + centre + "/fairness?from=2027-03-01&to=2027-03-31&by=month", null))
                .body().get("periods").get(0).get("hours").asDouble()).isZero();
        assertThat(expect(200, call(HttpMethod.GET, "/api/centres", null)).body().findValuesAsText("id")).contains(centre);
    }

    @Test
    void unknownIdsAre404AndBadParameters400NamingTheParameter() {
        for (String path : List.of("/api/centres/nope", "/api/resources/nope", "/api/bookings/nope", "/api/series/nope",
                "/api/partners/nope/bookings", "/api/centres/nope/calendar", "/api/resources/nope/calendar", "/api/centres/nope/approvals",
                "/api/centres/nope/free-slots?date=2027-03-02&from=10:00&to=11:00",
                "/api/centres/nope/fairness?from=2027-03-01&to=2027-03-31")) {
            Response response = call(HttpMethod.GET, path, null);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
        }
        Map<String, String> bad = Map.of(
                "/api/centres/" + centre + "/calendar?date=02-03-2027", "date",
                "/api/resources/" + room + "/calendar?view=month", "view",
                "/api/centres/" + centre + "/free-slots?date=2027-03-02&from=11:00&to=10:00", "to",
                "/api/centres/" + centre + "/free-slots?date=2027-02-02&from=10:00&to=11:00", "date",
                "/api/centres/" + centre + "/free-slots?from=10:00&to=11:00", "date",
                "/api/centres/" + centre + "/fairness?from=2027-03-31&to=2027-03-01", "to",
                "/api/centres/" + centre + "/fairness?from=2027-03-01&to=2027-03-31&by=day", "by");
        bad.forEach((path, field) -> {
            Response response = call(HttpMethod.GET, path, null);
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
            assertThat(response.body().get("errors").get(0).get("field").asText()).as(path).isEqualTo(field);
        });
    }

    @Test
    void aReplayRebuildsTheSameAnswersWithProgressAndKeepsFeedTokens() {
        String id = expect(201, call(HttpMethod.POST, "/api/bookings", booking(room, sumak, TUESDAY_10, TUESDAY_10.plusHours(2))))
                .body().get("bookingId").asText();
        expect(200, call(HttpMethod.POST, "/api/bookings/" + id + "/approve", null));
        await().atMost(Duration.ofSeconds(20)).until(() -> "CONFIRMED".equals(awaitBooking(id).get("status").asText()));
        String token = expect(201, call(HttpMethod.POST, "/api/resources/" + room + "/feed-tokens", null)).body().get("token").asText();
        String before = call(HttpMethod.GET, "/api/bookings/" + id, null).text();
        String feedBefore = expect(200, call(HttpMethod.GET, "/ical/resources/" + room + ".ics?token=" + token, null)).text();

        Response started = call(HttpMethod.POST, "/admin/projections/calendar/replay", null);
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.body().get("projection").asText()).isEqualTo("calendar");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode status = call(HttpMethod.GET, "/admin/projections/calendar", null).body();
            assertThat(status.get("replaying").asBoolean()).isFalse();
            assertThat(status.get("percent").asInt()).isEqualTo(100);
            assertThat(status.get("position").asLong()).isEqualTo(status.get("head").asLong());
            assertThat(call(HttpMethod.GET, "/api/bookings/" + id, null).status()).isEqualTo(200);
        });
        assertThat(call(HttpMethod.GET, "/api/bookings/" + id, null).text()).isEqualTo(before);
        assertThat(expect(200, call(HttpMethod.GET, "/ical/resources/" + room + ".ics?token=" + token, null)).text()).isEqualTo(feedBefore);
    }

    private JsonNode awaitBooking(String id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> call(HttpMethod.GET, "/api/bookings/" + id, null).status() == 200);
        return call(HttpMethod.GET, "/api/bookings/" + id, null).body();
    }
}
