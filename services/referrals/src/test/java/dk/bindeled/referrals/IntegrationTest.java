package dk.bindeled.referrals;

import com.fasterxml.jackson.databind.JsonNode;
import dk.bindeled.events.EventJson;
import dk.bindeled.testsupport.TestInfrastructure;
import dk.bindeled.testsupport.TestIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Base of the integration tests: the whole service on a random port, against a real Kafka broker and
 * a real PostgreSQL database of its own (see {@link TestInfrastructure}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.defaults.metrics.export.enabled=true"})
public abstract class IntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.springProperties("referrals").forEach((key, value) -> registry.add(key, () -> value));
        // Each test context (on its own database) reads the partner topic in a consumer group of its own.
        String group = "referrals-" + UUID.randomUUID();
        registry.add("spring.kafka.consumer.group-id", () -> group);
    }

    @LocalServerPort
    protected int port;

    /** Actuator listens on a port of its own, never on the API's. */
    @LocalManagementPort
    protected int managementPort;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected org.springframework.core.env.Environment environment;

    /** Another instance of the service on the same database and broker, with these extra properties ({@code key=value}). */
    protected org.springframework.context.ConfigurableApplicationContext secondInstance(Class<?> extra, String... properties) {
        List<String> args = new ArrayList<>();
        for (String key : List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                "spring.kafka.bootstrap-servers", "spring.kafka.consumer.group-id", "bindeled.security.issuer-uri", "bindeled.security.jwk-set-uri")) {
            if (environment.getProperty(key) != null) {
                args.add("--" + key + "=" + environment.getProperty(key));
            }
        }
        args.add("--server.port=0");
        args.add("--management.server.port=0");
        for (String property : properties) {
            args.add("--" + property);
        }
        return new org.springframework.boot.builder.SpringApplicationBuilder(ReferralsApplication.class, extra).run(args.toArray(String[]::new));
    }

    protected record Response(int status, String contentType, JsonNode body, String text, org.springframework.http.HttpHeaders headers) {
    }

    protected Response call(HttpMethod method, String path, Object body) {
        return call(path.startsWith("/actuator") ? managementPort : port, method, path, body);
    }

    /** The tokens' issuer; created with the class, so the service under test checks its tokens. */
    protected static final TestIssuer ISSUER = TestIssuer.shared();

    /** Who the tests act as unless they say otherwise: the platform admin, the actor on every event. */
    protected static final String ACTOR = "tovholder@test";

    /** A worker of an organisation, with the token's org claim. */
    protected static String tokenOf(String subject, java.util.UUID org, String role) {
        return ISSUER.token(TestIssuer.caller(subject).org(org).roles(role));
    }

    protected Response call(int targetPort, HttpMethod method, String path, Object body) {
        return callAs(ISSUER.token(TestIssuer.admin(ACTOR)), targetPort, method, path, body);
    }

    /** Sent with this bearer token ({@code null}: none). */
    protected Response callAs(String token, HttpMethod method, String path, Object body) {
        return callAs(token, path.startsWith("/actuator") ? managementPort : port, method, path, body);
    }

    protected Response callAs(String token, int targetPort, HttpMethod method, String path, Object body) {
        return send(token == null ? Map.of() : Map.of("Authorization", "Bearer " + token), targetPort, method, path, body);
    }

    /** A status link opened as by someone without an account: no bearer token, the link's token in its header. */
    protected Response openStatusLink(String linkToken) {
        return send(linkToken == null ? Map.of() : Map.of("Status-Link-Token", linkToken), port, HttpMethod.GET, "/api/status-link", null);
    }

    private Response send(Map<String, String> headers, int targetPort, HttpMethod method, String path, Object body) {
        RestClient client = RestClient.create("http://127.0.0.1:" + targetPort);
        RestClient.RequestBodySpec spec = client.method(method).uri(path);
        for (Map.Entry<String, String> header : headers.entrySet()) {
            spec = spec.header(header.getKey(), header.getValue());
        }
        if (body != null) {
            spec = spec.contentType(MediaType.APPLICATION_JSON).body(body instanceof String s ? s : json(body));
        }
        return spec.exchange((request, response) -> {
            String text = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
            String type = response.getHeaders().getContentType() == null ? null : response.getHeaders().getContentType().toString();
            boolean json = type != null && type.contains("json") && !text.isEmpty();
            return new Response(response.getStatusCode().value(), type, json ? EventJson.mapper().readTree(text) : null, text, response.getHeaders());
        });
    }

    private static org.apache.kafka.clients.producer.KafkaProducer<String, byte[]> producer;

    /** Publishes an event of the partner registry's topic, as the registry would. */
    protected static synchronized void publishPartnerEvent(dk.bindeled.events.IntegrationEvent event) {
        if (producer == null) {
            producer = new org.apache.kafka.clients.producer.KafkaProducer<>(Map.of(org.apache.kafka.clients.producer.ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    TestInfrastructure.kafka().bootstrapServers()), new org.apache.kafka.common.serialization.StringSerializer(),
                    new org.apache.kafka.common.serialization.ByteArraySerializer());
        }
        dk.bindeled.events.cloudevents.CloudEventCodec codec = new dk.bindeled.events.cloudevents.CloudEventCodec(
                dk.bindeled.events.partner.v1.PartnerEventsV1.CATALOG, dk.bindeled.events.partner.v1.PartnerEventsV1.SOURCE);
        try {
            producer.send(codec.toRecord(event, UUID.randomUUID().toString(), java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC))).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish " + event, e);
        }
    }

    /** A partner and one offer of it, published on the partner topic; waits until the replica knows the offer. */
    protected void offer(UUID partner, String partnerName, String offerId, String title, Integer available,
                         dk.bindeled.events.partner.v1.TargetGroup... groups) {
        offer(partner, partnerName, offerId, title, available, null, groups);
    }

    /** The same, the offer with the referral terms its partner commits to. */
    protected void offer(UUID partner, String partnerName, String offerId, String title, Integer available,
                         dk.bindeled.events.partner.v1.ReferralTerms terms, dk.bindeled.events.partner.v1.TargetGroup... groups) {
        publishPartnerEvent(new dk.bindeled.events.partner.v1.PartnerRegistered(partner.toString(), partnerName,
                dk.bindeled.events.partner.v1.Sector.PUBLIC, dk.bindeled.events.partner.v1.PartnerKind.MUNICIPAL_DEPARTMENT, null, null, null, null, null));
        publishPartnerEvent(new dk.bindeled.events.partner.v1.OfferPublished(partner.toString(), offerId, title, null, List.of(groups), null, null,
                List.of("da"), null, List.of(), null, available == null ? null : new dk.bindeled.events.partner.v1.Capacity(Math.max(available, 10), available),
                dk.bindeled.events.partner.v1.OfferStatus.ACTIVE, terms));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM offer_replica WHERE offer_id = ? AND " + (available == null ? "capacity_available IS NULL" : "capacity_available = " + available))
                .param(offerId).query(Long.class).single() == 1);
    }

    protected long storedEvents() {
        return jdbc.sql("SELECT COUNT(*) FROM domain_event_entry").query(Long.class).single();
    }

    protected static String json(Object body) {
        try {
            return EventJson.mapper().writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the topic from the start with a fresh group until a record matching the predicate arrives. */
    protected static List<ConsumerRecord<String, byte[]>> consumeUntil(String topic, Predicate<List<ConsumerRecord<String, byte[]>>> done,
                                                                      Duration timeout) {
        return dk.bindeled.testsupport.TopicRecords.until(topic, done, timeout);
    }
}
