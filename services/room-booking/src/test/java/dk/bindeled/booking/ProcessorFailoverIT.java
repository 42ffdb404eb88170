package dk.bindeled.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;

/**
 * Two instances on one database share the streaming processors' segments, and when one stops the other takes
 * them all and goes on publishing and projecting. Claims are looked for and balanced often here so the test
 * does not wait out production's intervals.
 */
@TestPropertySource(properties = {ProcessorFailoverIT.PUBLISHER_CLAIMS, ProcessorFailoverIT.CALENDAR_CLAIMS,
        ProcessorFailoverIT.BALANCE})
class ProcessorFailoverIT extends IntegrationTest {

    static final String PUBLISHER_CLAIMS = "axon.eventhandling.processors.kafka-publisher.token-claim-interval=300";
    static final String CALENDAR_CLAIMS = "bindeled.axon.projections.calendar.token-claim-interval=PT0.3S";
    static final String BALANCE = "bindeled.axon.segment-balance-interval=PT0.5S";
    static final List<String> PROCESSORS = List.of("kafka-publisher", "calendar");

    @Test
    void twoInstancesShareTheSegmentsAndTheOneLeftTakesThemAllAndGoesOn() {
        String centre = centre("failover");
        String room = room(centre, "Salen", 30, false);
        String partner = partner("Café Sumak", centre);

        ConfigurableApplicationContext second = secondInstance(PUBLISHER_CLAIMS, CALENDAR_CLAIMS, BALANCE);
        try {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> PROCESSORS.forEach(processor -> {
                Map<String, Long> owners = owners(processor);
                assertThat(owners).as(processor + " segments by owner").hasSize(2);
                assertThat(owners.values()).as(processor).containsOnly(2L);
            }));
            String onSecond = book(portOf(second), room, partner, LocalDateTime.of(2027, 3, 2, 10, 0));
            awaitProjectedAndPublished(room, onSecond);
        } finally {
            second.close();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> PROCESSORS.forEach(processor -> {
            Map<String, Long> owners = owners(processor);
            assertThat(owners).as(processor + " segments by owner").hasSize(1);
            assertThat(owners.values()).as(processor).containsOnly(4L);
        }));
        String afterStop = book(port, room, partner, LocalDateTime.of(2027, 3, 3, 10, 0));
        awaitProjectedAndPublished(room, afterStop);
    }

    private String book(int port, String room, String partner, LocalDateTime start) {
        return expect(201, call(port, HttpMethod.POST, "/api/bookings", booking(room, partner, start, start.plusHours(1))))
                .body().get("bookingId").asText();
    }

    private void awaitProjectedAndPublished(String room, String bookingId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> call(HttpMethod.GET, "/api/bookings/" + bookingId, null).status() == 200);
        assertThat(consumeUntil(BOOKING_TOPIC, records -> records.stream().anyMatch(r -> room.equals(r.key())
                        && new String(r.value(), StandardCharsets.UTF_8).contains(bookingId)), Duration.ofSeconds(30)))
                .anyMatch(r -> room.equals(r.key()) && new String(r.value(), StandardCharsets.UTF_8).contains(bookingId));
    }

    /** How many of the processor's segments each node has claimed (unclaimed segments are left out). */
    private Map<String, Long> owners(String processor) {
        return jdbc.sql("SELECT owner FROM token_entry WHERE processor_name = ? AND owner IS NOT NULL").param(processor)
                .query(String.class).list().stream().collect(Collectors.groupingBy(owner -> owner, Collectors.counting()));
    }
}
