package dk.bindeled.booking;

import static org.assertj.core.api.Assertions.assertThat;

import dk.bindeled.testsupport.TestInfrastructure;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The local stack's default: the service on an H2 database in PostgreSQL mode (here in memory), with the
 * real broker. Axon's tables, the command-side tables and the read model must all come up, and the
 * booking rules that lean on SQL (quota ledger, id locator, centre rules) must hold on H2 too.
 */
@Import(FixedClock.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class H2LocalModeIT extends ServiceTestSupport {

    @DynamicPropertySource
    static void h2(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:local-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("spring.kafka.consumer.group-id", () -> "room-booking-h2-" + UUID.randomUUID());
    }

    @Test
    void booksRefusesClashesAndEnforcesQuotasOnH2() {
        assertThat(jdbc.sql("SELECT H2VERSION()").query(String.class).single()).as("running on H2").isNotBlank();
        String centre = centre("h2");
        String room = room(centre, "Salen", 20, false);
        String partner = partner("Café Sumak", centre);
        expect(204, call(HttpMethod.PUT, "/api/centres/" + centre + "/quotas/" + partner, Map.of("hoursPerWeek", 3)));
        LocalDateTime start = LocalDateTime.of(2027, 3, 2, 10, 0);
        expect(201, call(HttpMethod.POST, "/api/bookings", booking(room, partner, start, start.plusHours(2))));
        assertThat(call(HttpMethod.POST, "/api/bookings", booking(room, partner, start.plusHours(1), start.plusHours(2))).status())
                .isEqualTo(409);
        Response quota = call(HttpMethod.POST, "/api/bookings", booking(room, partner, start.plusHours(4), start.plusHours(6)));
        assertThat(quota.status()).isEqualTo(409);
        assertThat(quota.body().get("rule").asText()).isEqualTo("quota-exceeded");
        assertThat(consumeUntil(BOOKING_TOPIC, rs -> rs.stream().anyMatch(r -> room.equals(r.key())), Duration.ofSeconds(30)))
                .anyMatch(r -> room.equals(r.key()));
    }
}
