package dk.bindeled.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import dk.bindeled.testsupport.TestRedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway as a whole, on its real ports, against stand-in backends (plain HTTP servers started here) and the
 * real Redis. Rate-limit buckets are in a namespace of this run; each test writes from an address of its own
 * (X-Forwarded-For, believed because the test trusts the loopback peer as a proxy) except the one that tests the
 * bare connection address.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(GatewayIT.DownRoutes.class)
class GatewayIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final BackendStandIn REGISTRY = new BackendStandIn("partner-registry");
    private static final BackendStandIn BOOKING = new BackendStandIn("room-booking");
    private static final BackendStandIn DASHBOARD = new BackendStandIn("dashboard");
    private static final BackendStandIn REFERRALS = new BackendStandIn("referrals");
    private static final BackendStandIn STAFF_WEB = new BackendStandIn("staff-web");
    private static final int DOWN = BackendStandIn.closedPort();
    private static final int FLAKY = BackendStandIn.closedPort();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    Environment environment;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestRedis.require().springProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("management.server.port", () -> "0");
        registry.add("bindeled.gateway.routes.partner-registry", REGISTRY::url);
        registry.add("bindeled.gateway.routes.room-booking", BOOKING::url);
        registry.add("bindeled.gateway.routes.dashboard", DASHBOARD::url);
        registry.add("bindeled.gateway.routes.referrals", REFERRALS::url);
        registry.add("bindeled.gateway.routes.staff-web", STAFF_WEB::url);
        registry.add("bindeled.gateway.read-timeout", () -> "1s");
        registry.add("bindeled.gateway.trusted-proxies", () -> "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1");
        registry.add("bindeled.gateway.rate-limit.namespace", () -> TestRedis.namespace("gateway-it"));
        // One write a minute after the burst, so no bucket refills while a test runs: 3 writes per client, 6 per address.
        registry.add("bindeled.gateway.rate-limit.client.replenish-rate", () -> "1");
        registry.add("bindeled.gateway.rate-limit.client.requested-tokens", () -> "60");
        registry.add("bindeled.gateway.rate-limit.client.burst-capacity", () -> "180");
        registry.add("bindeled.gateway.rate-limit.address.replenish-rate", () -> "1");
        registry.add("bindeled.gateway.rate-limit.address.requested-tokens", () -> "60");
        registry.add("bindeled.gateway.rate-limit.address.burst-capacity", () -> "360");
        registry.add("bindeled.gateway.circuit-breaker.window", () -> "3");
        registry.add("bindeled.gateway.circuit-breaker.minimum-calls", () -> "3");
        registry.add("bindeled.gateway.circuit-breaker.open-for", () -> "20s");
    }

    /** Two routes to ports nothing listens on, added the way any route is: the filters apply to them by themselves. */
    @TestConfiguration
    static class DownRoutes {
        @Bean
        RouteLocator downRoutes(RouteLocatorBuilder routes) {
            return routes.routes()
                    .route("down", r -> r.path("/down/**").filters(f -> f.stripPrefix(1)).uri("http://127.0.0.1:" + DOWN))
                    .route("flaky", r -> r.path("/flaky/**").filters(f -> f.stripPrefix(1)).uri("http://127.0.0.1:" + FLAKY))
                    .build();
        }
    }

    @AfterAll
    static void stopBackends() {
        REGISTRY.close();
        BOOKING.close();
        DASHBOARD.close();
        REFERRALS.close();
        STAFF_WEB.close();
    }

    // --- routing -------------------------------------------------------------------------------------------

    @Test
    void registryIsRoutedWithItsPrefixStrippedAndNamedInXForwardedPrefix() throws Exception {
        HttpResponse<String> response = get("/registry/api/partners?sector=civil&page=2");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode seen = JSON.readTree(response.body());
        assertThat(seen.get("service").asString()).isEqualTo("partner-registry");
        assertThat(seen.get("path").asString()).isEqualTo("/api/partners");
        assertThat(seen.get("query").asString()).isEqualTo("sector=civil&page=2");
        JsonNode headers = seen.get("headers");
        assertThat(headers.get("x-forwarded-prefix").asString()).isEqualTo("/registry");
        assertThat(headers.get("x-forwarded-proto").asString()).isEqualTo("http");
        assertThat(headers.get("x-forwarded-host").asString()).isEqualTo("127.0.0.1:" + port());
        assertThat(headers.get("x-forwarded-port").asString()).isEqualTo(String.valueOf(port()));
        assertThat(headers.get("x-forwarded-for").asString()).isEqualTo("127.0.0.1");
    }

    @Test
    void everyPathGoesToItsServiceStrippedOrUnchanged() throws Exception {
        assertRouted("/hsds/organizations", "partner-registry", "/hsds/organizations", null);
        assertRouted("/booking/api/centres/motalavej/calendar", "room-booking", "/api/centres/motalavej/calendar", "/booking");
        assertRouted("/ical/centres/motalavej.ics", "room-booking", "/ical/centres/motalavej.ics", null);
        assertRouted("/dashboard/api/overview", "dashboard", "/api/overview", "/dashboard");
        assertRouted("/dashboard/", "dashboard", "/", "/dashboard");
        assertRouted("/referrals/api/referrals?box=sent", "referrals", "/api/referrals", "/referrals");
        // The staff web app knows its context path: nothing stripped, no prefix header.
        assertRouted("/app/huse/motalavej", "staff-web", "/app/huse/motalavej", null);
        assertRouted("/app/login/oauth2/code/bindeled", "staff-web", "/app/login/oauth2/code/bindeled", null);
    }

    @Test
    void theRootGoesToTheStaffWebAppAndTheDashboardWithoutItsSlashToTheDashboard() throws Exception {
        HttpResponse<String> root = get("/");
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValue("/app/");
        HttpResponse<String> dashboard = get("/dashboard");
        assertThat(dashboard.statusCode()).isEqualTo(302);
        assertThat(dashboard.headers().firstValue("Location")).hasValue("/dashboard/");
    }

    @Test
    void aForwardingProxysOwnForwardedHeadersAreKeptAndExtended() throws Exception {
        HttpResponse<String> response = http.send(request("/booking/api/centres")
                .header("X-Forwarded-For", "198.51.100.7")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "bindeled.example.dk")
                .header("X-Forwarded-Port", "443")
                .header("X-Forwarded-Prefix", "/kommune/")
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        JsonNode headers = JSON.readTree(response.body()).get("headers");
        assertThat(headers.get("x-forwarded-for").asString()).isEqualTo("198.51.100.7, 127.0.0.1");
        assertThat(headers.get("x-forwarded-proto").asString()).isEqualTo("https");
        assertThat(headers.get("x-forwarded-host").asString()).isEqualTo("bindeled.example.dk");
        assertThat(headers.get("x-forwarded-port").asString()).isEqualTo("443");
        assertThat(headers.get("x-forwarded-prefix").asString()).isEqualTo("/kommune/booking");
    }

    @Test
    void theAuthorizationHeaderReachesTheServiceUnchanged() throws Exception {
        String bearer = "Bearer " + jwt("staff-web", "user-" + UUID.randomUUID());

        HttpResponse<String> read = http.send(request("/registry/api/partners").header("Authorization", bearer).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> write = http.send(request("/booking/api/bookings").header("Authorization", bearer)
                        .header("X-Forwarded-For", "203.0.113.1").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(JSON.readTree(read.body()).get("headers").get("authorization").asString()).isEqualTo(bearer);
        assertThat(write.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(write.body()).get("headers").get("authorization").asString()).isEqualTo(bearer);
    }

    // --- rate limits -----------------------------------------------------------------------------------------

    @Test
    void aClientIsRefusedAfterItsBurstWhileAnotherClientStillPasses() throws Exception {
        String address = "203.0.113.10";
        String clientA = "Bearer " + jwt("app-a-" + UUID.randomUUID(), "user-1");
        String clientB = "Bearer " + jwt("app-b-" + UUID.randomUUID(), "user-1");

        for (int i = 1; i <= 3; i++) {
            assertThat(write("POST", "/booking/api/bookings", address, clientA).statusCode()).as("write %d", i).isEqualTo(201);
        }
        HttpResponse<String> refused = write("POST", "/booking/api/bookings", address, clientA);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertProblem(refused, 429, "rate-limited");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("limit").asString()).isEqualTo("client");
        assertThat(problem.get("title").asString()).isEqualTo("Too many requests");
        assertThat(problem.get("detail").asString()).contains("client limit");

        assertThat(write("POST", "/booking/api/bookings", address, clientB).statusCode()).isEqualTo(201);
    }

    @Test
    void writesWithoutATokenAreLimitedPerAddressAndReadsStillPass() throws Exception {
        // No X-Forwarded-For: the connection's own address, 127.0.0.1, is the only test to write from it.
        for (int i = 1; i <= 6; i++) {
            assertThat(write("POST", "/registry/api/partners", null, null).statusCode()).as("write %d", i).isEqualTo(201);
        }
        HttpResponse<String> refused = write("POST", "/registry/api/partners", null, null);

        assertProblem(refused, 429, "rate-limited");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(JSON.readTree(refused.body()).get("limit").asString()).isEqualTo("address");
        assertThat(JSON.readTree(refused.body()).get("detail").asString()).contains("this address");
        assertThat(get("/registry/api/partners").statusCode()).isEqualTo(200);
    }

    @Test
    void tokensNamingEverNewClientsDoNotEscapeTheAddressLimit() throws Exception {
        String address = "203.0.113.20";
        String[] methods = {"POST", "PUT", "PATCH", "DELETE", "POST", "PUT"};
        for (String method : methods) {
            String forged = "Bearer " + jwt("forged-" + UUID.randomUUID(), UUID.randomUUID().toString());
            assertThat(write(method, "/booking/api/bookings/b1", address, forged).statusCode()).as(method).isIn(200, 201);
        }
        String forged = "Bearer " + jwt("forged-" + UUID.randomUUID(), UUID.randomUUID().toString());
        HttpResponse<String> refused = write("DELETE", "/booking/api/bookings/b1", address, forged);

        assertProblem(refused, 429, "rate-limited");
        assertThat(JSON.readTree(refused.body()).get("limit").asString()).isEqualTo("address");
    }

    @Test
    void readsAreNeverLimited() throws Exception {
        String token = "Bearer " + jwt("reader-" + UUID.randomUUID(), "user-1");
        for (int i = 1; i <= 25; i++) {
            HttpResponse<String> response = http.send(request("/dashboard/api/overview").header("Authorization", token)
                    .header("X-Forwarded-For", "203.0.113.30").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("read %d", i).isEqualTo(200);
        }
    }

    // --- slow and missing backends ---------------------------------------------------------------------------

    @Test
    void aReadThatGetsNoAnswerWithinTheReadTimeoutIs504() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = get("/registry/slow");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertProblem(response, 504, "backend-timeout");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(JSON.readTree(response.body()).get("route").asString()).isEqualTo("partner-registry");
        assertThat(took).isLessThan(BackendStandIn.SLOW);
    }

    @Test
    void aWriteIsNotCutOffByTheReadTimeout() throws Exception {
        HttpResponse<String> response = write("POST", "/registry/slow", "203.0.113.40", null);

        assertThat(response.statusCode()).isEqualTo(201);
    }

    @Test
    void aBackendThatRefusesTheConnectionIs503ForReadsAndWrites() throws Exception {
        HttpResponse<String> read = get("/down/api/anything");
        HttpResponse<String> written = write("POST", "/down/api/anything", "203.0.113.50", null);

        for (HttpResponse<String> response : java.util.List.of(read, written)) {
            assertProblem(response, 503, "backend-unavailable");
            assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(response.body()).doesNotContain("Connection refused").doesNotContain("Exception");
        }
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndSaysWhenToComeBack() throws Exception {
        for (int i = 1; i <= 3; i++) {
            assertProblem(get("/flaky/api/x"), 503, "backend-unavailable");
        }
        HttpResponse<String> open = get("/flaky/api/x");

        assertProblem(open, 503, "circuit-open");
        assertThat(open.headers().firstValue("Retry-After")).hasValue("20");
    }

    @Test
    void anUnknownPathIs404ProblemJsonWithTheSecurityHeaders() throws Exception {
        HttpResponse<String> response = get("/no-such-service/x");

        assertProblem(response, 404, "not-found");
        assertSecurityHeaders(response, "DENY", "'none'");
    }

    // --- headers, actuator, streams --------------------------------------------------------------------------

    @Test
    void everyResponseCarriesTheSecurityHeadersAndOnlyInfoScreensMayBeFramedBySameOrigin() throws Exception {
        assertSecurityHeaders(get("/registry/api/partners"), "DENY", "'none'");
        assertSecurityHeaders(get("/dashboard/"), "DENY", "'none'");
        assertSecurityHeaders(get("/dashboard/skaerm/motalavej"), "SAMEORIGIN", "'self'");
        assertSecurityHeaders(get("/"), "DENY", "'none'");
    }

    /** A status link's page sends no-referrer (its address is its credential): a stricter policy of a backend stays, a laxer one does not. */
    @Test
    void aBackendsStricterReferrerPolicyIsKeptAndALaxerOneReplaced() throws Exception {
        assertThat(get("/registry/api/partners?referrer=no-referrer").headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(get("/registry/api/partners?referrer=same-origin").headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(get("/registry/api/partners?referrer=unsafe-url").headers().firstValue("Referrer-Policy"))
                .hasValue("strict-origin-when-cross-origin");
        assertThat(get("/registry/api/partners").headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
    }

    @Test
    void actuatorAnswersOnTheManagementPortOnlyNeverThrough8080() throws Exception {
        for (String path : new String[] {"/actuator/health", "/actuator/prometheus", "/actuator"}) {
            assertProblem(get(path), 404, "not-found");
        }
        int management = environment.getRequiredProperty("local.management.port", Integer.class);
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + management + "/actuator/health")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
    }

    @Test
    void serverSentEventsArriveThroughTheGatewayWhileTheBackendStillHoldsTheStreamOpen() throws Exception {
        HttpResponse<InputStream> response = http.send(request("/dashboard/api/stream").header("Accept", "text/event-stream")
                .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader events = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));

            assertThat(events.readLine()).isEqualTo("event: overview");
            assertThat(events.readLine()).isEqualTo("data: first");
            // The first event is here and the backend has not finished: nothing buffered it until the end.
            assertThat(DASHBOARD.streamClosed()).isFalse();

            DASHBOARD.releaseStream();
            assertThat(events.readLine()).isEmpty();
            assertThat(events.readLine()).isEqualTo("event: overview");
            assertThat(events.readLine()).isEqualTo("data: last");
        } finally {
            DASHBOARD.releaseStream();
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private void assertRouted(String path, String service, String backendPath, String prefix) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        JsonNode seen = JSON.readTree(response.body());
        assertThat(seen.get("service").asString()).as(path).isEqualTo(service);
        assertThat(seen.get("path").asString()).as(path).isEqualTo(backendPath);
        JsonNode forwardedPrefix = seen.get("headers").get("x-forwarded-prefix");
        if (prefix == null) {
            assertThat(forwardedPrefix).as(path).isNull();
        } else {
            assertThat(forwardedPrefix.asString()).as(path).isEqualTo(prefix);
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://bindeled.dk/problems/" + type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
    }

    private static void assertSecurityHeaders(HttpResponse<?> response, String frameOptions, String frameAncestors) {
        String path = response.uri().getPath();
        assertThat(response.headers().firstValue("Strict-Transport-Security")).as(path).hasValue("max-age=31536000");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        assertThat(response.headers().allValues("X-Frame-Options")).as(path).containsExactly(frameOptions);
        assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("strict-origin-when-cross-origin");
        assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "connect-src 'self'")
                .endsWith("frame-ancestors " + frameAncestors));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> write(String method, String path, String forwardedFor, String authorization) throws Exception {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}"));
        if (forwardedFor != null) {
            builder.header("X-Forwarded-For", forwardedFor);
        }
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path)).timeout(Duration.ofSeconds(20));
    }

    private int port() {
        return environment.getRequiredProperty("local.server.port", Integer.class);
    }

    /** A JWT-shaped token, unsigned: the gateway only reads it for a limiter key, the services verify. */
    static String jwt(String azp, String sub) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String header = encoder.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = encoder.encodeToString(("{\"azp\":\"" + azp + "\",\"sub\":\"" + sub + "\",\"exp\":4102444800}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + "." + encoder.encodeToString("not-a-signature".getBytes(StandardCharsets.UTF_8));
    }
}
