package dk.bindeled.booking.config;

import dk.bindeled.booking.domain.BookingHorizon;
import dk.bindeled.booking.domain.HoldPolicy;
import java.time.Duration;
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

    @Bean
    HoldPolicy holdPolicy(@Value("${bindeled.booking.holds.requested:PT48H}") Duration requested,
                          @Value("${bindeled.booking.holds.waitlist-offer:PT24H}") Duration waitlistOffer) {
        return new HoldPolicy(requested, waitlistOffer);
    }
}
