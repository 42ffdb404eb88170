package dk.bindeled.partner.config;

import dk.bindeled.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

    /** Keyed by partner id, so the partition count bounds consumer parallelism, not ordering. */
    @Bean
    public NewTopic partnerTopic() {
        return TopicBuilder.name(Topics.PARTNER_V1).partitions(3).build();
    }
}
