package dk.bindeled.booking.benchmark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dk.bindeled.booking.RoomBookingApplication;
import dk.bindeled.events.EventJson;
import dk.bindeled.events.IntegrationEvent;
import dk.bindeled.events.cloudevents.CloudEventCodec;
import dk.bindeled.events.partner.v1.MembershipRole;
import dk.bindeled.events.partner.v1.PartnerEventsV1;
import dk.bindeled.events.partner.v1.PartnerJoinedCentre;
import dk.bindeled.events.partner.v1.PartnerKind;
import dk.bindeled.events.partner.v1.PartnerRegistered;
import dk.bindeled.events.partner.v1.Sector;
import dk.bindeled.testsupport.TestInfrastructure;
import dk.bindeled.testsupport.TestIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import dk.bindeled.axon.ProjectionReplay;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The room-booking service as deployed (its production configuration, real system clock), started in this
 * JVM on its own new PostgreSQL database and the shared broker, and driven through its REST API. Partners
 * become known the way they do in production: as CloudEvents on {@code bindeled.partner.v1}.
 */
final class RoomBookingUnderTest implements AutoCloseable {

    static final String ACTOR = "husleder@benchmark";
    /**
     * The house manager: admin (to set centres up) and manager of every centre made so far (to book on the partners'
     * behalf). Signed again when a centre is added, not per request (a token lives 15 minutes; the run takes about 4).
     */
    private final java.util.Set<String> centres = new java.util.concurrent.CopyOnWriteArraySet<>();
    private volatile String bearer = sign();

    private String sign() {
        return "Bearer " + TestIssuer.shared().token(TestIssuer.caller(ACTOR).roles("admin", "centre-manager")
                .centres(centres.toArray(String[]::new)));
    }

    final ConfigurableApplicationContext context;
    final JdbcClient jdbc;
    final URI base;
    final HttpClient http;

    private RoomBookingUnderTest(ConfigurableApplicationContext context) {
        this.context = context;
        this.jdbc = context.getBean(JdbcClient.class);
        this.base = URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort());
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    static RoomBookingUnderTest start() {
        // As the service's main method does: no update check from a benchmark either.
        System.setProperty("axoniq.update-checker.disabled", "true");
        List<String> args = new ArrayList<>();
        TestInfrastructure.springProperties("bench_room_booking").forEach((key, value) -> args.add("--" + key + "=" + value));
        args.add("--server.port=0");
        args.add("--management.server.port=0");
        args.add("--spring.main.banner-mode=off");
        return new RoomBookingUnderTest(new SpringApplicationBuilder(RoomBookingApplication.class).run(args.toArray(String[]::new)));
    }

    @Override
    public void close() {
        context.close();
    }

