package dk.bindeled.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.bindeled.events.IntegrationEvent;
import dk.bindeled.events.Topics;
import dk.bindeled.events.booking.v1.BookingEvent;
import dk.bindeled.events.booking.v1.BookingEventsV1;
import dk.bindeled.events.cloudevents.CloudEventCodec;
import dk.bindeled.events.logbook.v1.LogbookEvent;
import dk.bindeled.events.logbook.v1.LogbookEventsV1;
import dk.bindeled.events.partner.v1.PartnerEventsV1;
import dk.bindeled.events.partner.v1.PartnerKind;
import dk.bindeled.events.partner.v1.PartnerRegistered;
import dk.bindeled.events.partner.v1.Sector;
import dk.bindeled.events.referral.v1.ReferralEvent;
import dk.bindeled.events.referral.v1.ReferralEventsV1;
import dk.bindeled.kafka.DeadLetters;
import dk.bindeled.kafka.ServiceTopics;
import dk.bindeled.testsupport.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service on a random port against the real broker and PostgreSQL. The topic carries the events
 * of earlier test classes too: tests use unique ids and compare against a baseline taken once the consumer
 * has caught up.
 *
 * <p>Each class closes its application while the broker still runs (the broker stops in a JVM shutdown hook,
 * and a consumer left open then would wait for it to come back).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.defaults.metrics.export.enabled=true")
@DirtiesContext
public abstract class DashboardIntegrationTest {

    protected static final CloudEventCodec CODEC = new CloudEventCodec(PartnerEventsV1.CATALOG, PartnerEventsV1.SOURCE);
    protected static final CloudEventCodec BOOKING_CODEC = new CloudEventCodec(BookingEventsV1.CATALOG, BookingEventsV1.SOURCE);
    protected static final CloudEventCodec REFERRAL_CODEC = new CloudEventCodec(ReferralEventsV1.CATALOG, ReferralEventsV1.SOURCE);
    protected static final CloudEventCodec LOGBOOK_CODEC = new CloudEventCodec(LogbookEventsV1.CATALOG, LogbookEventsV1.SOURCE);
    /** Every topic the dashboard consumes. */
    protected static final List<String> TOPICS = List.of(Topics.PARTNER_V1, Topics.BOOKING_V1, Topics.REFERRAL_V1, Topics.LOGBOOK_V1);
    protected static final ObjectMapper JSON = JsonMapper.builder().build();

    private static KafkaProducer<String, byte[]> producer;
    private static Admin admin;

    @LocalServerPort
    protected int port;

    /** Actuator listens on a port of its own, never on the API's. */
    @LocalManagementPort
    protected int managementPort;

    @Value("${spring.kafka.consumer.group-id}")
    protected String groupId;

    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.springProperties("dashboard").forEach((name, value) -> registry.add(name, () -> value));
        // Its own consumer group, so it reads the topic from the start whatever earlier test JVMs consumed.
        String group = "dashboard-it-" + UUID.randomUUID();
        registry.add("spring.kafka.consumer.group-id", () -> group);
    }

    @BeforeAll
    static void clients() {
        String servers = TestInfrastructure.kafka().bootstrapServers();
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer = new KafkaProducer<>(producerConfig);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers));
    }

    @AfterAll
    static void closeClients() {
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }

    /** Publishes an event as the partner registry, room booking, referrals or the meeting logbook would; returns its CloudEvent id. */
    protected static String publish(IntegrationEvent event) {
        return publish(event, UUID.randomUUID().toString());
    }

    /** Publishes an event with a CloudEvent id chosen by the test; returns the id. */
    protected static String publish(IntegrationEvent event, String id) {
        send(codec(event).toRecord(event, id, OffsetDateTime.now(ZoneOffset.UTC)));
        return id;
    }

    protected static CloudEventCodec codec(IntegrationEvent event) {
        if (event instanceof BookingEvent) {
            return BOOKING_CODEC;
        }
        if (event instanceof ReferralEvent) {
            return REFERRAL_CODEC;
        }
        return event instanceof LogbookEvent ? LOGBOOK_CODEC : CODEC;
    }

    protected static void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not publish to " + record.topic(), e);
        }
    }

    protected static PartnerRegistered newPartner(String name) {
        return new PartnerRegistered(UUID.randomUUID().toString(), name, Sector.THIRD_SECTOR, PartnerKind.ASSOCIATION,
                null, "Frivillig forening", null, null, null);
    }

    /**
     * Waits until the dashboard's consumer group has committed every record on the topics it consumes: all
     * that was published before this call has been applied (or dead-lettered).
     */
    protected void awaitCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).until(this::caughtUp);
    }

    private boolean caughtUp() throws Exception {
        List<TopicPartition> partitions = admin.describeTopics(TOPICS).allTopicNames().get().entrySet().stream()
                .flatMap(topic -> topic.getValue().partitions().stream().map(p -> new TopicPartition(topic.getKey(), p.partition())))
                .toList();
        Map<TopicPartition, Long> ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
        return partitions.stream().allMatch(p -> {
            OffsetAndMetadata offset = committed.get(p);
            return (offset == null ? 0L : offset.offset()) >= ends.get(p);
        });
    }

    protected JsonNode getJson(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    protected HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        }
    }

    protected URI uri(String path) {
        return URI.create("http://localhost:" + (path.startsWith("/actuator") ? managementPort : port) + path);
    }

    protected JsonNode overview() {
        return getJson("/api/overview?changes=100");
    }

    protected static boolean hasChange(JsonNode overview, String summary) {
        for (JsonNode change : overview.get("latestChanges")) {
            if (summary.equals(change.get("summary").asString())) {
                return true;
            }
        }
        return false;
    }

    /** Reads a dead-letter topic from the start until the expected number of records with the key are there. */
    protected static List<ConsumerRecord<String, byte[]>> deadLetters(String topic, String key, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(ServiceTopics.deadLetterTopic(topic, "dashboard")));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                }
                return found.size() >= expected;
            });
        }
        return found;
    }

    /**
     * Every record with the key on a dead-letter topic, read from the start to the end offsets of the moment
     * of the call: also says that there is none.
     */
    protected static List<ConsumerRecord<String, byte[]>> allDeadLetters(String topic, String key) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(ServiceTopics.deadLetterTopic(topic, "dashboard"), Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
            });
        }
        return found;
    }

    protected static String deadLetterReason(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(DeadLetters.REASON_HEADER);
        assertThat(header).as("reason header on the dead-lettered record").isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
