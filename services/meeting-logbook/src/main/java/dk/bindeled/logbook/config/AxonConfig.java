package dk.bindeled.logbook.config;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The logbook's own Axon settings; how Axon runs on the database is axon-support's, as for every service. */
@Configuration(proxyBeanMethods = false)
public class AxonConfig {

    /** Processing group that publishes integration events to Kafka. */
    public static final String KAFKA_PUBLISHER = "kafka-publisher";

    /** The logbook's views: written in the command's transaction, so what was just recorded is on the next page. */
    public static final String VIEWS = "logbook-views";

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
