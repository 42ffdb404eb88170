package dk.bindeled.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dk.bindeled.dashboard.query.PartnerProjection;
import dk.bindeled.dashboard.web.InProcessChangeRelay;
import dk.bindeled.dashboard.web.PostgresChangeRelay;
import dk.bindeled.events.Topics;
import dk.bindeled.events.partner.v1.PartnerRegistered;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * On H2, the local run's database, there is one instance: committed changes are pushed in process, after
 * commit, and no PostgreSQL listener is started. Kafka is not needed for this: the event is applied directly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:dashboard_push;MODE=PostgreSQL;DB_CLOSE_DELAY=-1",
        "spring.kafka.listener.auto-startup=false",
        "spring.kafka.admin.auto-create=false"})
class InProcessPushH2Test {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    PartnerProjection projection;

    @Test
    void onH2TheChangeIsPushedInProcessAfterCommit() throws Exception {
        assertThat(context.getBeansOfType(InProcessChangeRelay.class)).hasSize(1);
        assertThat(context.getBeansOfType(PostgresChangeRelay.class)).isEmpty();
        PartnerRegistered partner = DashboardIntegrationTest.newPartner("Lokalt hus " + UUID.randomUUID());
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> sent = DashboardIntegrationTest.CODEC.toRecord(partner, id, OffsetDateTime.now(ZoneOffset.UTC));
        ConsumerRecord<String, byte[]> received = new ConsumerRecord<>(Topics.PARTNER_V1, 0, 0L, System.currentTimeMillis(),
                TimestampType.CREATE_TIME, -1, -1, sent.key(), sent.value(), sent.headers(), Optional.empty());

        try (SseClient client = new SseClient(HttpClient.newHttpClient(), URI.create("http://localhost:" + port + "/api/stream"))) {
            client.next(e -> e.name().equals("overview"), WAIT);

            projection.apply(Topics.PARTNER_V1, DashboardIntegrationTest.CODEC.read(received));

            SseClient.Event change = client.next(e -> e.name().equals("change") && id.equals(e.id()), WAIT);
            assertThat(change.data()).contains("Ny aktør: " + partner.name());
        }
    }
}
