package dk.bindeled.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;

/**
 * No double booking, whatever the concurrency: many requests at once for one slot (or overlapping slots)
 * give exactly one confirmed booking and conflicts for the rest, on one service instance and on two
 * instances sharing the database, and the event store agrees with the answers.
 */
class BookingConcurrencyIT extends IntegrationTest {

    static final int REQUESTS = 50;

    @Test
    void fiftyParallelRequestsForOneSlotGiveOneBookingAndFortyNineConflicts() throws Exception {
        String centre = centre("race");
        String room = room(centre, "Salen", 40, false);
        List<String> partners = partners(centre, 5);
        List<Response> responses = race(i -> booking(room, partners.get(i % partners.size()),
                LocalDateTime.of(2027, 3, 4, 10, 0), LocalDateTime.of(2027, 3, 4, 12, 0)), port, port);
        assertOneWinner(room, responses);
    }

    @Test
    void fiftyParallelRequestsForOverlappingButDifferentSlotsGiveOneBooking() throws Exception {
        String centre = centre("overlap");
        String room = room(centre, "Mødelokalet", 40, false);
        List<String> partners = partners(centre, 5);
        // Every slot covers 11:00–11:30 (start 09:00 + i minutes, two hours long... all share the middle).
        List<Response> responses = race(i -> booking(room, partners.get(i % partners.size()),
                LocalDateTime.of(2027, 3, 5, 9, 30).plusMinutes(i), LocalDateTime.of(2027, 3, 5, 11, 30).plusMinutes(i)), port, port);
        assertOneWinner(room, responses);
    }

    @Test
    void twoServiceInstancesOnOneDatabaseStillGiveOneBooking() throws Exception {
        String centre = centre("two");
        String room = room(centre, "Køkkenet", 40, false);
        List<String> partners = partners(centre, 5);
        try (ConfigurableApplicationContext second = secondInstance()) {
            int secondPort = portOf(second);
            List<Response> responses = race(i -> booking(room, partners.get(i % partners.size()),
                    LocalDateTime.of(2027, 3, 8, 17, 0), LocalDateTime.of(2027, 3, 8, 19, 0).minusMinutes(i % 7)), port, secondPort);
            assertOneWinner(room, responses);
        }
    }

    private List<String> partners(String centre, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(partner("Forening " + i, centre));
        }
        return ids;
    }

    private interface Body {
        Map<String, Object> of(int i);
    }

    /** All requests released at once from as many threads, alternating between the two ports. */
    private List<Response> race(Body body, int portA, int portB) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            int n = i;
            Callable<Response> call = () -> {
                start.await();
                return call(n % 2 == 0 ? portA : portB, HttpMethod.POST, "/api/bookings", body.of(n));
            };
            futures.add(pool.submit(call));
        }
        start.countDown();
        List<Response> responses = new ArrayList<>();
        for (Future<Response> f : futures) {
            responses.add(f.get());
        }
        pool.shutdown();
        return responses;
    }

    private void assertOneWinner(String room, List<Response> responses) {
        List<Response> created = responses.stream().filter(r -> r.status() == 201).toList();
        List<Response> conflicts = responses.stream().filter(r -> r.status() == 409).toList();
        assertThat(created).as("confirmed").hasSize(1);
        assertThat(conflicts).as("conflicts").hasSize(REQUESTS - 1);
        assertThat(created.get(0).body().get("status").asText()).isEqualTo("CONFIRMED");
        String winner = created.get(0).body().get("bookingId").asText();
        for (Response conflict : conflicts) {
            assertThat(conflict.contentType()).contains("application/problem+json");
            assertThat(conflict.body().get("type").asText()).endsWith("/booking-conflict");
            assertThat(conflict.body().get("clashes").get(0).get("bookingId").asText()).isEqualTo(winner);
        }
        // The event store agrees: the resource was defined, then one booking requested and confirmed.
        List<String> types = jdbc.sql("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")
                .param(room).query(String.class).list();
        assertThat(types).hasSize(3);
        assertThat(types.get(1)).endsWith("BookingRequested");
        assertThat(types.get(2)).endsWith("BookingConfirmed");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM booking_locator WHERE resource_id = ?").param(room).query(Long.class).single()).isEqualTo(1);
    }
}
