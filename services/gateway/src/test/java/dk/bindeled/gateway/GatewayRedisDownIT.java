package dk.bindeled.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The limiter's Redis is down (a port nothing listens on): writes go through unlimited rather than fail, and each
 * one is counted so an alert can see it.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRedisDownIT {

    private static final BackendStandIn BOOKING = new BackendStandIn("room-booking");

    @Autowired
    Environment environment;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", () -> String.valueOf(BackendStandIn.closedPort()));
        registry.add("management.server.port", () -> "0");
        registry.add("bindeled.gateway.routes.room-booking", BOOKING::url);
        // One write per address if Redis answered: the second one passing shows the limit is not applied.
        registry.add("bindeled.gateway.rate-limit.address.replenish-rate", () -> "1");
        registry.add("bindeled.gateway.rate-limit.address.requested-tokens", () -> "60");
        registry.add("bindeled.gateway.rate-limit.address.burst-capacity", () -> "60");
    }

    @AfterAll
    static void stop() {
        BOOKING.close();
    }

    @Test
    void writesPassUnlimitedAndAreCountedWhileRedisIsDown() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/booking/api/bookings"))
                    .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("write %d", i).isEqualTo(201);
        }
        assertThat(meters.get("bindeled.gateway.rate_limit.unavailable").counter().count()).isGreaterThanOrEqualTo(3);
    }
}
