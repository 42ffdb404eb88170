package dk.bindeled.booking;

import static org.assertj.core.api.Assertions.assertThat;

import dk.bindeled.booking.api.Commands.RequestBooking;
import dk.bindeled.events.EventJson;
import dk.bindeled.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Fault: the database connection of a booking command is terminated while the command runs (as a failover, a
 * restarted server or an operator's {@code pg_terminate_backend} does). The answer is a clean 503 problem+json with
 * Retry-After, not a 500; nothing of the command is stored; and the same request sent again is booked.
 *
 * <p>"Mid-command" is made deterministic by a command handler interceptor of this test: it learns the backend pid
 * of the connection the command's transaction holds and has another connection terminate it, either just after
 * the schedule decided (before the events are appended) or after the events were appended, just before the commit.
 */
class ConnectionLossFaultIT extends IntegrationTest {

    enum Moment { BEFORE_APPEND, BEFORE_COMMIT }

    @Autowired
    CommandBus commandBus;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    private final AtomicBoolean armed = new AtomicBoolean();
    private final AtomicInteger terminated = new AtomicInteger();
    private volatile String targetRoom;
    private volatile Moment moment;
    private Registration interceptor;

    @BeforeEach
    void interceptBookingsOfTheTargetRoom() {
        // Registered on the running bus after Axon's own transaction interceptor, so it runs inside the command's transaction.
        interceptor = commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            if (!(unitOfWork.getMessage().getPayload() instanceof RequestBooking booking)
                    || !booking.resourceId().equals(targetRoom) || !armed.compareAndSet(true, false)) {
                return chain.proceed();
            }
            int pid = jdbc.sql("SELECT pg_backend_pid()").query(Integer.class).single();
            Object result = chain.proceed();
            if (moment == Moment.BEFORE_APPEND) {
                terminate(pid);
            } else {
                unitOfWork.onPrepareCommit(u -> terminate(pid));
            }
            return result;
        });
    }

    @AfterEach
    void removeInterceptor() {
        interceptor.cancel();
    }

    @ParameterizedTest
    @EnumSource(Moment.class)
    void aBookingWhoseConnectionIsTerminatedFailsCleanlyStoresNothingAndTheNextOneIsBooked(Moment when) {
        String centre = centre("dbkill");
        String room = room(centre, "Salen", 30, false);
        String partner = partner("Beboerforeningen", centre);
        var slot = booking(room, partner, LocalDateTime.of(2027, 3, 9, 10, 0), LocalDateTime.of(2027, 3, 9, 12, 0));
        long eventsBefore = storedEvents(room);
        long locatorsBefore = locators(room);
        long quotaRowsBefore = quotaRows(centre, partner);

        targetRoom = room;
        moment = when;
        armed.set(true);
        String[] retryAfterHeader = new String[1];
        Response failed = RestClient.create("http://127.0.0.1:" + port).post().uri("/api/bookings")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + actorToken()).contentType(MediaType.APPLICATION_JSON).body(json(slot))
                .exchange((request, response) -> {
                    retryAfterHeader[0] = response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
                    String text = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                    String type = String.valueOf(response.getHeaders().getContentType());
                    return new Response(response.getStatusCode().value(), type,
                            type.contains("json") && !text.isEmpty() ? EventJson.mapper().readTree(text) : null, text);
                });
        String retryAfter = retryAfterHeader[0];
        assertThat(terminated.get()).as("the command's connection was terminated").isEqualTo(1);

        long halfStored = (storedEvents(room) - eventsBefore) + (locators(room) - locatorsBefore) + (quotaRows(centre, partner) - quotaRowsBefore);
        Response next = call(HttpMethod.POST, "/api/bookings", slot);
        String bookingId = next.status() == 201 ? next.body().get("bookingId").asText() : null;
        // The booking must be in the event store once and reach the read model once.
        long confirmedEvents = bookingId == null ? 0 : jdbc.sql("""
                SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%BookingConfirmed'""")
                .param(room).query(Long.class).single();
        if (bookingId != null) {
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> calendarRows(room) >= 1);
        }
        long calendarRows = calendarRows(room);
        long lost = bookingId == null ? 1 : 0;
        long appliedTwice = Math.max(0, confirmedEvents - 1) + Math.max(0, calendarRows - 1);
        System.out.printf("FAULT db-connection-terminated-%s: first=%d %s retry-after=%s half-stored=%d next=%d lost=%d applied-twice=%d%n",
                when.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), failed.status(), failed.contentType(), retryAfter,
                halfStored, next.status(), lost, appliedTwice);

        assertThat(failed.status()).as("answer to the command whose connection died: " + failed.text()).isEqualTo(503);
        assertThat(failed.contentType()).contains("application/problem+json");
        assertThat(failed.body().get("type").asText()).endsWith("/database-unavailable");
        assertThat(failed.text()).doesNotContainIgnoringCase("sql").doesNotContainIgnoringCase("terminat").doesNotContain("Exception");
        assertThat(retryAfter).isNotBlank();
        assertThat(halfStored).as("events, booking locators and quota rows of the failed command").isZero();
        assertThat(next.status()).as("the same request sent again: " + next.text()).isEqualTo(201);
        assertThat(lost).isZero();
        assertThat(appliedTwice).isZero();
        assertThat(storedEvents(room)).isEqualTo(eventsBefore + 2);
    }

    /** Terminates the backend from a connection of its own, and waits until it is gone. */
    private void terminate(int pid) {
        try (Connection admin = DriverManager.getConnection(databaseUrl, TestInfrastructure.databaseUser(), TestInfrastructure.databasePassword());
             PreparedStatement kill = admin.prepareStatement("SELECT pg_terminate_backend(?, 10000)")) {
            kill.setInt(1, pid);
            try (ResultSet rs = kill.executeQuery()) {
                if (rs.next() && rs.getBoolean(1)) {
                    terminated.incrementAndGet();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not terminate backend " + pid, e);
        }
    }


    private long locators(String room) {
        return jdbc.sql("SELECT COUNT(*) FROM booking_locator WHERE resource_id = ?").param(room).query(Long.class).single();
    }

    private long quotaRows(String centre, String partner) {
        return jdbc.sql("SELECT COALESCE(SUM(minutes), 0) FROM quota_usage WHERE centre_id = ? AND partner_id = ?")
                .params(centre, partner).query(Long.class).single();
    }

    private long calendarRows(String room) {
        return jdbc.sql("SELECT COUNT(*) FROM cal_booking WHERE resource_id = ? AND status = 'CONFIRMED'").param(room).query(Long.class).single();
    }
}
