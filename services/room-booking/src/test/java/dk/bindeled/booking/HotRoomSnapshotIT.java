package dk.bindeled.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;

/**
 * A burst of bookings on one room while its schedule is being snapshotted. Every request waiting for the
 * schedule's lock holds a pooled connection; a snapshot taken on the committing command's thread needed one
 * more, so with a full pool it waited for the pool's timeout and every queued request with it (the benchmark's
 * "hot room" stall). The pool here is small and times out fast, so a stall shows up as failed requests, not as
 * a slow test.
 */
@TestPropertySource(properties = {
        "spring.datasource.hikari.maximum-pool-size=4",
        "spring.datasource.hikari.connection-timeout=2000",
        "bindeled.axon.snapshot-threshold=6"})
class HotRoomSnapshotIT extends IntegrationTest {

    static final int CLIENTS = 12;
    static final int BOOKINGS_EACH = 4;

    @Test
    void aBurstOnOneRoomIsAllBookedWhileItsScheduleIsSnapshotted() throws Exception {
        String centre = centre("hot");
        String room = room(centre, "Salen", 40, false);
        String partner = partner("Boligsocial helhedsplan", centre);

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Integer>>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(pool.submit(() -> {
                start.await();
                List<Integer> statuses = new ArrayList<>();
                for (int b = 0; b < BOOKINGS_EACH; b++) {
                    // Disjoint half-hour slots (15-minute cleaning buffer included), one day per client.
                    LocalDateTime from = LocalDateTime.of(2027, 4, 1, 8, 0).plusDays(client).plusMinutes(45L * b);
                    statuses.add(call(port, HttpMethod.POST, "/api/bookings", booking(room, partner, from, from.plusMinutes(30))).status());
                }
                return statuses;
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<List<Integer>> client : clients) {
            statuses.addAll(client.get(2, TimeUnit.MINUTES));
        }
        pool.shutdown();

        assertThat(statuses).as("every booking in the burst confirmed").hasSize(CLIENTS * BOOKINGS_EACH).containsOnly(201);
        // Defined, then requested + confirmed for each booking.
        assertThat(storedEvents(room)).isEqualTo(1 + 2L * CLIENTS * BOOKINGS_EACH);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?")
                .param(room).query(Long.class).single()).as("snapshots taken during the burst").isPositive();
    }
}
