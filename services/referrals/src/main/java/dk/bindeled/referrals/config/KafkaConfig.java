package dk.bindeled.referrals.config;

import dk.bindeled.events.Topics;
import dk.bindeled.events.referral.v1.ReferralEventsV1;
import dk.bindeled.kafka.InboxTable;
import dk.bindeled.kafka.IntegrationEventPublisher;
import dk.bindeled.kafka.IntegrationEventPublishers;
import dk.bindeled.kafka.ServiceTopics;
import dk.bindeled.referrals.integration.out.IntegrationEventTranslator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What referrals has on Kafka; how topics are declared and events published is kafka-support's. */
@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

    /**
     * Its own topic, keyed by referral id, and the partner registry's, with referrals' dead-letter topic for it
     * ({@code bindeled.partner.v1.referrals.dlt}).
     */
    @Bean
    ServiceTopics serviceTopics() {
        return ServiceTopics.of("referrals").produces(Topics.REFERRAL_V1).consumes(Topics.PARTNER_V1);
    }

    /** The partner replica's inbox (V2__partner_replica.sql), in the standard shape. */
    @Bean
    InboxTable inboxTable() {
        return InboxTable.STANDARD;
    }

    /** The event store (the outbox) to {@code bindeled.referral.v1}: the translator's allow-list, in acknowledged batches. */
    @Bean
    IntegrationEventPublisher kafkaEventPublisher(IntegrationEventPublishers publishers) {
        return publishers.publisher(AxonConfig.KAFKA_PUBLISHER, ReferralEventsV1.CATALOG, ReferralEventsV1.SOURCE,
                IntegrationEventTranslator::translate);
    }
}
