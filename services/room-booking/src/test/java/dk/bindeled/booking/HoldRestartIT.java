package dk.bindeled.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;

/**
 * A hold's deadline is kept in the database, not in the instance that scheduled it: scheduled on one instance that is
 * then stopped, it fires on an instance started afterwards, once. The test's own instance polls only hourly (its first
 * poll is at start, before anything is due), so only the instances started here can run the deadline.
 */
@TestPropertySource(properties = "bindeled.axon.deadlines.poll-interval=PT1H")
class HoldRestartIT extends IntegrationTest {

    static final String HOLD = "bindeled.booking.holds.requested=PT8S";
    static final String POLL = "bindeled.axon.deadlines.poll-interval=PT0.2S";
    static final LocalDateTime TUESDAY_10 = LocalDateTime.of(2027, 3, 2, 10, 0);

    @Test
    void aHoldScheduledBeforeARestartLapsesAfterItExactlyOnce() {
        String centre = centre("restart");
        String hall = room(centre, "Salen", 40, true);
        String partner = partner("Café Sumak", centre);

        String requested;
        ConfigurableApplicationContext before = secondInstance(HOLD, POLL);
        try {
            requested = expect(201, call(portOf(before), HttpMethod.POST, "/api/bookings",
                    booking(hall, partner, TUESDAY_10, TUESDAY_10.plusHours(2)))).body().get("bookingId").asText();
        } finally {
            before.close();
        }
        assertThat(lapses(hall)).as("lapsed before the restart").isZero();
        assertThat(deadlines()).as("deadlines kept while no instance runs them").isEqualTo(1);

        ConfigurableApplicationContext after = secondInstance(HOLD, POLL);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> deadlines() == 0);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    expect(200, call(HttpMethod.GET, "/api/bookings/" + requested, null)).body().get("status").asText())
                    .isEqualTo("LAPSED"));
            assertThat(lapses(hall)).isEqualTo(1);
            assertThat(consumeUntil(BOOKING_TOPIC, records -> records.stream().anyMatch(r -> isLapseOf(r.value(), r.headers()
                    .lastHeader("ce_type").value(), requested)), Duration.ofSeconds(30)))
                    .filteredOn(r -> isLapseOf(r.value(), r.headers().lastHeader("ce_type").value(), requested))
                    .hasSize(1);
        } finally {
            after.close();
        }
    }

    private static boolean isLapseOf(byte[] value, byte[] type, String bookingId) {
        return "dk.bindeled.booking.BookingLapsed.v1".equals(new String(type, StandardCharsets.UTF_8))
                && new String(value, StandardCharsets.UTF_8).contains(bookingId);
    }

    private long lapses(String resourceId) {
        return jdbc.sql("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE ?")
                .params(resourceId, "%$BookingLapsed").query(Long.class).single();
    }

    /** Deadlines not yet run: db-scheduler deletes a one-time task's row once it has run. */
    private long deadlines() {
        return jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks").query(Long.class).single();
    }
}
