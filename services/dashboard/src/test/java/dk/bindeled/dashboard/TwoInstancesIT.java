package dk.bindeled.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.bindeled.dashboard.integration.in.ConsumerMetrics;
import dk.bindeled.dashboard.web.PostgresChangeRelay;
import dk.bindeled.events.IntegrationEvent;
import dk.bindeled.events.Topics;
import dk.bindeled.events.booking.v1.CentreDefined;
import dk.bindeled.events.booking.v1.OpeningHours;
import dk.bindeled.events.partner.v1.PartnerRegistered;
import dk.bindeled.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;

/**
 * Two dashboard instances on one PostgreSQL database and one consumer group, as in production: each consumes
 * some partitions, and a browser on either one sees every change, whichever instance consumed it.
 */
class TwoInstancesIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PARTNER_LISTENER = "dashboard-partner-events";
    private static final String BOOKING_LISTENER = "dashboard-booking-events";

    private static String databaseUrl;
    private static String group;
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    private static KafkaProducer<String, byte[]> producer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startTwoInstances() {
        databaseUrl = TestInfrastructure.newDatabase("dashboard_two");
        group = "dashboard-two-" + UUID.randomUUID();
        a = start(databaseUrl, group);
        b = start(databaseUrl, group);
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer = new KafkaProducer<>(config);
    }

    private static ConfigurableApplicationContext start(String databaseUrl, String group) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("management.server.port", "0");
        properties.put("spring.datasource.url", databaseUrl);
        properties.put("spring.datasource.username", TestInfrastructure.databaseUser());
        properties.put("spring.datasource.password", TestInfrastructure.databasePassword());
        properties.put("spring.kafka.bootstrap-servers", TestInfrastructure.kafka().bootstrapServers());
        properties.put("spring.kafka.consumer.group-id", group);
        properties.put("management.defaults.metrics.export.enabled", "true");
        // As arguments: builder properties are only defaults, below application.yml.
        String[] arguments = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(DashboardApplication.class).run(arguments);
    }

    /** Closed while the broker still runs, so no consumer waits for it at JVM exit. */
    @AfterAll
    static void stop() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    @Test
    void aChangeConsumedByOneInstanceReachesTheBrowsersOfBoth() throws Exception {
        List<Integer> owned = awaitPartitionsSplit(PARTNER_LISTENER, Topics.PARTNER_V1);
        int partitionOfA = owned.get(0);
        int partitionOfB = owned.get(1);

        try (SseClient onA = new SseClient(http, uri(a, "/api/stream")); SseClient onB = new SseClient(http, uri(b, "/api/stream"))) {
            onA.next(e -> e.name().equals("overview"), WAIT);
            onB.next(e -> e.name().equals("overview"), WAIT);

            double appliedOnA = applied(a);
            double appliedOnB = applied(b);
            PartnerRegistered consumedByA = DashboardIntegrationTest.newPartner("Beboerforeningen A " + UUID.randomUUID());
            String idA = publish(Topics.PARTNER_V1, partitionOfA, consumedByA);

            for (SseClient client : List.of(onB, onA)) {
                JsonNode message = DashboardIntegrationTest.JSON.readTree(
                        client.next(e -> e.name().equals("change") && idA.equals(e.id()), WAIT).data());
                assertThat(message.get("change").get("summary").asString()).isEqualTo("Ny aktør: " + consumedByA.name());
                assertThat(DashboardIntegrationTest.hasChange(message.get("overview"), "Ny aktør: " + consumedByA.name())).isTrue();
            }
            assertThat(applied(a)).as("instance A consumed it").isEqualTo(appliedOnA + 1);
            assertThat(applied(b)).as("instance B did not").isEqualTo(appliedOnB);

            PartnerRegistered consumedByB = DashboardIntegrationTest.newPartner("Beboerforeningen B " + UUID.randomUUID());
            String idB = publish(Topics.PARTNER_V1, partitionOfB, consumedByB);

            onA.next(e -> e.name().equals("change") && idB.equals(e.id()), WAIT);
            onB.next(e -> e.name().equals("change") && idB.equals(e.id()), WAIT);
            assertThat(applied(b)).as("instance B consumed it").isEqualTo(appliedOnB + 1);
            assertThat(applied(a)).as("instance A did not").isEqualTo(appliedOnA + 1);
        }
    }

    @Test
    void anInfoScreenOnOneInstanceFollowsAChangeConsumedByTheOther() throws Exception {
        int partitionOfA = awaitPartitionsSplit(BOOKING_LISTENER, Topics.BOOKING_V1).get(0);
        String centreId = "hus-" + UUID.randomUUID().toString().substring(0, 8);
        publish(Topics.BOOKING_V1, partitionOfA, centre(centreId, "Kvarterhuset før"));
        await().atMost(WAIT).until(() -> get(b, "/api/centres/" + centreId + "/today").statusCode() == 200);

        try (SseClient screenOnB = new SseClient(http, uri(b, "/api/centres/" + centreId + "/stream"))) {
            screenOnB.next(e -> e.name().equals("today") && e.data().contains("Kvarterhuset før"), WAIT);

            publish(Topics.BOOKING_V1, partitionOfA, centre(centreId, "Kvarterhuset efter"));

            JsonNode today = DashboardIntegrationTest.JSON.readTree(
                    screenOnB.next(e -> e.name().equals("today") && e.data().contains("Kvarterhuset efter"), WAIT).data());
            assertThat(today.get("centreName").asString()).isEqualTo("Kvarterhuset efter");
        }
    }

    @Test
    void whenTheListeningConnectionDropsItIsOpenedAgainAndPushesGoOn() throws Exception {
        int partitionOfA = awaitPartitionsSplit(PARTNER_LISTENER, Topics.PARTNER_V1).get(0);
        PostgresChangeRelay relayOfB = b.getBean(PostgresChangeRelay.class);
        await().atMost(WAIT).until(relayOfB::listening);
        int connectionsBefore = relayOfB.connections();

        try (SseClient onB = new SseClient(http, uri(b, "/api/stream"))) {
            onB.next(e -> e.name().equals("overview"), WAIT);

            assertThat(terminateListeningConnections()).as("listening connections ended").isGreaterThanOrEqualTo(2);

            await().atMost(WAIT).until(() -> relayOfB.connections() > connectionsBefore && relayOfB.listening());
            // Anything announced while B was not listening is lost to it, so its subscribers get the state again.
            onB.next(e -> e.name().equals("overview"), WAIT);
            PartnerRegistered partner = DashboardIntegrationTest.newPartner("Efter afbrydelsen " + UUID.randomUUID());
            String id = publish(Topics.PARTNER_V1, partitionOfA, partner);

            onB.next(e -> e.name().equals("change") && id.equals(e.id()), WAIT);
        }
    }

    /** Partitions of the topic owned by A and by B once the group has settled with both: one of each first. */
    private static List<Integer> awaitPartitionsSplit(String listener, String topic) {
        int[] owned = new int[2];
        await().atMost(WAIT).until(() -> {
            Set<Integer> ofA = partitions(a, listener, topic);
            Set<Integer> ofB = partitions(b, listener, topic);
            Set<Integer> overlap = new HashSet<>(ofA);
            overlap.retainAll(ofB);
            if (ofA.isEmpty() || ofB.isEmpty() || !overlap.isEmpty() || ofA.size() + ofB.size() != partitionCount(topic)) {
                return false;
            }
            owned[0] = ofA.iterator().next();
            owned[1] = ofB.iterator().next();
            return true;
        });
        awaitCaughtUp(topic);
        return List.of(owned[0], owned[1]);
    }

    /**
     * The topic is shared with every other test of this JVM, and a new group starts from the earliest offset: the
     * counts that prove which instance consumed a record mean something only once the backlog has been read.
     */
    private static void awaitCaughtUp(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers()))) {
            await().atMost(WAIT).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                for (int p = 0; p < partitionCount(topic); p++) {
                    latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
                }
                return admin.listOffsets(latest).all().get().entrySet().stream().allMatch(end -> {
                    OffsetAndMetadata at = committed.get(end.getKey());
                    return end.getValue().offset() == 0 || (at != null && at.offset() >= end.getValue().offset());
                });
            });
        }
    }

    private static int partitionCount(String topic) {
        return producer.partitionsFor(topic).size();
    }

    private static Set<Integer> partitions(ConfigurableApplicationContext instance, String listener, String topic) {
        MessageListenerContainer container = instance.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer(listener);
        Set<Integer> owned = new HashSet<>();
        if (container != null && container.getAssignedPartitions() != null) {
            for (TopicPartition partition : container.getAssignedPartitions()) {
                if (partition.topic().equals(topic)) {
                    owned.add(partition.partition());
                }
            }
        }
        return owned;
    }

    private static double applied(ConfigurableApplicationContext instance) {
        return instance.getBean(MeterRegistry.class).get(ConsumerMetrics.APPLIED)
                .tag("type", "dk.bindeled.partner.PartnerRegistered.v1").counter().count();
    }

    private static CentreDefined centre(String centreId, String name) {
        List<OpeningHours> hours = List.of(new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(17, 0)));
        return new CentreDefined(centreId, name, "Motalavej 2, 4220 Korsør", "Europe/Copenhagen", null, hours, 48);
    }

    /** To the partition given, so which instance consumes it is known. */
    private static String publish(String topic, int partition, IntegrationEvent event) throws Exception {
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> record = DashboardIntegrationTest.codec(event).toRecord(event, id, OffsetDateTime.now(ZoneOffset.UTC));
        producer.send(new ProducerRecord<>(topic, partition, record.key(), record.value(), record.headers())).get(30, TimeUnit.SECONDS);
        return id;
    }

    private static int terminateListeningConnections() throws Exception {
        try (Connection connection = DriverManager.getConnection(databaseUrl, TestInfrastructure.databaseUser(), TestInfrastructure.databasePassword());
             PreparedStatement terminate = connection.prepareStatement("""
                     SELECT COUNT(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity
                     WHERE datname = current_database() AND application_name = 'dashboard-change-listener'""");
             ResultSet result = terminate.executeQuery()) {
            result.next();
            return result.getInt(1);
        }
    }

    private HttpResponse<String> get(ConfigurableApplicationContext instance, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(instance, path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(ConfigurableApplicationContext instance, String path) {
        return URI.create("http://localhost:" + instance.getEnvironment().getProperty("local.server.port") + path);
    }
}
