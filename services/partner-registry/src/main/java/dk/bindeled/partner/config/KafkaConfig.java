package dk.bindeled.partner.config;

import dk.bindeled.events.Topics;
import dk.bindeled.events.partner.v1.PartnerEventsV1;
import dk.bindeled.kafka.IntegrationEventPublisher;
import dk.bindeled.kafka.IntegrationEventPublishers;
import dk.bindeled.kafka.ServiceTopics;
import dk.bindeled.partner.integration.out.IntegrationEventTranslator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the partner registry has on Kafka; how topics are declared and events published is kafka-support's. */
@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

    /** Keyed by partner id, so the partition count bounds consumer parallelism, not ordering. */
    @Bean
    ServiceTopics serviceTopics() {
        return ServiceTopics.of("partner-registry").produces(Topics.PARTNER_V1);
    }

    /** The event store (the outbox) to {@code bindeled.partner.v1}: the translator's allow-list, in acknowledged batches. */
    @Bean
    IntegrationEventPublisher kafkaEventPublisher(IntegrationEventPublishers publishers) {
        return publishers.publisher(AxonConfig.KAFKA_PUBLISHER, PartnerEventsV1.CATALOG, PartnerEventsV1.SOURCE,
                IntegrationEventTranslator::translate);
    }
}
