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
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Base of the integration tests: the whole service on a random port, against a real Kafka broker and a
 * real PostgreSQL database of its own (see {@link TestInfrastructure}). Partners reach the service the
 * way they do in production: as CloudEvents on {@code bindeled.partner.v1}.
 * <p>
 * The service's clock is fixed, so bookings are "in the future" whatever day the tests run ({@link ServiceTestSupport#NOW}).
 */
@Import(FixedClock.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.defaults.metrics.export.enabled=true", "bindeled.axon.snapshot-threshold=20"})
public abstract class IntegrationTest extends ServiceTestSupport {

    @Autowired
    private Environment environment;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.springProperties("room_booking").forEach((key, value) -> registry.add(key, () -> value));
        // Each test context is a service of its own on its own database: it must see every partner event itself,
        // not share the topic's partitions with another cached context.
        String group = "room-booking-" + UUID.randomUUID();
        registry.add("spring.kafka.consumer.group-id", () -> group);
    }

    /** A second instance of the service on the same database, broker and consumer group, on a port of its own. */
    protected ConfigurableApplicationContext secondInstance() {
        return secondInstance(new String[0]);
    }

    /** A second instance as above, with these extra properties ({@code key=value}). */
    protected ConfigurableApplicationContext secondInstance(String... properties) {
        List<String> args = new ArrayList<>();
        for (String key : List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                "spring.kafka.bootstrap-servers", "spring.kafka.consumer.group-id", "bindeled.axon.snapshot-threshold")) {
            args.add("--" + key + "=" + environment.getProperty(key));
        }
        args.add("--server.port=0");
        args.add("--management.server.port=0");
        for (String property : properties) {
            args.add("--" + property);
        }
        return new SpringApplicationBuilder(RoomBookingApplication.class, FixedClock.class).run(args.toArray(String[]::new));
    }

    protected static int portOf(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
