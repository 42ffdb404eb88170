package dk.bindeled.booking.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dk.bindeled.booking.IntegrationTest;
import dk.bindeled.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;

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
    void theQuotaLeftIsWhatTheLedgerHoldsAgainstThePartnersQuotaInTheWeekOfTheBooking() {
        expect(204, call(HttpMethod.PUT, "/api/centres/" + centre + "/quotas/" + sumak, Map.of("hoursPerWeek", 6, "peakHoursPerWeek", 2)));
        String path = "/api/centres/" + centre + "/quota?partner=" + sumak + "&week=2027-W09";
        JsonNode before = expect(200, call(HttpMethod.GET, path, null)).body();
        assertThat(before.get("leftHours").asDouble()).isEqualTo(6.0);

        // Tuesday 16.00–19.00: three hours, all of them in peak time; held while it waits for approval.
        LocalDateTime peak = LocalDateTime.of(2027, 3, 2, 16, 0);
        expect(201, call(HttpMethod.POST, "/api/bookings", booking(room, sumak, peak, peak.plusHours(1).plusMinutes(30))));

        JsonNode after = expect(200, call(HttpMethod.GET, path, null)).body();
        assertThat(after.get("week").asText()).isEqualTo("2027-W09");
        assertThat(after.get("hoursPerWeek").asInt()).isEqualTo(6);
        assertThat(after.get("heldHours").asDouble()).isEqualTo(1.5);
        assertThat(after.get("heldPeakHours").asDouble()).isEqualTo(1.5);
        assertThat(after.get("leftHours").asDouble()).isEqualTo(4.5);
        assertThat(after.get("leftPeakHours").asDouble()).isEqualTo(0.5);
        // Another week holds nothing; a missing partner or a week that is not one is a 400 naming it.
        assertThat(expect(200, call(HttpMethod.GET, "/api/centres/" + centre + "/quota?partner=" + sumak + "&week=2027-W10", null))
                .body().get("heldHours").asDouble()).isZero();
        for (Map.Entry<String, String> bad : Map.of("/api/centres/" + centre + "/quota", "partner",
                "/api/centres/" + centre + "/quota?partner=" + sumak + "&week=2027-W60", "week").entrySet()) {
            Response response = call(HttpMethod.GET, bad.getKey(), null);
            assertThat(response.status()).as(bad.getKey()).isEqualTo(400);
            assertThat(response.body().get("errors").get(0).get("field").asText()).isEqualTo(bad.getValue());
        }
        assertThat(callAs(managerOf(centre, "nope"), HttpMethod.GET, "/api/centres/nope/quota?partner=" + sumak, null).status()).isEqualTo(404);
    }

    @Test
    void unknownIdsAre404AndBadParameters400NamingTheParameter() {
        for (String path : List.of("/api/centres/nope", "/api/resources/nope", "/api/bookings/nope", "/api/series/nope",
                "/api/partners/nope/bookings", "/api/centres/nope/calendar", "/api/resources/nope/calendar", "/api/centres/nope/approvals",
                "/api/centres/nope/free-slots?date=2027-03-02&from=10:00&to=11:00",
                "/api/centres/nope/fairness?from=2027-03-01&to=2027-03-31")) {
            // The manager of the unknown centre too: an unknown id is 404, not a refusal.
            Response response = callAs(managerOf(centre, "nope"), HttpMethod.GET, path, null);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
        }
        // The parameters are what is wrong below, not the ids: wait until the projection knows the centre and the room.
        await().atMost(Duration.ofSeconds(20)).until(() -> call(HttpMethod.GET, "/api/centres/" + centre, null).status() == 200
                && call(HttpMethod.GET, "/api/resources/" + room, null).status() == 200);
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

        Response started = callAs(admin(), HttpMethod.POST, "/admin/projections/calendar/replay", null);
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.body().get("projection").asText()).isEqualTo("calendar");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode status = callAs(admin(), HttpMethod.GET, "/admin/projections/calendar", null).body();
            assertThat(status.get("replaying").asBoolean()).isFalse();
            assertThat(status.get("percent").asInt()).isEqualTo(100);
            assertThat(status.get("position").asLong()).isEqualTo(status.get("head").asLong());
            assertThat(call(HttpMethod.GET, "/api/bookings/" + id, null).status()).isEqualTo(200);
        });
        assertThat(call(HttpMethod.GET, "/api/bookings/" + id, null).text()).isEqualTo(before);
        assertThat(expect(200, call(HttpMethod.GET, "/ical/resources/" + room + ".ics?token=" + token, null)).text()).isEqualTo(feedBefore);
    }

    @Test
    void farAndOutOfWindowDatesAre400NamingTheParameterNever500() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("/api/centres/" + centre + "/calendar?date=%2B999999999-12-31", "date");
        bad.put("/api/centres/" + centre + "/calendar?date=-999999999-01-01&view=week", "date");
        bad.put("/api/resources/" + room + "/calendar?date=%2B999999999-12-31&view=week", "date");
        bad.put("/api/resources/" + room + "/calendar?date=9999-12-31", "date");
        bad.put("/api/centres/" + centre + "/free-slots?date=%2B999999999-12-31&from=10:00&to=11:00", "date");
        bad.put("/api/centres/" + centre + "/free-slots?date=9999-12-31&from=10:00&to=11:00", "date");
        bad.put("/api/centres/" + centre + "/fairness?from=-999999999-01-01&to=2027-03-01", "from");
        bad.put("/api/centres/" + centre + "/fairness?from=2027-03-01&to=%2B999999999-12-31", "to");
        bad.put("/api/partners/" + sumak + "/bookings?from=2027-03-01&to=%2B999999999-12-31", "to");
        bad.put("/api/partners/" + sumak + "/bookings?from=-999999999-01-01", "from");
        bad.put("/api/partners/" + sumak + "/bookings?to=9999-12-31", "to");
        bad.put("/api/resources/" + room + "/waitlist?from=2027-03-01&to=%2B999999999-12-31", "to");
        // Inside the window but longer than a range may be.
        bad.put("/api/partners/" + sumak + "/bookings?from=2027-01-01&to=2028-06-30", "to");
        bad.put("/api/centres/" + centre + "/fairness?from=2027-01-01&to=2028-06-30", "to");
        bad.put("/api/resources/" + room + "/waitlist?from=2027-01-01&to=2028-06-30", "to");
        bad.forEach((path, field) -> {
            Page page = page(path);
            assertThat(page.status()).as(path + " " + page.body()).isEqualTo(400);
            assertThat(page.contentType()).as(path).startsWith("application/problem+json");
            assertThat(page.body().get("errors").get(0).get("field").asText()).as(path).isEqualTo(field);
            assertThat(page.body().get("errors").get(0).get("reason").asText()).as(path).isNotBlank();
        });
        assertThat(page("/api/centres/" + centre + "/calendar?date=9999-12-31").body().get("errors").get(0).get("reason").asText())
                .isEqualTo("must be between 2000-01-01 and 2200-12-31");
    }

    @Test
    void aPartnersBookingsDefaultToTheComingNinetyDaysAndComeInPagesWithANextLink() {
        List<String> near = List.of(
                book(TUESDAY_10),
                book(TUESDAY_10.plusDays(1)),
                book(TUESDAY_10.plusDays(2)));
        // The fixed clock is Monday 1 March 2027: 1 July is beyond the default 90 days, within the room's 400.
        String far = book(LocalDateTime.of(2027, 7, 1, 10, 0));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                page("/api/partners/" + sumak + "/bookings?from=2027-03-01&to=2027-07-31").body().size() == 4);

        Page defaults = page("/api/partners/" + sumak + "/bookings");
        assertThat(defaults.status()).isEqualTo(200);
        assertThat(defaults.body().findValuesAsText("id")).containsExactlyElementsOf(near);
        assertThat(defaults.next()).isNull();
        assertThat(page("/api/partners/" + sumak + "/bookings?from=2027-06-01&to=2027-07-31").body().findValuesAsText("id"))
                .containsExactly(far);
        assertThat(page("/api/partners/" + sumak + "/bookings?from=2027-06-01").body().findValuesAsText("id"))
                .as("from alone reaches 90 days on").containsExactly(far);

        List<String> paged = new ArrayList<>();
        Page first = page("/api/partners/" + sumak + "/bookings?limit=2");
        assertThat(first.body()).hasSize(2);
        first.body().findValuesAsText("id").forEach(paged::add);
        assertThat(first.next()).contains("after=").contains("from=2027-03-01").contains("to=2027-05-29").contains("limit=2");
        Page second = page(first.next());
        second.body().findValuesAsText("id").forEach(paged::add);
        assertThat(second.next()).isNull();
        assertThat(paged).containsExactlyElementsOf(near);

        assertThat(page("/api/partners/" + sumak + "/bookings?limit=501").status()).isEqualTo(400);
        assertThat(page("/api/partners/" + sumak + "/bookings?after=rubbish").body().get("errors").get(0).get("field").asText())
                .isEqualTo("after");
    }

    @Test
    void theWaitlistShowsOpenEntriesAndItsHistoryOnlyForARangeInPages() {
        String other = partner("Sundhedsplejen", centre);
        String third = partner("Lektiecaféen", centre);
        expect(201, call(HttpMethod.POST, "/api/bookings", booking(room, sumak, TUESDAY_10, TUESDAY_10.plusHours(2))));
        String waiting = expect(201, call(HttpMethod.POST, "/api/waitlist", booking(room, other, TUESDAY_10, TUESDAY_10.plusHours(2))))
                .body().get("bookingId").asText();
        String left = expect(201, call(HttpMethod.POST, "/api/waitlist", booking(room, third, TUESDAY_10, TUESDAY_10.plusHours(2))))
                .body().get("bookingId").asText();
        expect(204, call(HttpMethod.DELETE, "/api/waitlist/" + left, null));
        String path = "/api/resources/" + room + "/waitlist";
        await().atMost(Duration.ofSeconds(20)).until(() -> page(path + "?from=2027-03-01&to=2027-03-31").body().findValuesAsText("status")
                .equals(List.of("WAITING", "LEFT")));

        assertThat(page(path).body().findValuesAsText("id")).containsExactly(waiting);
        Page history = page(path + "?from=2027-03-01&to=2027-03-31&limit=1");
        assertThat(history.body().findValuesAsText("id")).containsExactly(waiting);
        assertThat(history.next()).isNotNull();
        Page rest = page(history.next());
        assertThat(rest.body().findValuesAsText("id")).containsExactly(left);
        assertThat(rest.next()).isNull();
        assertThat(page(path + "?from=2027-04-01&to=2027-04-30").body()).isEmpty();
        assertThat(page(path + "?from=2027-03-01").body().get("errors").get(0).get("field").asText()).isEqualTo("to");
    }

    private String book(LocalDateTime start) {
        return expect(201, call(HttpMethod.POST, "/api/bookings", booking(room, sumak, start, start.plusHours(1))))
                .body().get("bookingId").asText();
    }

    record Page(int status, String contentType, JsonNode body, String next) {
    }

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    /** A GET with its {@code Link: <…>; rel="next"} header; the path may be an absolute URL from that header. */
    private Page page(String pathOrUrl) {
        RestClient client = RestClient.create();
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : "http://127.0.0.1:" + port + pathOrUrl;
        return client.get().uri(java.net.URI.create(url)).header(HttpHeaders.AUTHORIZATION, "Bearer " + actorToken())
                .exchange((request, response) -> {
            String text = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
            String link = response.getHeaders().getFirst(HttpHeaders.LINK);
            Matcher next = link == null ? null : NEXT.matcher(link);
            String type = response.getHeaders().getContentType() == null ? "" : response.getHeaders().getContentType().toString();
            return new Page(response.getStatusCode().value(), type, text.isEmpty() ? null : EventJson.mapper().readTree(text),
                    next != null && next.find() ? next.group(1) : null);
        });
    }

    private JsonNode awaitBooking(String id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> call(HttpMethod.GET, "/api/bookings/" + id, null).status() == 200);
        return call(HttpMethod.GET, "/api/bookings/" + id, null).body();
    }
}
