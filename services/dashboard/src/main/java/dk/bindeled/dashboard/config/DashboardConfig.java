package dk.bindeled.dashboard.config;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class DashboardConfig {

    /**
     * The one source of "now" (tests replace it). Its zone is where "today" and "this week" are for centres
     * that name no time zone of their own.
     */
    @Bean
    Clock clock(@Value("${bindeled.dashboard.time-zone:Europe/Copenhagen}") ZoneId zone) {
        return Clock.system(zone);
    }
}
