package dk.bindeled.logbook;

import com.fasterxml.jackson.databind.JsonNode;
import dk.bindeled.events.EventJson;
import dk.bindeled.testsupport.TestInfrastructure;
import dk.bindeled.testsupport.TestIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/** Base of the integration tests: the whole service on a random port, on a real PostgreSQL database of its own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.springProperties("meeting-logbook").forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected static final TestIssuer ISSUER = TestIssuer.shared();

    protected record Response(int status, String contentType, JsonNode body, String text) {
    }

    /** A worker of an organisation, with the token's org claim. */
    protected static String tokenOf(String subject, UUID org, String role) {
        return ISSUER.token(TestIssuer.caller(subject).org(org).roles(role));
    }

    protected Response callAs(String token, HttpMethod method, String path, Object body) {
        RestClient.RequestBodySpec spec = RestClient.create("http://127.0.0.1:" + port).method(method).uri(path);
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            spec = spec.contentType(MediaType.APPLICATION_JSON).body(json(body));
        }
        return spec.exchange((request, response) -> {
            String text = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
            String type = response.getHeaders().getContentType() == null ? null : response.getHeaders().getContentType().toString();
            boolean json = type != null && type.contains("json") && !text.isEmpty();
            return new Response(response.getStatusCode().value(), type, json ? EventJson.mapper().readTree(text) : null, text);
        });
    }

    protected static Response expect(int status, Response response) {
        if (response.status() != status) {
            throw new AssertionError("Expected " + status + " but got " + response.status() + ": " + response.text());
        }
        return response;
    }

    protected long storedEvents() {
        return jdbc.sql("SELECT COUNT(*) FROM domain_event_entry").query(Long.class).single();
    }

    protected static String json(Object body) {
        try {
            return body instanceof String s ? s : EventJson.mapper().writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static org.apache.kafka.clients.producer.KafkaProducer<String, byte[]> producer;

    /** Publishes another service's event (the codec's topic) as that service would: a CloudEvent, acknowledged. */
    protected static synchronized void publish(dk.bindeled.events.cloudevents.CloudEventCodec codec, dk.bindeled.events.IntegrationEvent event) {
        if (producer == null) {
            producer = new org.apache.kafka.clients.producer.KafkaProducer<>(java.util.Map.of(
                    org.apache.kafka.clients.producer.ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers()),
                    new org.apache.kafka.common.serialization.StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer());
        }
        try {
            producer.send(codec.toRecord(event, UUID.randomUUID().toString(), java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC))).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish " + event, e);
        }
    }
}
