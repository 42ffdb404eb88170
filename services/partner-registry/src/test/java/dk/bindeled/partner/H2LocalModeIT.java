package dk.bindeled.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.bindeled.events.Topics;
import dk.bindeled.testsupport.TestInfrastructure;
import dk.bindeled.testsupport.TestIssuer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * The local stack's default: the service on an H2 database in PostgreSQL mode (here in memory), with
 * the real broker. Axon's tables and the Flyway read model must both come up, and the whole flow work.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class H2LocalModeIT {

    @DynamicPropertySource
    static void h2(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:local-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        TestIssuer.shared().springProperties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void registersProjectsAndPublishesOnH2() {
        RestClient client = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", "Bearer " + TestIssuer.shared().token(TestIssuer.admin("tovholder@test"))).build();
        String body = IntegrationTest.json(Fixtures.profile("Kvarterhuset på Motalavej", Fixtures.CVR_A));
        String id = client.post().uri("/api/partners").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(java.util.Map.class).get("id").toString();
        int duplicate = client.method(HttpMethod.POST).uri("/api/partners").contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange((request, response) -> response.getStatusCode().value());
        assertThat(duplicate).isEqualTo(409);

        List<String> binaryColumns = jdbc.sql("""
                SELECT UPPER(data_type) || ' ' || COALESCE(character_maximum_length, -1) FROM information_schema.columns
                WHERE table_name = 'domain_event_entry' AND column_name IN ('payload', 'meta_data')""").query(String.class).list();
        // Variable-length binary of H2's full range, never a fixed BINARY or a BLOB.
        assertThat(binaryColumns).containsOnly("BINARY VARYING 1000000000");

        // The projection follows the store: until its processor has claimed its segments and caught up, the partner is 404.
        await().atMost(Duration.ofSeconds(10)).ignoreExceptionsInstanceOf(HttpClientErrorException.NotFound.class).untilAsserted(() ->
                assertThat(client.get().uri("/api/partners/" + id).retrieve().body(String.class)).contains("Motalavej"));
        assertThat(IntegrationTest.consumeUntil(Topics.PARTNER_V1, rs -> rs.stream().anyMatch(r -> id.equals(r.key())),
                Duration.ofSeconds(30))).anyMatch(r -> id.equals(r.key()));
    }
}
