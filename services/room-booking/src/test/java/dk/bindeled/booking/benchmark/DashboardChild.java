package dk.bindeled.booking.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import dk.bindeled.events.EventJson;
import dk.bindeled.testsupport.TestInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * The packaged dashboard as a child JVM ({@link ChildJvm}), on a new PostgreSQL database of its own and the shared broker.
 */
final class DashboardChild implements AutoCloseable {

    private static final HttpClient HTTP = ChildJvm.HTTP;

    private final ChildJvm child;

    private DashboardChild(ChildJvm child) {
        this.child = child;
    }

    static DashboardChild start(Path jar, Path log) throws IOException {
        return new DashboardChild(ChildJvm.start("dashboard", jar, log,
                List.of("--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafka().bootstrapServers()),
                Map.of("SPRING_DATASOURCE_URL", TestInfrastructure.newDatabase("bench_dashboard"),
                        "SPRING_DATASOURCE_USERNAME", TestInfrastructure.databaseUser(),
                        "SPRING_DATASOURCE_PASSWORD", TestInfrastructure.databasePassword())));
    }

    void awaitUp(Duration timeout) {
        child.awaitUp(timeout);
    }

    SseTags openStream() throws Exception {
        return SseTags.open(child.base.resolve("/api/stream"));
    }

    @Override
    public void close() throws InterruptedException {
        child.close();
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
