package dk.bindeled.booking;

import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The service's clock fixed at {@link ServiceTestSupport#NOW}, so test bookings lie ahead whatever day the tests run. */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClock {

    @Bean
    @Primary
    Clock testClock() {
        return Clock.fixed(ServiceTestSupport.NOW, ZoneOffset.UTC);
    }
}