    // ------------------------------------------------------------------ HTTP

    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return EventJson.mapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    HttpRequest post(String path, Object body) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", bearer)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json(body)))
                .build();
    }

    /** A read, with the house manager's token or without any. */
    HttpRequest get(String path, boolean signed) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (signed) {
            builder.header("Authorization", bearer);
        }
        return builder.GET().build();
    }

    /** The same request sent to {@code front} under {@code prefix} (the gateway's route) instead of to this service. */
    static HttpRequest via(URI front, String prefix, HttpRequest request) {
        URI direct = request.uri();
        String target = prefix + direct.getRawPath() + (direct.getRawQuery() == null ? "" : "?" + direct.getRawQuery());
        return HttpRequest.newBuilder(request, (header, value) -> true).uri(front.resolve(target)).build();
    }

    Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Answer expect(int status, Answer answer, String what) {
        if (answer.status() != status) {
            throw new AssertionError(what + ": expected " + status + " but got " + answer.status() + ": " + answer.body());
        }
        return answer;
    }

    private static byte[] json(Object body) {
        try {
            return EventJson.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ set-up through the API and the partner topic

    /** A centre open 08–22 every day, Tuesday and Thursday 16–20 as peak time, and no quota. */
    String centre() {
        String id = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        centres.add(id);
        bearer = sign();
        List<Map<String, Object>> hours = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            hours.add(Map.of("day", day, "opens", "08:00", "closes", "22:00"));
        }
        expect(201, send(post("/api/centres", Map.of("id", id, "name", "Kvarterhuset på Motalavej",
                "address", "Motalavej, 4220 Korsør", "openingHours", hours, "cancellationNoticeHours", 48,
                "peakHours", List.of(Map.of("day", "TUESDAY", "from", "16:00", "to", "20:00"),
                        Map.of("day", "THURSDAY", "from", "16:00", "to", "20:00"))))), "centre");
        return id;
    }

    /** A room anyone of the centre may book, confirmed at once, with a 15-minute cleaning buffer and no booking limits. */
    String room(String centreId, String name) {
        Map<String, Object> rules = new HashMap<>();
        rules.put("access", "ALL_CENTRE_PARTNERS");
        rules.put("approvalRequired", false);
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("kind", "ROOM");
        body.put("capacity", 40);
        body.put("features", List.of("kitchen", "projector"));
        body.put("cleaningBufferMinutes", 15);
        body.put("rules", rules);
        return expect(201, send(post("/api/centres/" + centreId + "/resources", body)), "room").json().get("id").asText();
    }

    /** Registers partners in the registry's topic, joins them to the centre, and waits until the replica knows them all. */
    List<String> partners(String centreId, int count) {
        List<String> ids = new ArrayList<>();
        CloudEventCodec codec = new CloudEventCodec(PartnerEventsV1.CATALOG, PartnerEventsV1.SOURCE);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                for (IntegrationEvent event : List.of(
                        new PartnerRegistered(id, "Forening nr. " + (i + 1), Sector.THIRD_SECTOR, PartnerKind.ASSOCIATION,
                                null, null, null, null, null),
                        new PartnerJoinedCentre(id, centreId, "Kvarterhuset på Motalavej", MembershipRole.RESIDENT_ACTOR))) {
                    producer.send(codec.toRecord(event, UUID.randomUUID().toString(), OffsetDateTime.now(ZoneOffset.UTC)));
                }
            }
            producer.flush();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (jdbc.sql("SELECT COUNT(*) FROM partner_replica_centre WHERE centre_id = ?").param(centreId).query(Long.class).single() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The partner replica did not learn " + count + " partners within 60 s");
            }
            sleep(100);
        }
        return ids;
    }

    /** A booking request; {@code tag} makes its title (and so the dashboard's sentence about it) unique. */
    HttpRequest booking(String resourceId, String partnerId, Slots.Slot slot, String tag) {
        Map<String, Object> body = new HashMap<>();
        body.put("resourceId", resourceId);
        body.put("partnerId", partnerId);
        body.put("start", slot.start().toString());
        body.put("end", slot.end().toString());
        body.put("title", "Babycafé [" + tag + "]");
        body.put("purpose", "Unge mødre mødes");
        body.put("attendees", 12);
        body.put("targetGroup", "Småbørnsfamilier");
        body.put("visibility", "PUBLIC");
        return post("/api/bookings", body);
    }

    /** The database server and its version, e.g. "jdbc:postgresql://127.0.0.1:5432 (PostgreSQL 15.8)". */
    String postgres() {
        String url = context.getEnvironment().getProperty("spring.datasource.url", "?");
        return url.replaceAll("/[^/]*$", "") + " (PostgreSQL " + jdbc.sql("SHOW server_version").query(String.class).single() + ")";
    }

    // ------------------------------------------------------------------ Axon

    EventStore eventStore() {
        return context.getBean("eventStore", EventStore.class);
    }

    private List<StreamingEventProcessor> streamingProcessors() {
        List<StreamingEventProcessor> processors = new ArrayList<>();
        for (EventProcessor processor : context.getBean(EventProcessingConfiguration.class).eventProcessors().values()) {
            if (processor instanceof StreamingEventProcessor streaming) {
                processors.add(streaming);
            }
        }
        // The calendar runs outside Axon's processor configuration, one processor per generation.
        context.getBeansOfType(ProjectionReplay.class).values().forEach(replay -> processors.addAll(replay.localProcessors()));
        return processors;
    }

    /** How many stored events the slowest streaming processor (the Kafka publisher or the calendar projection) has yet to handle. */
    long processorLag() {
        long head = eventStore().createHeadToken().position().orElse(-1);
        long slowest = head;
        for (StreamingEventProcessor processor : streamingProcessors()) {
            for (var status : processor.processingStatus().values()) {
                slowest = Math.min(slowest, status.getCurrentPosition().orElse(-1));
            }
        }
        return Math.max(0, head - slowest);
    }

    /** Waits until every streaming processor has handled every stored event; returns how long that took (ms). */
    long awaitProcessorsCaughtUp(Duration timeout) {
        long start = System.nanoTime();
        while (processorLag() > 0) {
            if (System.nanoTime() - start > timeout.toNanos()) {
                throw new AssertionError("Streaming processors still " + processorLag() + " events behind after " + timeout);
            }
            sleep(50);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    void stopStreamingProcessors() {
        streamingProcessors().forEach(StreamingEventProcessor::shutDown);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Future slots that never overlap, per resource: 45 minutes on the hour from 08:00 to 21:45 (so the
     * 15-minute cleaning buffer just fits between them), 14 a day, from the day after tomorrow on.
     */
    static final class Slots {

        record Slot(LocalDateTime start, LocalDateTime end) {
        }

        private static final int PER_DAY = 14;
        private final LocalDate firstDay;
        private final Map<String, AtomicInteger> next = new ConcurrentHashMap<>();

        Slots(LocalDate today) {
            this.firstDay = today.plusDays(2);
        }

        Slot next(String resourceId) {
            int n = next.computeIfAbsent(resourceId, id -> new AtomicInteger()).getAndIncrement();
            LocalDateTime start = firstDay.plusDays(n / PER_DAY).atTime(8 + n % PER_DAY, 0);
            return new Slot(start, start.plusMinutes(45));
        }
    }
}
