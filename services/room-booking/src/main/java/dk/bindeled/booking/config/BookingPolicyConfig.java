package dk.bindeled.booking.config;

import dk.bindeled.booking.domain.BookingHorizon;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service-wide settings of the booking rules; the aggregate receives them as handler parameters. */
@Configuration(proxyBeanMethods = false)
public class BookingPolicyConfig {

    @Bean
    BookingHorizon bookingHorizon(@Value("${bindeled.booking.max-years-ahead:" + BookingHorizon.DEFAULT_YEARS + "}") int years) {
        return new BookingHorizon(years);
    }
}
