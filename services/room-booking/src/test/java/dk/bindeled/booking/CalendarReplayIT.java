package dk.bindeled.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;

/**
 * A rebuild of the calendar started on one instance while a second runs on the same database: it completes
 * (no token the other holds is reset), both instances answer from the new tables, and events after the switch
 * reach both. The nodes look for rebuilds, switches and claims often here so the test does not wait out
 * production's intervals.
 */
@TestPropertySource(properties = {CalendarReplayIT.POLL, CalendarReplayIT.CLAIMS, CalendarReplayIT.BALANCE})
class CalendarReplayIT extends IntegrationTest {

    static final String POLL = "bindeled.axon.projections.poll-interval=PT0.2S";
    static final String CLAIMS = "bindeled.axon.projections.calendar.token-claim-interval=PT0.3S";
    static final String BALANCE = "bindeled.axon.segment-balance-interval=PT0.5S";

    @Test
    void aRebuildStartedOnOneInstanceWhileAnotherRunsCompletesAndBothAnswerFromTheNewTables() {
        String centre = centre("rebuild");
        String room = room(centre, "Salen", 30, false);
        String partner = partner("Café Sumak", centre);
        String booked = book(port, room, partner, LocalDateTime.of(2027, 3, 2, 10, 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> call(HttpMethod.GET, "/api/bookings/" + booked, null).status() == 200);
        String before = call(HttpMethod.GET, "/api/bookings/" + booked, null).text();
        long live = callAs(admin(), HttpMethod.GET, "/admin/projections/calendar", null).body().path("generation").asLong(0);

        ConfigurableApplicationContext second = secondInstance(POLL, CLAIMS, BALANCE);
        try {
            int other = portOf(second);
            // The rebuild is started while the other instance holds some of the live processor's claims.
            String liveProcessor = live == 0 ? "calendar" : "calendar-" + live;
            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                    "SELECT COUNT(DISTINCT owner) FROM token_entry WHERE processor_name = ? AND owner IS NOT NULL")
                    .param(liveProcessor).query(Long.class).single() == 2);
            assertThat(callAs(port, admin(), HttpMethod.POST, "/admin/projections/calendar/replay", null).status()).isEqualTo(202);

            for (int node : new int[] {port, other}) {
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    JsonNode status = callAs(node, admin(), HttpMethod.GET, "/admin/projections/calendar", null).body();
                    assertThat(status.get("replaying").asBoolean()).isFalse();
                    assertThat(status.get("generation").asLong()).isEqualTo(live + 1);
                    assertThat(status.get("percent").asInt()).isEqualTo(100);
                });
                assertThat(call(node, HttpMethod.GET, "/api/bookings/" + booked, null).text()).isEqualTo(before);
            }
            // The switch retires the old set: the answers above came from the new tables.
            String retired = live % 2 == 0 ? "cal_booking_a" : "cal_booking_b";
            assertThat(jdbc.sql("SELECT COUNT(*) FROM " + retired).query(Long.class).single()).isZero();

            String after = book(other, room, partner, LocalDateTime.of(2027, 3, 3, 10, 0));
            for (int node : new int[] {port, other}) {
                await().atMost(Duration.ofSeconds(30)).until(() -> call(node, HttpMethod.GET, "/api/bookings/" + after, null).status() == 200);
            }
        } finally {
            second.close();
        }
    }

    private String book(int port, String room, String partner, LocalDateTime start) {
        return expect(201, call(port, HttpMethod.POST, "/api/bookings", booking(room, partner, start, start.plusHours(1))))
                .body().get("bookingId").asText();
    }
}
