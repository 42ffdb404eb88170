package dk.bindeled.booking;

import com.fasterxml.jackson.databind.JsonNode;
import dk.bindeled.events.EventJson;
import dk.bindeled.events.IntegrationEvent;
import dk.bindeled.events.Topics;
import dk.bindeled.events.cloudevents.CloudEventCodec;
import dk.bindeled.events.partner.v1.MembershipRole;
import dk.bindeled.events.partner.v1.PartnerEventsV1;
import dk.bindeled.events.partner.v1.PartnerJoinedCentre;
import dk.bindeled.events.partner.v1.PartnerKind;
import dk.bindeled.events.partner.v1.PartnerRegistered;
import dk.bindeled.events.partner.v1.Sector;
import dk.bindeled.testsupport.TestIssuer;
import dk.bindeled.testsupport.TestIssuer.TestCaller;
import dk.bindeled.testsupport.TestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * What the integration tests do with a running service: call its API, make partners known through the
 * partner topic, read Kafka. The Spring context and its database come from the subclass.
 */
public abstract class ServiceTestSupport {

    public static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");
    /** Monday 1 March 2027, 09:00 in Copenhagen. */
    public static final Instant NOW = LocalDateTime.of(2027, 3, 1, 9, 0).atZone(ZONE).toInstant();

    /** The tokens' issuer; created with the class, so every service a test starts checks its tokens. */
    protected static final TestIssuer ISSUER = TestIssuer.shared();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected record Response(int status, String contentType, JsonNode body, String text) {
    }

    // ------------------------------------------------------------------ callers (real RS256 tokens)

    /** The platform's admin: sets up centres, replays projections, books for nobody. */
    protected static TestCaller admin() {
        return TestIssuer.admin("admin@test");
    }

    /** The manager of these centres (the house manager, husleder): sets them up, books on behalf, approves. */
    protected static TestCaller managerOf(String... centres) {
        return TestIssuer.caller("husleder@test").roles("centre-manager").centres(centres);
    }

    /** Staff of these centres: book, move and cancel on behalf of their partners; never approve. */
    protected static TestCaller staffOf(String... centres) {
        return TestIssuer.caller("personale@test").roles("centre-staff").centres(centres);
    }

    /** A member of the partner: books, moves and cancels for it alone, answers its waitlist offers. */
    protected static TestCaller memberOf(String partnerId) {
        return TestIssuer.caller("medlem-" + partnerId.substring(0, 8) + "@test").roles("partner-member").org(UUID.fromString(partnerId));
    }

    /** Every centre this test made through {@link #centre}: the default caller manages them all. */
    private final Set<String> centresMade = ConcurrentHashMap.newKeySet();

    /**
     * The caller of {@link #call}: the manager of every centre this test has made, as the tests were written for the
     * house manager (they sent {@code X-Bindeled-Actor: husleder@test} before sign-in existed). A test that needs
     * someone else says so with {@link #callAs}.
     */
    protected TestCaller houseManager() {
        return managerOf(centresMade.toArray(String[]::new));
    }

    protected String actorToken() {
        return ISSUER.token(houseManager());
    }

    protected Response call(HttpMethod method, String path, Object body) {
        return callAs(port, houseManager(), method, path, body);
    }

    protected Response call(int port, HttpMethod method, String path, Object body) {
        return callAs(port, houseManager(), method, path, body);
    }

    protected Response callAs(TestCaller caller, HttpMethod method, String path, Object body) {
        return callAs(port, caller, method, path, body);
    }

