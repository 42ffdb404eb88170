package dk.bindeled.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.bindeled.infra.kafka.EmbeddedKraftBroker;
import dk.bindeled.testsupport.TestInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole flow across processes, as deployed: the packaged identity provider, partner-registry, room-booking,
 * dashboard and gateway jars as child JVMs, each service on its own PostgreSQL database, talking through the real
 * broker; every call goes through the gateway with a real client-credentials token. A partner
 * registered through the REST API reaches the dashboard's read model and its SSE stream; a booking made
 * through room-booking (by a partner it learnt of from the registry's events) reaches the centre's info
 * screen, its SSE stream and its today endpoint. Also prints the REST→SSE latency over 100 registrations
 * (figures, not a timed assertion).
 */
class EndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final List<ChildService> SERVICES = new ArrayList<>();
    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    /** The services as a client sees them: behind the gateway, under their prefixes. */
    private static String registry;
    private static String roomBooking;
    private static String dashboard;
    private static ServiceToken token;
    private static String issuer;

    /** Its own: the services start from the beginning of every topic, and must not read what the journeys left. */
    private static dk.bindeled.testsupport.TestKafka broker;

    @BeforeAll
    static void startServices() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent().getParent();
        Path logs = Files.createDirectories(Path.of("target", "e2e-logs"));
        broker = TestInfrastructure.newKafka();
        String kafka = broker.bootstrapServers();
        int identityPort = EmbeddedKraftBroker.freePort();
        int registryPort = EmbeddedKraftBroker.freePort();
        int roomBookingPort = EmbeddedKraftBroker.freePort();
        int dashboardPort = EmbeddedKraftBroker.freePort();
        int gatewayPort = EmbeddedKraftBroker.freePort();
        issuer = "http://127.0.0.1:" + identityPort;
        List<String> secured = List.of("--bindeled.security.issuer-uri=" + issuer);

        ChildService identity = new ChildService("identity", identityPort, EmbeddedKraftBroker.freePort(),
                root.resolve("services/identity/target/identity.jar"), logs.resolve("identity.log"));
        SERVICES.add(identity);
        identity.start(List.of("--server.port=" + identityPort, "--bindeled.identity.issuer=" + issuer,
                "--bindeled.identity.key-dir=" + Files.createTempDirectory("e2e-identity")), Map.of());
        start(new ChildService("partner-registry", registryPort, EmbeddedKraftBroker.freePort(), root.resolve("services/partner-registry/target/partner-registry.jar"),
                logs.resolve("partner-registry.log")), kafka, "e2e_partner_registry", secured);
        start(new ChildService("room-booking", roomBookingPort, EmbeddedKraftBroker.freePort(), root.resolve("services/room-booking/target/room-booking.jar"),
                logs.resolve("room-booking.log")), kafka, "e2e_room_booking", secured);
        start(new ChildService("dashboard", dashboardPort, EmbeddedKraftBroker.freePort(), root.resolve("services/dashboard/target/dashboard.jar"),
                logs.resolve("dashboard.log")), kafka, "e2e_dashboard", secured);
        ChildService gateway = new ChildService("gateway", gatewayPort, EmbeddedKraftBroker.freePort(),
                root.resolve("services/gateway/target/gateway.jar"), logs.resolve("gateway.log"));
        SERVICES.add(gateway);
        // The test's own writes come from one client and address: limits far above what it sends, in a
        // namespace of its own so no earlier run's buckets count.
        gateway.start(List.of("--server.port=" + gatewayPort,
                "--bindeled.gateway.routes.partner-registry=http://127.0.0.1:" + registryPort,
                "--bindeled.gateway.routes.room-booking=http://127.0.0.1:" + roomBookingPort,
                "--bindeled.gateway.routes.dashboard=http://127.0.0.1:" + dashboardPort,
                "--bindeled.gateway.rate-limit.namespace=e2e-" + UUID.randomUUID(),
                "--bindeled.gateway.rate-limit.client.replenish-rate=10000",
                "--bindeled.gateway.rate-limit.client.burst-capacity=10000",
                "--bindeled.gateway.rate-limit.address.replenish-rate=10000",
                "--bindeled.gateway.rate-limit.address.burst-capacity=10000"), Map.of());
        String front = "http://127.0.0.1:" + gatewayPort;
        registry = front + "/registry";
        roomBooking = front + "/booking";
        dashboard = front + "/dashboard";
        for (ChildService service : SERVICES) {
            service.awaitUp(HTTP, Duration.ofSeconds(300), () -> false);
        }
        token = new ServiceToken(HTTP, URI.create(issuer), LocalStack.SEEDER_CLIENT, LocalStack.SEEDER_SECRET, java.time.Clock.systemUTC());
    }

    private static void start(ChildService service, String kafka, String database, List<String> extra) {
        SERVICES.add(service);
        List<String> args = new ArrayList<>(List.of("--server.port=" + service.port(), "--spring.kafka.bootstrap-servers=" + kafka));
        args.addAll(extra);
        service.start(args,
                Map.of("SPRING_DATASOURCE_URL", TestInfrastructure.newDatabase(database),
                        "SPRING_DATASOURCE_USERNAME", TestInfrastructure.databaseUser(),
                        "SPRING_DATASOURCE_PASSWORD", TestInfrastructure.databasePassword()));
    }

    @AfterAll
    static void stopServices() {
        ChildService.stopAll(SERVICES, Duration.ofSeconds(30));
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void aPartnerRegisteredThroughTheApiReachesTheDashboardAndItsStream() throws Exception {
        try (SseStream stream = SseStream.open(at(dashboard, "/api/stream"))) {
            String id = register("Babycaféen på Morsø Bibliotek");
            JsonNode change = stream.awaitChangeOf(id, Duration.ofSeconds(30));
            assertThat(change.get("change").get("summary").asText()).contains("Babycaféen på Morsø Bibliotek");

            JsonNode overview = JSON.readTree(HTTP.send(authorized(at(dashboard, "/api/overview")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(overview.get("activePartners").asInt()).isGreaterThanOrEqualTo(1);
            List<String> subjects = new ArrayList<>();
            overview.get("latestChanges").forEach(c -> subjects.add(c.get("subject").asText()));
            assertThat(subjects).contains(id);
        }
    }

    @Test
    void aBookingMadeThroughRoomBookingReachesTheCentresInfoScreen() throws Exception {
        // A centre the local stack's client manages (its token names the four demo centres): under room booking's rules
        // only a centre's staff may book on a partner's behalf. The run's databases are its own, so the id is free.
        String centreId = "motalavej";
        String partnerId = register("Babycaféen i " + centreId);
        put(at(registry, "/api/partners/" + partnerId + "/centres/" + centreId),
                Map.of("centreName", "Testhuset " + centreId, "role", "RESIDENT_ACTOR"));

        List<Map<String, String>> allDay = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            allDay.add(Map.of("day", day.name(), "opens", "00:00", "closes", "23:59"));
        }
        post(at(roomBooking, "/api/centres"), Map.of("id", centreId, "name", "Testhuset " + centreId, "address", "Testvej 1",
                "openingHours", allDay, "cancellationNoticeHours", 0), 201);
        post(at(roomBooking, "/api/centres/" + centreId + "/resources"), Map.of("id", centreId + "-salen", "name", "Salen", "kind", "ROOM",
                "capacity", 30, "cleaningBufferMinutes", 0, "rules", Map.of("access", "ALL_CENTRE_PARTNERS", "approvalRequired", false)), 201);

        // Today, starting in a minute or two; in the last half hour of the day there is no "today" left to book.
        LocalDateTime now = LocalDateTime.now(COPENHAGEN);
        LocalDateTime start = now.truncatedTo(ChronoUnit.MINUTES).plusMinutes(2);
        boolean today = start.plusMinutes(20).toLocalDate().equals(now.toLocalDate());
        if (!today) {
            start = now.toLocalDate().plusDays(1).atTime(8, 0);
        }
        Map<String, Object> booking = Map.of("resourceId", centreId + "-salen", "partnerId", partnerId,
                "start", start.toString(), "end", start.plusMinutes(20).toString(),
                "title", "Babycafé med sundhedsplejersken", "attendees", 12, "visibility", "PUBLIC");

        try (SseStream screen = SseStream.open(awaitScreenStream(centreId), "today")) {
            // room-booking learns the partner and its membership from bindeled.partner.v1: 400/403 until it has.
            String bookingId = awaitAccepted(at(roomBooking, "/api/bookings"), booking, Duration.ofSeconds(60)).get("bookingId").asText();
            if (today) {
                JsonNode pushed = screen.await(d -> mentions(d, bookingId), "today event with booking " + bookingId, Duration.ofSeconds(30));
                assertThat(pushed.get("centreId").asText()).isEqualTo(centreId);
                JsonNode shown = JSON.readTree(HTTP.send(authorized(at(dashboard, "/api/centres/" + centreId + "/today")).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                JsonNode entry = find(shown, bookingId);
                assertThat(entry.get("title").asText()).isEqualTo("Babycafé med sundhedsplejersken");
                assertThat(entry.get("resource").asText()).isEqualTo("Salen");
                assertThat(entry.get("organiser").asText()).isEqualTo("Babycaféen i " + centreId);
            } else {
                String week = IsoWeekLabel.of(start.toLocalDate());
                URI utilisation = at(dashboard, "/api/centres/" + centreId + "/utilisation?week=" + week);
                double booked = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                        .until(() -> JSON.readTree(HTTP.send(authorized(utilisation).build(), HttpResponse.BodyHandlers.ofString()).body())
                                .path("resources").path(0).path("bookedHours").asDouble(), hours -> hours > 0);
                assertThat(booked).as("booked hours of the week on the dashboard").isGreaterThan(0);
            }
        }
    }

    /** The screen's stream answers 404 until the dashboard has the centre from bindeled.booking.v1. */
    private static URI awaitScreenStream(String centreId) throws Exception {
        URI centre = at(dashboard, "/api/centres/" + centreId + "/today");
        org.awaitility.Awaitility.await("the dashboard learns of centre " + centreId).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> HTTP.send(authorized(centre).build(), HttpResponse.BodyHandlers.discarding()).statusCode(), status -> status == 200);
        return at(dashboard, "/api/centres/" + centreId + "/stream");
    }

    /**
     * Issue 9's "done when", through the gateway: with the token of Café Sumak's script client (partner-admin of Café
     * Sumak), every write for another organisation is refused with 403 naming the right, its own profile can be
     * edited, and the public reads need no token.
     */
    @Test
    void aMemberOfOneOrganisationIsRefusedEveryWriteForAnother() throws Exception {
        DemoData.Partner cafe = DemoData.load().partner("cafe-sumak").orElseThrow();
        String sumak = cafe.id().toString();
        com.fasterxml.jackson.databind.node.ObjectNode sumakProfile = cafe.profile().deepCopy();
        post(at(registry, "/api/partners"), sumakProfile.deepCopy().put("id", sumak), 201);
        String other = register("Lektiecafeen i Hedemarken");
        post(at(roomBooking, "/api/centres"), Map.of("id", "hedemarken", "name", "Hedemarkens Medborgerhus", "address", "Hedemarken 1",
                "openingHours", List.of(Map.of("day", "MONDAY", "opens", "08:00", "closes", "22:00")), "cancellationNoticeHours", 0), 201);
        post(at(roomBooking, "/api/centres/hedemarken/resources"), Map.of("id", "hedemarken-cafeen", "name", "Caféen", "kind", "ROOM",
                "capacity", 20, "cleaningBufferMinutes", 0, "rules", Map.of("access", "ALL_CENTRE_PARTNERS", "approvalRequired", false)), 201);

        ServiceToken script = new ServiceToken(HTTP, URI.create(issuer), "script-cafe-sumak", "demo-script-cafe-sumak",
                java.time.Clock.systemUTC());
        LocalDateTime monday = LocalDateTime.now(COPENHAGEN).toLocalDate().with(java.time.temporal.TemporalAdjusters.next(DayOfWeek.MONDAY))
                .atTime(10, 0);
        Map<String, Object> bookingForOther = Map.of("resourceId", "hedemarken-cafeen", "partnerId", other,
                "start", monday.toString(), "end", monday.plusHours(1).toString(), "title", "Lektiecafé", "attendees", 8, "visibility", "PUBLIC");
        Map<String, Map.Entry<String, Object>> writes = new java.util.LinkedHashMap<>();
        writes.put(registry + "/api/partners/" + other + "/profile", Map.entry("PUT", Map.of("name", "Overtaget", "sector", "PUBLIC", "kind", "LIBRARY")));
        writes.put(registry + "/api/partners/" + other + "/contacts", Map.entry("POST", Map.of("name", "Fremmed Person")));
        writes.put(registry + "/api/partners/" + other + "/deactivation", Map.entry("POST", Map.of("reason", "forsøg")));
        writes.put(registry + "/api/partners", Map.entry("POST", Map.of("name", "Ny forening", "sector", "THIRD_SECTOR", "kind", "ASSOCIATION")));
        writes.put(roomBooking + "/api/bookings", Map.entry("POST", bookingForOther));
        writes.put(roomBooking + "/api/partners/" + other + "/feed-tokens", Map.entry("POST", Map.of()));
        writes.put(roomBooking + "/api/centres/hedemarken/quotas/" + sumak, Map.entry("PUT", Map.of("hoursPerWeek", 40)));
        for (Map.Entry<String, Map.Entry<String, Object>> write : writes.entrySet()) {
            HttpResponse<String> refused = send(script, write.getValue().getKey(), URI.create(write.getKey()), write.getValue().getValue());
            assertThat(refused.statusCode()).as(write.getValue().getKey() + " " + write.getKey() + ": " + refused.body()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThat(JSON.readTree(refused.body()).path("right").asText()).as(refused.body()).isNotBlank();
        }

        HttpResponse<String> own = send(script, "PUT", at(registry, "/api/partners/" + sumak + "/profile"),
                sumakProfile.put("description", "Café og catering i Kvarterhuset på Motalavej"));
        assertThat(own.statusCode()).as("its own profile: " + own.body()).isEqualTo(204);

        for (URI read : List.of(at(registry, "/api/partners"), URI.create(registry.replace("/registry", "") + "/hsds/organizations"),
                at(roomBooking, "/api/centres"), at(roomBooking, "/api/centres/hedemarken/calendar?view=week"),
                at(dashboard, "/api/overview"))) {
            HttpResponse<String> open = HTTP.send(HttpRequest.newBuilder(read).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(open.statusCode()).as("GET " + read + " without a token: " + open.body()).isEqualTo(200);
        }
    }

    /** Regression: behind the gateway a service built its links from its own address and path, which no client can open. */
    @Test
    void linksMadeThroughTheGatewayOpenThroughTheGateway() throws Exception {
        post(at(roomBooking, "/api/centres"), Map.of("id", "foreningernes-hus", "name", "Foreningernes Hus", "address", "Sjællandsgade 1",
                "openingHours", List.of(Map.of("day", "MONDAY", "opens", "08:00", "closes", "22:00")), "cancellationNoticeHours", 0), 201);
        // The feed needs the centre in the calendar projection, a moment after the centre's 201: until then 404.
        HttpResponse<String> feed = org.awaitility.Awaitility.await("the centre reaches the calendar").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> HTTP.send(authorized(at(roomBooking, "/api/centres/foreningernes-hus/feed-tokens"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()),
                        response -> {
                            assertThat(response.statusCode()).as(response.body()).isIn(201, 404);
                            return response.statusCode() == 201;
                        });
        String url = JSON.readTree(feed.body()).get("url").asText();
        assertThat(url).startsWith(roomBooking + "/ical/centres/foreningernes-hus.ics?token=");
        assertThat(feed.headers().firstValue("Location")).contains(url);
        HttpResponse<String> calendar = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(calendar.statusCode()).as(calendar.body()).isEqualTo(200);
        assertThat(calendar.body()).startsWith("BEGIN:VCALENDAR");

        // Likewise a Location header the service writes as its own path: followed, it leads to the resource.
        HttpResponse<String> registered = HTTP.send(authorized(at(registry, "/api/partners")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("name", "Læsehesten", "sector", "PUBLIC",
                        "kind", "LIBRARY")))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String location = registered.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/registry/api/partners/");
        // The partner is read from the registry's projection, a moment after the 201: until then 404.
        HttpResponse<String> followed = org.awaitility.Awaitility.await("the partner can be read").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> HTTP.send(HttpRequest.newBuilder(URI.create(registry).resolve(location)).build(),
                        HttpResponse.BodyHandlers.ofString()), response -> {
                            assertThat(response.statusCode()).as(location + ": " + response.body()).isIn(200, 404);
                            return response.statusCode() == 200;
                        });
        assertThat(followed.body()).contains("Læsehesten");
    }

    private static HttpResponse<String> send(ServiceToken caller, String method, URI uri, Object body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + caller.get())
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts until room-booking accepts: only a replica that has not yet caught up with the partner may refuse. */
    private static JsonNode awaitAccepted(URI uri, Object body, Duration timeout) throws Exception {
        String json = JSON.writeValueAsString(body);
        HttpResponse<String> accepted = org.awaitility.Awaitility.await("room-booking accepts the booking").atMost(timeout)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    HttpResponse<String> response = HTTP.send(authorized(uri).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).as("only a replica that has not caught up may refuse: " + response.body())
                            .isIn(201, 400, 403);
                    if (response.statusCode() == 400) {
                        assertThat(response.body()).contains("partnerId");
                    }
                    return response;
                }, response -> response.statusCode() == 201);
        return JSON.readTree(accepted.body());
    }

    private static boolean mentions(JsonNode today, String bookingId) {
        return find(today, bookingId) != null;
    }

    private static JsonNode find(JsonNode today, String bookingId) {
        for (String part : List.of("current", "later")) {
            for (JsonNode b : today.path(part)) {
                if (bookingId.equals(b.path("bookingId").asText())) {
                    return b;
                }
            }
        }
        return null;
    }

    private static void post(URI uri, Object body, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(authorized(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST " + uri + ": " + response.body()).isEqualTo(expected);
    }

    private static void put(URI uri, Object body) throws Exception {
        HttpResponse<String> response = HTTP.send(authorized(uri).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode() / 100).as("PUT " + uri + ": " + response.body()).isEqualTo(2);
    }

    private static URI at(String base, String path) {
        return URI.create(base + path);
    }

    /** Every call carries the local stack's own client-credentials token (role admin), as the seeders do. */
    private static HttpRequest.Builder authorized(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token.get());
    }

    /** An ISO week as the dashboard names it, e.g. 2026-W48. */
    private static final class IsoWeekLabel {
        static String of(java.time.LocalDate date) {
            return String.format("%d-W%02d", date.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
                    date.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
    }

    @Test
    void restToSsePushLatencyOverOneHundredRegistrations() throws Exception {
        int calls = 100;
        List<Double> millis = new ArrayList<>();
        try (SseStream stream = SseStream.open(at(dashboard, "/api/stream"))) {
            for (int i = 0; i < 5; i++) {
                stream.awaitChangeOf(register("Opvarmning " + i), Duration.ofSeconds(30));
            }
            for (int i = 0; i < calls; i++) {
                long start = System.nanoTime();
                String id = register("Måling " + i);
                stream.awaitChangeOf(id, Duration.ofSeconds(30));
                millis.add((System.nanoTime() - start) / 1e6);
            }
        }
        assertThat(millis).hasSize(calls);
        Collections.sort(millis);
        System.out.printf("%nREST call → dashboard SSE push, %d sequential registrations: median %.1f ms, p99 %.1f ms, max %.1f ms%n%n",
                calls, percentile(millis, 50), percentile(millis, 99), millis.get(calls - 1));
    }

    private static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }

    private static String register(String name) throws Exception {
        String body = JSON.writeValueAsString(Map.of("name", name, "sector", "PUBLIC", "kind", "LIBRARY"));
        HttpResponse<String> response = HTTP.send(authorized(at(registry, "/api/partners"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asText();
    }

    /** A Server-Sent Events client: collects the data of every event of one name (by default {@code change}) as it arrives. */
    static final class SseStream implements AutoCloseable {

        private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        private final CompletableFuture<HttpResponse<Stream<String>>> response;

        private SseStream(URI uri, String name) {
            // Anonymous: the dashboard's streams are public.
            HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").build();
            response = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
            response.thenAcceptAsync(r -> {
                String event = null;
                StringBuilder data = new StringBuilder();
                for (String line : (Iterable<String>) r.body()::iterator) {
                    if (line.startsWith("event:")) {
                        event = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).trim());
                    } else if (line.isEmpty()) {
                        if (name.equals(event)) {
                            try {
                                events.add(JSON.readTree(data.toString()));
                            } catch (IOException e) {
                                throw new IllegalStateException("Unreadable SSE data: " + data, e);
                            }
                        }
                        event = null;
                        data.setLength(0);
                    }
                }
            });
        }

        static SseStream open(URI uri) throws Exception {
            return open(uri, "change");
        }

        static SseStream open(URI uri, String name) throws Exception {
            SseStream stream = new SseStream(uri, name);
            assertThat(stream.response.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            return stream;
        }

        JsonNode awaitChangeOf(String subject, Duration timeout) throws InterruptedException {
            return await(change -> subject.equals(change.get("change").get("subject").asText()), "change of " + subject, timeout);
        }

        JsonNode await(Predicate<JsonNode> wanted, String what, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode event = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (event != null && wanted.test(event)) {
                    return event;
                }
            }
            throw new AssertionError("No SSE " + what + " within " + timeout);
        }

        @Override
        public void close() {
            response.thenAccept(r -> r.body().close());
            response.cancel(true);
        }
    }
}
