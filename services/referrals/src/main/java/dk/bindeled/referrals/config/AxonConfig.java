package dk.bindeled.referrals.config;

import dk.bindeled.axon.AxonSupportAutoConfiguration;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Referrals' own Axon settings. How Axon runs on the database (storage, serialisation, gap timeout, error handling,
 * binary columns) is shared by every service: see {@link AxonSupportAutoConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfig {

    /** Processing group that publishes integration events to Kafka. */
    public static final String KAFKA_PUBLISHER = "kafka-publisher";
    /** The referral views: written in the command's own transaction, so a referral is readable the moment it is answered. */
    public static final String VIEWS = "referral-views";

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