    protected static Response callAs(int port, TestCaller caller, HttpMethod method, String path, Object body) {
        RestClient client = RestClient.create("http://127.0.0.1:" + port);
        RestClient.RequestBodySpec spec = client.method(method).uri(path);
        if (caller != null) {
            spec = spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + ISSUER.token(caller));
        }
        if (body != null) {
            spec = spec.contentType(MediaType.APPLICATION_JSON).body(body instanceof String s ? s : json(body));
        }
        return spec.exchange((request, response) -> {
            String text = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
            String type = response.getHeaders().getContentType() == null ? null : response.getHeaders().getContentType().toString();
            boolean json = type != null && type.contains("json") && !text.isEmpty();
            return new Response(response.getStatusCode().value(), type, json ? EventJson.mapper().readTree(text) : null, text);
        });
    }

    protected Response expect(int status, Response response) {
        if (response.status() != status) {
            throw new AssertionError("Expected " + status + " but got " + response.status() + ": " + response.text());
        }
        return response;
    }

    // ------------------------------------------------------------------ set-up through the API and the partner topic

    /** A centre open 08–22 every day, with a 48-hour notice period and Tuesday/Thursday 16–20 as peak time. */
    protected String centre(String prefix) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        centresMade.add(id);
        List<Map<String, Object>> hours = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            hours.add(Map.of("day", day, "opens", "08:00", "closes", "22:00"));
        }
        expect(201, callAs(admin(), HttpMethod.POST, "/api/centres", Map.of("id", id, "name", "Kvarterhuset på Motalavej",
                "address", "Motalavej, 4220 Korsør", "openingHours", hours, "cancellationNoticeHours", 48,
                "peakHours", List.of(Map.of("day", "TUESDAY", "from", "16:00", "to", "20:00"),
                        Map.of("day", "THURSDAY", "from", "16:00", "to", "20:00")))));
        return id;
    }

    protected String room(String centreId, String name, int capacity, boolean approvalRequired) {
        Map<String, Object> rules = new HashMap<>();
        rules.put("access", "ALL_CENTRE_PARTNERS");
        rules.put("approvalRequired", approvalRequired);
        rules.put("maxLengthMinutes", 480);
        rules.put("maxDaysAhead", 400);
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("kind", "ROOM");
        body.put("capacity", capacity);
        body.put("features", List.of("kitchen", "projector"));
        body.put("cleaningBufferMinutes", 15);
        body.put("rules", rules);
        return expect(201, call(HttpMethod.POST, "/api/centres/" + centreId + "/resources", body)).body().get("id").asText();
    }

    /** Registers a partner in the registry's topic, joins it to the centre, and waits until the replica knows it. */
    protected String partner(String name, String centreId) {
        String id = UUID.randomUUID().toString();
        publishPartnerEvent(new PartnerRegistered(id, name, Sector.THIRD_SECTOR, PartnerKind.ASSOCIATION, null, null, null, null, null));
        publishPartnerEvent(new PartnerJoinedCentre(id, centreId, "Centret", MembershipRole.RESIDENT_ACTOR));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM partner_replica_centre WHERE partner_id = ? AND centre_id = ?").params(id, centreId)
                .query(Long.class).single() == 1);
        return id;
    }

    private static KafkaProducer<String, byte[]> producer;

    protected static void publishPartnerEvent(IntegrationEvent event) {
        publish(new CloudEventCodec(PartnerEventsV1.CATALOG, PartnerEventsV1.SOURCE), event);
    }

    /** Publishes an event of another service's topic (the codec's), as that service would: a CloudEvent, acknowledged. */
    protected static synchronized void publish(CloudEventCodec codec, IntegrationEvent event) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers()),
                    new StringSerializer(), new ByteArraySerializer());
        }
        try {
            producer.send(codec.toRecord(event, UUID.randomUUID().toString(), OffsetDateTime.now(ZoneOffset.UTC))).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish " + event, e);
        }
    }

    protected static Map<String, Object> booking(String resourceId, String partnerId, LocalDateTime start, LocalDateTime end) {
        Map<String, Object> body = new HashMap<>();
        body.put("resourceId", resourceId);
        body.put("partnerId", partnerId);
        body.put("start", start.toString());
        body.put("end", end.toString());
        body.put("title", "Babycafé med sundhedsplejersken");
        body.put("purpose", "Unge mødre mødes");
        body.put("attendees", 12);
        body.put("targetGroup", "Småbørnsfamilier");
        body.put("visibility", "PUBLIC");
        return body;
    }

    protected long storedEvents(String aggregateId) {
        return jdbc.sql("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?").param(aggregateId).query(Long.class).single();
    }

    protected static String json(Object body) {
        try {
            return EventJson.mapper().writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the topic from the start with a fresh group until the predicate holds. */
    protected static List<ConsumerRecord<String, byte[]>> consumeUntil(String topic, Predicate<List<ConsumerRecord<String, byte[]>>> done,
                                                                      Duration timeout) {
        return dk.bindeled.testsupport.TopicRecords.until(topic, done, timeout);
    }

    protected static final String BOOKING_TOPIC = Topics.BOOKING_V1;
}
