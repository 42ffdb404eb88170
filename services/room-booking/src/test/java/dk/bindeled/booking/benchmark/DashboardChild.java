package dk.bindeled.booking.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import dk.bindeled.events.EventJson;
import dk.bindeled.testsupport.TestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packaged dashboard as a child JVM (as the local stack and the end-to-end test run it: 256 MB heap,
 * serial GC), on a new PostgreSQL database of its own and the shared broker.
 */
final class DashboardChild implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final URI base;
    private final URI management;
    private final Path log;

    private DashboardChild(Process process, URI base, URI management, Path log) {
        this.process = process;
        this.base = base;
        this.management = management;
        this.log = log;
    }

    static DashboardChild start(Path jar, Path log) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No dashboard jar at " + jar + ": package it first (./mvnw -q -DskipTests install)");
        }
        int port = freePort();
        int managementPort = freePort();
        Files.createDirectories(log.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8",
                // Actuator on a port of its own, as deployed: on the API's port the dashboard's access rules refuse it.
                "-jar", jar.toString(), "--server.port=" + port, "--management.server.port=" + managementPort,
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafka().bootstrapServers())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(Map.of(
                "SPRING_DATASOURCE_URL", TestInfrastructure.newDatabase("bench_dashboard"),
                "SPRING_DATASOURCE_USERNAME", TestInfrastructure.databaseUser(),
                "SPRING_DATASOURCE_PASSWORD", TestInfrastructure.databasePassword()));
        Process process = builder.start();
        process.getOutputStream().close();
        return new DashboardChild(process, URI.create("http://127.0.0.1:" + port), URI.create("http://127.0.0.1:" + managementPort), log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    void awaitUp(Duration timeout) {
        URI health = management.resolve("/actuator/health");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The dashboard exited with " + process.exitValue() + " while starting; see " + log
                        + ":\n" + tail());
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(3)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            RoomBookingUnderTest.sleep(250);
        }
        throw new IllegalStateException("The dashboard was not UP within " + timeout + "; see " + log + ":\n" + tail());
    }

    SseTags openStream() throws Exception {
        return SseTags.open(base.resolve("/api/stream"));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + log + ")";
        }
    }

    /**
     * A Server-Sent Events client of the dashboard's {@code /api/stream}: notes when the {@code change} message
     * of each tagged booking arrives. A booking's tag is in its title, and so in the change's sentence.
     */
    static final class SseTags implements AutoCloseable {

        private static final Pattern TAG = Pattern.compile("\\[([a-z]+-\\d+)]");

        private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
        private final CompletableFuture<HttpResponse<Stream<String>>> response;
        private volatile String problem;

        private SseTags(URI uri) {
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
                            note(System.nanoTime(), data.toString());
                        }
                        event = null;
                        data.setLength(0);
                    }
                }
            });
        }

        private void note(long arrived, String data) {
            try {
                JsonNode summary = EventJson.mapper().readTree(data).path("change").path("summary");
                Matcher tag = TAG.matcher(summary.asText(""));
                if (tag.find()) {
                    arrivals.putIfAbsent(tag.group(1), arrived);
                }
            } catch (IOException e) {
                problem = "Unreadable SSE data: " + data;
            }
        }

        static SseTags open(URI uri) throws Exception {
            SseTags stream = new SseTags(uri);
            int status = stream.response.get(10, TimeUnit.SECONDS).statusCode();
            if (status != 200) {
                throw new IllegalStateException("GET " + uri + " answered " + status);
            }
            return stream;
        }

        Long arrival(String tag) {
            return arrivals.get(tag);
        }

        /** Waits until every tag has arrived; returns the tags still missing at the timeout. */
        List<String> await(Collection<String> tags, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (arrivals.keySet().containsAll(tags)) {
                    return List.of();
                }
                RoomBookingUnderTest.sleep(20);
            }
            if (problem != null) {
                throw new IllegalStateException(problem);
            }
            return tags.stream().filter(t -> !arrivals.containsKey(t)).toList();
        }

        @Override
        public void close() {
            response.thenAccept(r -> r.body().close());
            response.cancel(true);
        }
    }
}
