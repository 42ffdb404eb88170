package dk.bindeled.booking.config;

import dk.bindeled.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

    /** Keyed by resource id, so the partition count bounds consumer parallelism, not ordering. */
    @Bean
    public NewTopic bookingTopic() {
        return TopicBuilder.name(Topics.BOOKING_V1).partitions(3).build();
    }

    @Bean
    public NewTopic partnerDeadLetterTopic() {
        return TopicBuilder.name(Topics.deadLetter(Topics.PARTNER_V1)).partitions(1).build();
    }
}
