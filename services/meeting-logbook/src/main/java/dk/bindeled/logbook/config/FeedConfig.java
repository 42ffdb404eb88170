package dk.bindeled.logbook.config;

import dk.bindeled.ical.FeedTokenStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The meeting feed's tokens, in the service's own table: ical-support's store, as room booking's. */
@Configuration(proxyBeanMethods = false)
class FeedConfig {

    @Bean
    FeedTokenStore feedTokens(JdbcClient jdbc, Clock clock) {
        return new FeedTokenStore(jdbc, clock);
    }
}
