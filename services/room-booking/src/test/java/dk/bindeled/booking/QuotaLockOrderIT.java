package dk.bindeled.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * Two moves of one partner's bookings in opposite directions (week A → B on one room while week B → A on
 * another, so the schedules do not serialise them) change the same two quota rows at the same moment. If each
 * took its rows in its own order (release the old week, then reserve the new one) PostgreSQL would find a
 * deadlock and abort one of them; the ledger takes the weeks in one fixed order, so they queue instead. Every
 * move is answered 200 (or 409), the database never has to break a deadlock, and the ledger holds exactly what
 * the bookings use.
 */
class QuotaLockOrderIT extends IntegrationTest {

    /** Week A: Tuesday 2 March 2027 (2027-W09); week B: Tuesday 9 March 2027 (2027-W10). 15–17 is one hour in peak time. */
    static final LocalDateTime WEEK_A = LocalDateTime.of(2027, 3, 2, 15, 0);
    static final LocalDateTime WEEK_B = WEEK_A.plusWeeks(1);
    static final int ROUNDS = 20;
    static final int PAIRS = 3;

    @Autowired
    MeterRegistry meters;

    @Test
    void oppositeMovesOfOnePartnerNeverDeadlockAndTheLedgerStaysExact() throws Exception {
        String centre = centre("lockorder");
        String partner = partner("Café Sumak", centre);
        expect(204, call(HttpMethod.PUT, "/api/centres/" + centre + "/quotas/" + partner, Map.of("hoursPerWeek", 40, "peakHoursPerWeek", 20)));
        // Pairs of rooms, one booking in week A and one in week B each: every round half the moves go A → B and half B → A.
        List<String> bookings = new ArrayList<>();
        List<LocalDateTime> homes = new ArrayList<>();
        for (int pair = 0; pair < PAIRS; pair++) {
            for (LocalDateTime home : List.of(WEEK_A, WEEK_B)) {
                String room = room(centre, "Lokale " + pair + (home.equals(WEEK_A) ? "A" : "B"), 20, false);
                bookings.add(expect(201, call(HttpMethod.POST, "/api/bookings", booking(room, partner, home, home.plusHours(2))))
                        .body().get("bookingId").asText());
                homes.add(home);
            }
        }
        double lockRetriesBefore = lockRetries();

        CyclicBarrier together = new CyclicBarrier(bookings.size());
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(bookings.size());
        try {
            List<Future<LocalDateTime>> ends = new ArrayList<>();
            for (int i = 0; i < bookings.size(); i++) {
                String bookingId = bookings.get(i);
                LocalDateTime home = homes.get(i);
                LocalDateTime away = home.equals(WEEK_A) ? WEEK_B : WEEK_A;
                ends.add(threads.submit(() -> shuttle(bookingId, home, away, together, unexpected)));
            }
            int[] weekA = new int[2];
            int[] weekB = new int[2];
            for (Future<LocalDateTime> end : ends) {
                int[] week = end.get(5, TimeUnit.MINUTES).equals(WEEK_A) ? weekA : weekB;
                week[0] += 120;
                week[1] += 60;
            }

            assertThat(unexpected).as("answers other than 200/409").isEmpty();
            assertThat(lockRetries() - lockRetriesBefore).as("transactions PostgreSQL aborted as deadlock victims").isZero();
            assertThat(ledger(centre, partner, "2027-W09")).as("2027-W09").containsExactly(weekA[0], weekA[1]);
            assertThat(ledger(centre, partner, "2027-W10")).as("2027-W10").containsExactly(weekB[0], weekB[1]);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aMoveIntoAFullWeekIsA409AndLeavesTheLedgerAsItWas() {
        String centre = centre("lockorder");
        String partner = partner("Café Sumak", centre);
        expect(204, call(HttpMethod.PUT, "/api/centres/" + centre + "/quotas/" + partner, Map.of("hoursPerWeek", 3)));
        String salen = room(centre, "Salen", 20, false);
        String other = room(centre, "Mødelokalet", 20, false);
        String moving = expect(201, call(HttpMethod.POST, "/api/bookings", booking(salen, partner, WEEK_A, WEEK_A.plusHours(2))))
                .body().get("bookingId").asText();
        expect(201, call(HttpMethod.POST, "/api/bookings", booking(other, partner, WEEK_B, WEEK_B.plusHours(2))));

        Response refused = call(HttpMethod.POST, "/api/bookings/" + moving + "/move",
                Map.of("start", WEEK_B.plusHours(3).toString(), "end", WEEK_B.plusHours(5).toString()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("rule").asText()).isEqualTo("quota-exceeded");
        assertThat(ledger(centre, partner, "2027-W09")).containsExactly(120, 60);
        assertThat(ledger(centre, partner, "2027-W10")).containsExactly(120, 60);

        expect(200, call(HttpMethod.POST, "/api/bookings/" + moving + "/move",
                Map.of("start", WEEK_B.plusHours(3).toString(), "end", WEEK_B.plusHours(4).toString())));
        assertThat(ledger(centre, partner, "2027-W09")).containsExactly(0, 0);
        assertThat(ledger(centre, partner, "2027-W10")).containsExactly(180, 120);
    }

    /** Moves the booking to the other week and back, in step with the other threads; answers where it ends. */
    private LocalDateTime shuttle(String bookingId, LocalDateTime home, LocalDateTime away, CyclicBarrier together,
                                  List<String> unexpected) throws Exception {
        LocalDateTime at = home;
        for (int i = 0; i < 2 * ROUNDS; i++) {
            LocalDateTime to = at.equals(home) ? away : home;
            together.await(1, TimeUnit.MINUTES);
            Response moved = call(HttpMethod.POST, "/api/bookings/" + bookingId + "/move",
                    Map.of("start", to.toString(), "end", to.plusHours(2).toString()));
            if (moved.status() == 200) {
                at = to;
            } else if (moved.status() != 409) {
                unexpected.add(moved.status() + " " + moved.text());
            }
        }
        return at;
    }

    private int[] ledger(String centre, String partner, String week) {
        return jdbc.sql("SELECT minutes, peak_minutes FROM quota_usage WHERE centre_id = ? AND partner_id = ? AND iso_week = ?")
                .params(centre, partner, week).query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).optional().orElse(new int[2]);
    }

    private double lockRetries() {
        return Search.in(meters).name("bindeled.commands.retries").tag("reason", "database-lock").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }
}
