package dk.bindeled.partner;

import com.fasterxml.jackson.databind.JsonNode;
import dk.bindeled.events.EventJson;
import dk.bindeled.testsupport.TestInfrastructure;
import dk.bindeled.testsupport.TestIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
        properties = {"management.defaults.metrics.export.enabled=true", "bindeled.axon.snapshot-threshold=20"})
public abstract class IntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.springProperties("partner_registry").forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    protected int port;

    /** Actuator listens on a port of its own, never on the API's. */
    @LocalManagementPort
    protected int managementPort;

    @Autowired
    protected JdbcClient jdbc;

    protected record Response(int status, String contentType, JsonNode body, String text) {
    }

    protected Response call(HttpMethod method, String path, Object body) {
        return call(path.startsWith("/actuator") ? managementPort : port, method, path, body);
    }

    /** The tokens' issuer; created with the class, so the service under test checks its tokens. */
    protected static final TestIssuer ISSUER = TestIssuer.shared();

    /** Who the tests act as unless they say otherwise: the platform admin, the actor on every event. */
    protected static final String ACTOR = "tovholder@test";

    protected Response call(int targetPort, HttpMethod method, String path, Object body) {
        return callAs(ISSUER.token(TestIssuer.admin(ACTOR)), targetPort, method, path, body);
    }

    /** Sent with this bearer token ({@code null}: none). */
    protected Response callAs(String token, HttpMethod method, String path, Object body) {
        return callAs(token, path.startsWith("/actuator") ? managementPort : port, method, path, body);
    }

    protected Response callAs(String token, int targetPort, HttpMethod method, String path, Object body) {
        RestClient client = RestClient.create("http://127.0.0.1:" + targetPort);
        RestClient.RequestBodySpec spec = client.method(method).uri(path);
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
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

    protected String register(Map<String, Object> profile) {
        Response response = call(HttpMethod.POST, "/api/partners", profile);
        if (response.status() != 201) {
            throw new AssertionError("Registration failed: " + response.status() + " " + response.text());
        }
        return response.body().get("id").asText();
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
