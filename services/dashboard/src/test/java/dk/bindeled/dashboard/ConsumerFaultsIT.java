package dk.bindeled.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.bindeled.dashboard.integration.in.ConsumerMetrics;
import dk.bindeled.dashboard.query.ChangeApplied;
import dk.bindeled.events.Topics;
import dk.bindeled.events.booking.v1.BookingConfirmed;
import dk.bindeled.events.booking.v1.BookingEventsV1;
import dk.bindeled.events.booking.v1.Visibility;
import dk.bindeled.events.cloudevents.CloudEventCodec;
import dk.bindeled.infra.kafka.EmbeddedKraftCluster;
import dk.bindeled.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Faults on the dashboard's consuming side, against a three-node KRaft cluster (replication factor 3,
 * {@code min.insync.replicas} 2, as in production):
 * <ul>
 *   <li>a broker dies while booking events stream in, and a part of them is delivered again (as room booking's
 *       at-least-once publisher does after a failed batch): each is applied exactly once;</li>
 *   <li>the consumer dies between its database commit and its offset commit: another instance of the group gets
 *       the record again, and the inbox skips it.</li>
 * </ul>
 */
class ConsumerFaultsIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int EVENTS = 120;
    private static final int KILL_AFTER = 40;
    private static final int SENT_AGAIN = 30;

    private static EmbeddedKraftCluster cluster;
    private static String databaseUrl;
    private static String group;
    private static ConfigurableApplicationContext dashboard;
    private static KafkaProducer<String, byte[]> producer;
    private static final CloudEventCodec CODEC = new CloudEventCodec(BookingEventsV1.CATALOG, BookingEventsV1.SOURCE);

    /**
     * Holds the consumer's thread after the transaction of one chosen event committed and before the listener
     * returns, so before the container commits the offset: as a process that dies at that moment.
     */
    static class StallAfterCommit {
        static volatile String stallOn;
        static final CountDownLatch committed = new CountDownLatch(1);
        static final CountDownLatch release = new CountDownLatch(1);

        @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
        void afterCommit(ChangeApplied applied) throws InterruptedException {
            if (applied.change().id().equals(stallOn)) {
                committed.countDown();
                release.await(120, TimeUnit.SECONDS);
            }
        }
    }

    @BeforeAll
    static void start() throws IOException {
        cluster = new EmbeddedKraftCluster(Files.createTempDirectory("bindeled-kafka-cluster-")).start();
        databaseUrl = TestInfrastructure.newDatabase("dashboard_faults");
        group = "dashboard-faults-" + UUID.randomUUID();
        // A stalled consumer leaves its group after this, so its partitions move within the test.
        dashboard = instance(Map.of("spring.kafka.consumer.properties.max.poll.interval.ms", "5000"), StallAfterCommit.class);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    /** The dashboards first, while the brokers still run: a consumer left open would wait for them. */
    @AfterAll
    static void stop() {
        StallAfterCommit.release.countDown();
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (dashboard != null) {
            dashboard.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static ConfigurableApplicationContext instance(Map<String, String> extra, Class<?>... sources) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.datasource.url", databaseUrl);
        properties.put("spring.datasource.username", TestInfrastructure.databaseUser());
        properties.put("spring.datasource.password", TestInfrastructure.databasePassword());
        properties.put("spring.kafka.bootstrap-servers", cluster.bootstrapServers());
        properties.put("spring.kafka.consumer.group-id", group);
        properties.put("management.server.port", "0");
        properties.put("bindeled.kafka.topics.replication-factor", "3");
        properties.put("bindeled.kafka.topics.min-insync-replicas", "2");
        properties.put("bindeled.kafka.consumer.retry.initial-interval", "100ms");
        properties.put("management.defaults.metrics.export.enabled", "true");
        properties.putAll(extra);
        String[] arguments = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new);
        List<Class<?>> all = new ArrayList<>(List.of(DashboardApplication.class));
        all.addAll(List.of(sources));
        return new SpringApplicationBuilder(all.toArray(Class<?>[]::new)).run(arguments);
    }

    @Test
    void aBrokerKilledWhileEventsStreamInLosesNoneAndEachIsAppliedOnce() throws Exception {
        JdbcClient jdbc = dashboard.getBean(JdbcClient.class);
        MeterRegistry meters = dashboard.getBean(MeterRegistry.class);
        double appliedBefore = count(meters, ConsumerMetrics.APPLIED);
        double duplicatesBefore = count(meters, ConsumerMetrics.DUPLICATES);
        // Several keys, so the events spread over every partition, the victim's among them.
        List<String> resources = new ArrayList<>();
        for (int r = 0; r < 6; r++) {
            resources.add("room-" + UUID.randomUUID());
        }
        int victim = leaderOfABookingPartition();

        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            records.add(CODEC.toRecord(confirmed(resources.get(i % resources.size()), i), id, OffsetDateTime.now(ZoneOffset.UTC)));
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            if (i == KILL_AFTER) {
                cluster.stop(victim - 1);
            }
            acks.add(producer.send(records.get(i)));
        }
        // What an at-least-once publisher sends again after a batch it could not confirm: the same CloudEvent ids.
        for (int i = 0; i < SENT_AGAIN; i++) {
            acks.add(producer.send(records.get(KILL_AFTER - SENT_AGAIN / 2 + i)));
        }
        for (Future<RecordMetadata> ack : acks) {
            ack.get(60, TimeUnit.SECONDS);
        }

        await().atMost(WAIT).until(() -> count(meters, ConsumerMetrics.DUPLICATES) - duplicatesBefore >= SENT_AGAIN
                && inbox(jdbc, ids) == EVENTS);
        long inInbox = inbox(jdbc, ids);
        long inReadModel = jdbc.sql("SELECT COUNT(*) FROM bookings WHERE resource_id IN (:resources)").param("resources", resources)
                .query(Long.class).single();
        long applied = Math.round(count(meters, ConsumerMetrics.APPLIED) - appliedBefore);
        long duplicates = Math.round(count(meters, ConsumerMetrics.DUPLICATES) - duplicatesBefore);
        long lost = EVENTS - inReadModel;
        long appliedTwice = applied - inInbox;
        System.out.printf("FAULT broker-killed (dashboard, node %d of 3 stopped after %d sends): acknowledged=%d delivered-again=%d"
                        + " inbox=%d read-model=%d applied=%d duplicates-skipped=%d lost=%d applied-twice=%d%n",
                victim, KILL_AFTER, EVENTS, SENT_AGAIN, inInbox, inReadModel, applied, duplicates, lost, appliedTwice);

        assertThat(cluster.isRunning(victim - 1)).isFalse();
        assertThat(lost).as("acknowledged events missing from the read model").isZero();
        assertThat(appliedTwice).as("events applied more than once").isZero();
        assertThat(applied).isEqualTo(EVENTS);
        // More if a rebalance moved a partition before its offsets were committed: skipped all the same.
        assertThat(duplicates).isGreaterThanOrEqualTo(SENT_AGAIN);
    }

    @Test
    void aConsumerThatDiesBetweenItsDatabaseCommitAndItsOffsetCommitHasTheRecordRedeliveredAndAppliedOnce() throws Exception {
        JdbcClient jdbc = dashboard.getBean(JdbcClient.class);
        MeterRegistry metersOfA = dashboard.getBean(MeterRegistry.class);
        double appliedByABefore = count(metersOfA, ConsumerMetrics.APPLIED);
        String resource = "room-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        StallAfterCommit.stallOn = id;
        producer.send(CODEC.toRecord(confirmed(resource, 0), id, OffsetDateTime.now(ZoneOffset.UTC))).get(30, TimeUnit.SECONDS);
        assertThat(StallAfterCommit.committed.await(60, TimeUnit.SECONDS)).as("the first instance committed the event").isTrue();
        long committedByA = inbox(jdbc, List.of(id));

        // The first instance stays stalled past its poll interval and so is out of the group: a dead consumer,
        // as far as Kafka is concerned. A second instance of the group takes over its partitions.
        ConfigurableApplicationContext second = instance(Map.of());
        try {
            MeterRegistry metersOfB = second.getBean(MeterRegistry.class);
            await().atMost(WAIT).until(() -> count(metersOfB, ConsumerMetrics.DUPLICATES) >= 1);
            long redelivered = Math.round(count(metersOfB, ConsumerMetrics.DUPLICATES));
            // Let the first instance's stalled listener return: it counts what it applied, and its offset commit fails.
            StallAfterCommit.release.countDown();
            await().atMost(WAIT).until(() -> count(metersOfA, ConsumerMetrics.APPLIED) - appliedByABefore >= 1);
            long appliedByA = Math.round(count(metersOfA, ConsumerMetrics.APPLIED) - appliedByABefore);
            long appliedByB = Math.round(count(metersOfB, ConsumerMetrics.APPLIED));
            long inInbox = inbox(jdbc, List.of(id));
            long inReadModel = jdbc.sql("SELECT COUNT(*) FROM bookings WHERE resource_id = ?").param(resource).query(Long.class).single();
            long inFeed = jdbc.sql("SELECT COUNT(*) FROM latest_changes WHERE ce_id = ?").param(id).query(Long.class).single();
            long lost = 1 - inReadModel;
            long appliedTwice = (appliedByA + appliedByB) - 1 + (inFeed - 1);
            System.out.printf("FAULT consumer-killed-between-db-commit-and-offset-commit (dashboard): committed-by-first=%d applied-by-first=%d"
                            + " redelivered-to-second=%d applied-by-second=%d inbox=%d read-model=%d feed=%d lost=%d applied-twice=%d%n",
                    committedByA, appliedByA, redelivered, appliedByB, inInbox, inReadModel, inFeed, lost, appliedTwice);

            assertThat(committedByA).as("the inbox row committed before the offset").isEqualTo(1);
            assertThat(appliedByA).isEqualTo(1);
            assertThat(redelivered).as("records the second instance got again and skipped").isPositive();
            assertThat(inInbox).isEqualTo(1);
            assertThat(lost).isZero();
            assertThat(appliedTwice).isZero();
        } finally {
            StallAfterCommit.release.countDown();
            second.close();
        }
    }

    private static BookingConfirmed confirmed(String resource, int i) {
        OffsetDateTime start = OffsetDateTime.of(2027, 3, 2, 8, 0, 0, 0, ZoneOffset.ofHours(1)).plusHours(i);
        return new BookingConfirmed(UUID.randomUUID().toString(), resource, "centre-faults", UUID.randomUUID().toString(), start,
                start.plusMinutes(45), Visibility.PUBLIC, "Lektiecafé", 10, "Børn", null, false);
    }

    private static long inbox(JdbcClient jdbc, List<String> ids) {
        return jdbc.sql("SELECT COUNT(*) FROM inbox WHERE ce_id IN (:ids)").param("ids", ids).query(Long.class).single();
    }

    private static double count(MeterRegistry meters, String name) {
        return meters.find(name).tag("topic", Topics.BOOKING_V1).counters().stream().mapToDouble(Counter::count).sum();
    }

    private static int leaderOfABookingPartition() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            TopicDescription topic = admin.describeTopics(List.of(Topics.BOOKING_V1)).allTopicNames().get().get(Topics.BOOKING_V1);
            assertThat(topic.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
            return topic.partitions().get(0).leader().id();
        }
    }
}
