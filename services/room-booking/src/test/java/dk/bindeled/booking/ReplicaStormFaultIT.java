package dk.bindeled.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.bindeled.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.ResourceAccessException;

/**
 * Fault: two room-booking replicas on one database take a storm of competing bookings, and the replica that
 * publishes to Kafka is stopped midway. No two confirmed bookings of a room overlap, every confirmed booking (201)
 * is in the event store once and reaches {@code bindeled.booking.v1}, and the remaining replica takes over
 * publishing: what it confirms after the stop is published too.
 *
 * <p>Both replicas run in this JVM; each names its token claims by its own node id (axon-support's
 * {@code bindeled.axon.node-id}), so the test can tell which one publishes.
 */
class ReplicaStormFaultIT extends IntegrationTest {

    private static final String PUBLISHER = "kafka-publisher";
    private static final String REPLICA_NODE = "replica-b";
    private static final int CLIENTS = 6;
    private static final int REQUESTS_PER_CLIENT = 20;
    private static final int STOP_AFTER = 50;
    private static final int SLOTS = 48;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    Environment environment;

    private record Outcome(int status, String bookingId, boolean failedOver, boolean afterStop) {
    }

    @Test
    void noOverlapNoLossAndTheOtherReplicaTakesOverPublishingWhenOneStopsMidStorm() throws Exception {
        String centre = centre("storm");
        List<String> rooms = List.of(room(centre, "Salen", 40, false), room(centre, "Køkkenet", 40, false), room(centre, "Værkstedet", 40, false));
        List<String> partners = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            partners.add(partner("Forening " + i, centre));
        }

