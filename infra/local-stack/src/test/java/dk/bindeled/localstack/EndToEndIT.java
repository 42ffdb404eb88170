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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole flow across processes, as deployed: the packaged partner-registry and dashboard jars as
 * child JVMs, each on its own PostgreSQL database, talking through the real broker. A partner
 * registered through the REST API reaches the dashboard's read model and its SSE stream. Also prints
 * the REST→SSE latency over 100 registrations (figures, not a timed assertion).
 */
class EndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final List<ChildService> SERVICES = new ArrayList<>();
    private static URI registry;
    private static URI dashboard;

    @BeforeAll
    static void startServices() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent().getParent();
        Path logs = Files.createDirectories(Path.of("target", "e2e-logs"));
        String kafka = TestInfrastructure.kafka().bootstrapServers();
        int registryPort = EmbeddedKraftBroker.freePort();
        int dashboardPort = EmbeddedKraftBroker.freePort();
        registry = URI.create("http://127.0.0.1:" + registryPort);
        dashboard = URI.create("http://127.0.0.1:" + dashboardPort);
        start(new ChildService("partner-registry", registryPort, root.resolve("services/partner-registry/target/partner-registry.jar"),
                logs.resolve("partner-registry.log")), kafka, "e2e_partner_registry");
        start(new ChildService("dashboard", dashboardPort, root.resolve("services/dashboard/target/dashboard.jar"),
                logs.resolve("dashboard.log")), kafka, "e2e_dashboard");
        for (ChildService service : SERVICES) {
            service.awaitUp(HTTP, Duration.ofSeconds(180), () -> false);
        }
    }

    private static void start(ChildService service, String kafka, String database) {
        SERVICES.add(service);
        service.start(List.of("--server.port=" + service.port(), "--spring.kafka.bootstrap-servers=" + kafka),
                Map.of("SPRING_DATASOURCE_URL", TestInfrastructure.newDatabase(database),
                        "SPRING_DATASOURCE_USERNAME", TestInfrastructure.databaseUser(),
                        "SPRING_DATASOURCE_PASSWORD", TestInfrastructure.databasePassword()));
    }

    @AfterAll
    static void stopServices() {
        ChildService.stopAll(SERVICES, Duration.ofSeconds(30));
    }

    @Test
    void aPartnerRegisteredThroughTheApiReachesTheDashboardAndItsStream() throws Exception {
        try (SseStream stream = SseStream.open(dashboard.resolve("/api/stream"))) {
            String id = register("Babycaféen på Morsø Bibliotek");
            JsonNode change = stream.awaitChangeOf(id, Duration.ofSeconds(30));
            assertThat(change.get("change").get("summary").asText()).contains("Babycaféen på Morsø Bibliotek");

            JsonNode overview = JSON.readTree(HTTP.send(HttpRequest.newBuilder(dashboard.resolve("/api/overview")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(overview.get("activePartners").asInt()).isGreaterThanOrEqualTo(1);
            List<String> subjects = new ArrayList<>();
            overview.get("latestChanges").forEach(c -> subjects.add(c.get("subject").asText()));
            assertThat(subjects).contains(id);
        }
    }

    @Test
    void restToSsePushLatencyOverOneHundredRegistrations() throws Exception {
        int calls = 100;
        List<Double> millis = new ArrayList<>();
        try (SseStream stream = SseStream.open(dashboard.resolve("/api/stream"))) {
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
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(registry.resolve("/api/partners"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asText();
    }

    /** A Server-Sent Events client: collects the data of every {@code change} event as it arrives. */
    static final class SseStream implements AutoCloseable {

        private final BlockingQueue<JsonNode> changes = new LinkedBlockingQueue<>();
        private final CompletableFuture<HttpResponse<Stream<String>>> response;

        private SseStream(URI uri) {
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
                        if ("change".equals(event)) {
                            try {
                                changes.add(JSON.readTree(data.toString()));
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
            SseStream stream = new SseStream(uri);
            assertThat(stream.response.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            return stream;
        }

        JsonNode awaitChangeOf(String subject, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode change = changes.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (change != null && subject.equals(change.get("change").get("subject").asText())) {
                    return change;
                }
            }
            throw new AssertionError("No SSE change for " + subject + " within " + timeout);
        }

        @Override
        public void close() {
            response.thenAccept(r -> r.body().close());
            response.cancel(true);
        }
    }
}
