package dk.bindeled.booking;

import static org.assertj.core.api.Assertions.assertThat;

import dk.bindeled.booking.api.Commands.FlagPartnerBookings;
import dk.bindeled.events.partner.v1.PartnerDeactivated;
import dk.bindeled.events.booking.v1.BookingFlagged.FlagReason;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Autowired;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptorSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;

/**
 * A partner's deactivation flags its coming bookings on every resource, even when flagging one of them
 * fails on the way: no flag may be lost, none raised on state that was never stored.
 */
class PartnerFlagsIT extends IntegrationTest {

    @Autowired
    Serializer serializer;

    /** Fails the second flag command the service handles, once. */
    @TestConfiguration
    static class FlagFailsOnce {
        static final AtomicInteger FLAGS = new AtomicInteger();

        @Bean
        @SuppressWarnings("unchecked")
        Registration secondFlagFails(CommandBus commandBus) {
            MessageHandlerInterceptor<CommandMessage<?>> interceptor = (unitOfWork, chain) -> {
                if (unitOfWork.getMessage().getPayload() instanceof FlagPartnerBookings && FLAGS.incrementAndGet() == 2) {
                    throw new IllegalStateException("the second flag fails once");
                }
                return chain.proceed();
            };
            return ((MessageHandlerInterceptorSupport<CommandMessage<?>>) commandBus).registerHandlerInterceptor(interceptor);
        }
    }

    @Test
    void everyComingBookingIsFlaggedWhenOneFlagFailsOnTheWay() {
        String centre = centre("flags");
        String salen = room(centre, "Salen", 40, false);
        String koekkenet = room(centre, "Køkkenet", 12, false);
        String partner = partner("Foreningen der lukker", centre);
        LocalDateTime start = LocalDateTime.of(2027, 3, 12, 10, 0);
        expect(201, call(HttpMethod.POST, "/api/bookings", booking(salen, partner, start, start.plusHours(2))));
        expect(201, call(HttpMethod.POST, "/api/bookings", booking(koekkenet, partner, start, start.plusHours(2))));

        publishPartnerEvent(new PartnerDeactivated(partner, "Foreningen er nedlagt"));

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(flagged(salen)).as("Salen flagged").isEqualTo(1);
            assertThat(flagged(koekkenet)).as("Køkkenet flagged").isEqualTo(1);
        });
        assertThat(FlagFailsOnce.FLAGS.get()).as("flag commands handled").isGreaterThanOrEqualTo(3);
        assertThat(jdbc.sql("SELECT active FROM partner_replica WHERE partner_id = ?").param(partner).query(Boolean.class).single())
                .isFalse();
        // Booking again on either resource decides on the stored schedule: no gap, no phantom.
        expect(201, call(HttpMethod.POST, "/api/bookings", booking(salen, partner(("Ny forening"), centre),
                start.plusHours(3), start.plusHours(4))));
        expect(201, call(HttpMethod.POST, "/api/bookings", booking(koekkenet, partner(("Endnu en forening"), centre),
                start.plusHours(3), start.plusHours(4))));
    }

    @Test
    void aFlagLeftBehindByAStopBetweenCommitAndSendIsSentByTheSweeper() {
        String centre = centre("crash");
        String room = room(centre, "Værkstedet", 20, false);
        String partner = partner("Foreningen der forlod huset", centre);
        LocalDateTime start = LocalDateTime.of(2027, 3, 15, 10, 0);
        expect(201, call(HttpMethod.POST, "/api/bookings", booking(room, partner, start, start.plusHours(1))));
        // What a listener's committed transaction leaves when the service stops before the command is sent.
        SerializedObject<byte[]> command = serializer.serialize(
                new FlagPartnerBookings(room, partner, FlagReason.PARTNER_LEFT_CENTRE), byte[].class);
        jdbc.sql("INSERT INTO deferred_command (id, command_type, payload, actor, created_at, next_attempt_at, attempts)"
                        + " VALUES (?, ?, ?, 'partner-registry', ?, ?, 0)")
                .params(UUID.randomUUID().toString(), command.getType().getName(), new String(command.getData(), StandardCharsets.UTF_8),
                        Timestamp.from(Instant.now().minusSeconds(60)), Timestamp.from(Instant.now().minusSeconds(30)))
                .update();

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(flagged(room)).isEqualTo(1));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                jdbc.sql("SELECT COUNT(*) FROM deferred_command WHERE payload LIKE ?").param("%" + room + "%").query(Long.class).single())
                .as("the sent command's row is gone").isZero());
    }

    private long flagged(String resourceId) {
        return jdbc.sql("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%BookingFlagged'")
                .param(resourceId).query(Long.class).single();
    }
}