        // The replica to be stopped must be the one publishing: this instance lets go of the claim until it has it.
        StreamingEventProcessor publisher = processing.eventProcessor(PUBLISHER, StreamingEventProcessor.class).orElseThrow();
        publisher.shutDown();
        ConfigurableApplicationContext replica = replica();
        AtomicBoolean replicaStopped = new AtomicBoolean();
        List<Outcome> outcomes;
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> REPLICA_NODE.equals(publisherOwner()));
            publisher.start();
            int replicaPort = portOf(replica);

            AtomicInteger answered = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<List<Outcome>>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(pool.submit(() -> storm(client, rooms, partners, replicaPort, answered, replicaStopped)));
            }
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> answered.get() >= STOP_AFTER);
            replica.close();
            replicaStopped.set(true);
            outcomes = new ArrayList<>();
            for (Future<List<Outcome>> f : clients) {
                outcomes.addAll(f.get());
            }
            pool.shutdown();
        } finally {
            replica.close();
            // This context is shared with other test classes: its publisher must run whatever happened here.
            publisher.start();
        }
        // Confirmed after the stop, so only this instance can publish it, whatever the storm left free.
        Outcome late = new Outcome(201, expect(201, call(HttpMethod.POST, "/api/bookings", booking(rooms.get(0), partners.get(0),
                LocalDateTime.of(2027, 3, 26, 9, 0), LocalDateTime.of(2027, 3, 26, 10, 0)))).body().get("bookingId").asText(), false, true);
        outcomes.add(late);

        Set<String> confirmed = new HashSet<>();
        Set<String> confirmedAfterStop = new HashSet<>();
        for (Outcome o : outcomes) {
            if (o.status() == 201) {
                confirmed.add(o.bookingId());
                if (o.afterStop()) {
                    confirmedAfterStop.add(o.bookingId());
                }
            }
        }
        long conflicts = outcomes.stream().filter(o -> o.status() == 409).count();
        long other = outcomes.stream().filter(o -> o.status() != 201 && o.status() != 409).count();
        long failedOver = outcomes.stream().filter(Outcome::failedOver).count();

        Map<String, Integer> inStore = confirmedInEventStore(rooms);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> confirmedInCalendar(rooms) == inStore.size());
        long overlapping = overlapping(rooms);
        Map<String, Integer> onTopic = confirmedOnTopic(rooms, confirmed);
        long lostFromStore = confirmed.stream().filter(id -> !inStore.containsKey(id)).count();
        long lostFromTopic = confirmed.stream().filter(id -> !onTopic.containsKey(id)).count();
        long appliedTwice = inStore.values().stream().filter(n -> n > 1).count();
        long publishedAfterStop = confirmedAfterStop.stream().filter(onTopic::containsKey).count();
        long resentOnTopic = onTopic.values().stream().mapToLong(n -> n - 1).sum();
        System.out.printf("FAULT replica-stopped-mid-storm: requests=%d confirmed=%d conflicts=%d other=%d failed-over=%d in-event-store=%d"
                        + " on-topic=%d published-after-stop=%d/%d resent-on-topic=%d overlapping=%d lost=%d applied-twice=%d publisher-now=%s%n",
                outcomes.size(), confirmed.size(), conflicts, other, failedOver, inStore.size(), onTopic.size(), publishedAfterStop,
                confirmedAfterStop.size(), resentOnTopic, overlapping, lostFromStore + lostFromTopic, appliedTwice, publisherOwner());

        assertThat(other).as("answers other than 201 and 409").isZero();
        assertThat(conflicts).as("the storm competed for slots").isPositive();
        assertThat(overlapping).as("overlapping confirmed bookings").isZero();
        assertThat(lostFromStore).as("201s missing from the event store").isZero();
        assertThat(inStore.keySet()).as("confirmed in the event store, and answered 201").isEqualTo(confirmed);
        assertThat(appliedTwice).as("bookings confirmed twice in the event store").isZero();
        assertThat(lostFromTopic).as("201s missing from the topic").isZero();
        assertThat(confirmedAfterStop).isNotEmpty();
        assertThat(publishedAfterStop).as("confirmed after the stop, and published").isEqualTo(confirmedAfterStop.size());
        assertThat(publisherOwner()).isNotEqualTo(REPLICA_NODE);
    }

    /** One client's bounded run: its next request when the last is answered, alternating replicas while both run. */
    private List<Outcome> storm(int client, List<String> rooms, List<String> partners, int replicaPort, AtomicInteger answered,
                                AtomicBoolean replicaStopped) {
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
            int slot = (client * 7 + i * 5) % SLOTS;
            // Starts 25 minutes apart, an hour long plus the 15-minute cleaning buffer: each slot clashes with its neighbours.
            LocalDateTime start = LocalDateTime.of(2027, 3, 16, 8, 0).plusDays(slot / 24).plusMinutes((slot % 24) * 25L);
            Map<String, Object> body = booking(rooms.get((client + i) % rooms.size()), partners.get(i % partners.size()), start, start.plusHours(1));
            boolean toReplica = i % 2 == 1 && !replicaStopped.get();
            boolean failedOver = false;
            Response response;
            try {
                response = call(toReplica ? replicaPort : port, HttpMethod.POST, "/api/bookings", body);
            } catch (ResourceAccessException replicaGone) {
                // Never answered: sent again to the replica that runs (a booking that did go through is then a 409 clash with itself).
                failedOver = true;
                response = call(port, HttpMethod.POST, "/api/bookings", body);
            }
            boolean afterStop = replicaStopped.get();
            answered.incrementAndGet();
            outcomes.add(new Outcome(response.status(), response.status() == 201 ? response.body().get("bookingId").asText() : null,
                    failedOver, afterStop));
        }
        return outcomes;
    }

    private ConfigurableApplicationContext replica() {
        List<String> args = new ArrayList<>();
        for (String key : List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                "spring.kafka.bootstrap-servers", "spring.kafka.consumer.group-id", "bindeled.axon.snapshot-threshold")) {
            args.add("--" + key + "=" + environment.getProperty(key));
        }
        args.add("--server.port=0");
        args.add("--management.server.port=0");
        args.add("--bindeled.axon.node-id=" + REPLICA_NODE);
        return new SpringApplicationBuilder(RoomBookingApplication.class, FixedClock.class).run(args.toArray(String[]::new));
    }

    private String publisherOwner() {
        return jdbc.sql("SELECT owner FROM token_entry WHERE processor_name = ? AND segment = 0").param(PUBLISHER)
                .query(String.class).optional().orElse(null);
    }

    /** Booking id → how many BookingConfirmed events the rooms' streams hold for it. */
    private Map<String, Integer> confirmedInEventStore(List<String> rooms) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                        WHERE aggregate_identifier IN (:rooms) AND payload_type LIKE '%BookingConfirmed'""")
                .param("rooms", rooms).query(String.class).list()
                .forEach(payload -> counts.merge(readTree(payload).get("bookingId").asText(), 1, Integer::sum));
        return counts;
    }

    private long confirmedInCalendar(List<String> rooms) {
        return jdbc.sql("SELECT COUNT(*) FROM cal_booking WHERE resource_id IN (:rooms) AND status = 'CONFIRMED'")
                .param("rooms", rooms).query(Long.class).single();
    }

    /** Pairs of confirmed bookings of one room whose times (cleaning buffer not counted) overlap. */
    private long overlapping(List<String> rooms) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM cal_booking a JOIN cal_booking b ON a.resource_id = b.resource_id AND a.id < b.id
                        WHERE a.resource_id IN (:rooms) AND a.status = 'CONFIRMED' AND b.status = 'CONFIRMED'
                          AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at""")
                .param("rooms", rooms).query(Long.class).single();
    }

    /** Booking id → how many BookingConfirmed records of the rooms the topic holds for it, read until all expected are there. */
    private static Map<String, Integer> confirmedOnTopic(List<String> rooms, Set<String> expected) {
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        consumeUntil(BOOKING_TOPIC, records -> {
            counts.clear();
            for (ConsumerRecord<String, byte[]> r : records) {
                Header type = r.headers().lastHeader("ce_type");
                if (rooms.contains(r.key()) && type != null && new String(type.value(), StandardCharsets.UTF_8).endsWith(".BookingConfirmed.v1")) {
                    counts.merge(readTree(new String(r.value(), StandardCharsets.UTF_8)).get("bookingId").asText(), 1, Integer::sum);
                }
            }
            return counts.keySet().containsAll(expected);
        }, Duration.ofSeconds(60));
        return counts;
    }

    private static JsonNode readTree(String json) {
        try {
            return EventJson.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
