package dk.bindeled.logbook.config;

import dk.bindeled.events.Topics;
import dk.bindeled.events.logbook.v1.LogbookEventsV1;
import dk.bindeled.kafka.IntegrationEventPublisher;
import dk.bindeled.kafka.IntegrationEventPublishers;
import dk.bindeled.kafka.ServiceTopics;
import dk.bindeled.logbook.integration.out.IntegrationEventTranslator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the logbook has on Kafka; how topics are declared and events published is kafka-support's. */
@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

    /** Its own topic: a collaboration's events keyed by it, a meeting's by the meeting, an action item's by the item. */
    @Bean
    ServiceTopics serviceTopics() {
        return ServiceTopics.of("meeting-logbook").produces(Topics.LOGBOOK_V1).consumes(Topics.BOOKING_V1, Topics.REFERRAL_V1);
    }

    /** The event store (the outbox) to {@code bindeled.logbook.v1}: the translator's allow-list, in acknowledged batches. */
    @Bean
    IntegrationEventPublisher kafkaEventPublisher(IntegrationEventPublishers publishers) {
        return publishers.publisher(AxonConfig.KAFKA_PUBLISHER, LogbookEventsV1.CATALOG, LogbookEventsV1.SOURCE, IntegrationEventTranslator::translate);
    }
}
