package dk.bindeled.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import org.awaitility.Awaitility;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * A snapshot of a resource's schedule written by an older shape of the class (no revision, or another one)
 * is passed over and the schedule rebuilt from its events: read into today's class it would lose the
 * bookings it holds (an unknown field is ignored), and the next booking over them would be a double booking.
 */
class ScheduleSnapshotRevisionIT extends IntegrationTest {

    static final LocalDateTime TUESDAY_8 = LocalDateTime.of(2027, 3, 2, 8, 0);

    @Autowired
    Cache resourceCache;

    @Test
    void aSnapshotWithoutTheCurrentRevisionIsIgnoredAndTheScheduleReadFromItsEvents() {
        String centre = centre("snap");
        String partner = partner("Boligsocial helhedsplan", centre);
        String other = partner("Café Sumak", centre);

        for (String revision : new String[] {null, "0"}) {
            String room = room(centre, "Salen " + revision, 40, false);
            // 1 + 2 × 10 events: past the test threshold of 20, so the schedule is snapshotted.
            for (int i = 0; i < 10; i++) {
                LocalDateTime from = TUESDAY_8.plusMinutes(45L * i);
                expect(201, call(HttpMethod.POST, "/api/bookings", booking(room, partner, from, from.plusMinutes(30))));
            }
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> snapshots(room) == 1);
            // An older shape: the bookings held lay under another name, and no revision (or another) was written.
            int changed = jdbc.sql("""
                    UPDATE snapshot_event_entry
                    SET payload = convert_to(replace(convert_from(payload, 'UTF8'), '"held":', '"bookings":'), 'UTF8'),
                        payload_revision = ?
                    WHERE aggregate_identifier = ?""")
                    .params(revision, room).update();
            assertThat(changed).isEqualTo(1);
            resourceCache.removeAll();

            Response clash = call(HttpMethod.POST, "/api/bookings", booking(room, other, TUESDAY_8, TUESDAY_8.plusMinutes(30)));
            assertThat(clash.status()).as("revision %s: %s", revision, clash.text()).isEqualTo(409);
            assertThat(clash.body().get("clashes").get(0).get("bookingId").asText()).isNotBlank();
            expect(201, call(HttpMethod.POST, "/api/bookings", booking(room, other, TUESDAY_8.plusHours(9),
                    TUESDAY_8.plusHours(9).plusMinutes(30))));
        }
    }

    private long snapshots(String aggregateId) {
        return jdbc.sql("SELECT COUNT(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?").param(aggregateId)
                .query(Long.class).single();
    }
}
