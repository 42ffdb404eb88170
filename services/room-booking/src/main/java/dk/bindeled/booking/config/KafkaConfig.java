package dk.bindeled.booking.config;

import dk.bindeled.booking.integration.out.IntegrationEventTranslator;
import dk.bindeled.events.Topics;
import dk.bindeled.events.booking.v1.BookingEventsV1;
import dk.bindeled.kafka.InboxTable;
import dk.bindeled.kafka.IntegrationEventPublisher;
import dk.bindeled.kafka.IntegrationEventPublishers;
import dk.bindeled.kafka.ServiceTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What room booking has on Kafka; how topics are declared, unreadable records dead-lettered, the inbox kept and
 * events published is kafka-support's.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

    /**
     * Its own topic, keyed by resource id (the partition count bounds consumer parallelism, not ordering), the
     * partner registry's and the meeting logbook's (meetings asking for rooms), each with room booking's dead-letter
     * topic ({@code bindeled.partner.v1.room-booking.dlt}).
     */
    @Bean
    ServiceTopics serviceTopics() {
        return ServiceTopics.of("room-booking").produces(Topics.BOOKING_V1).consumes(Topics.PARTNER_V1, Topics.LOGBOOK_V1);
    }

    /** The partner replica's inbox (V1__command_side.sql); it predates the standard shape and records no topic. */
    @Bean
    InboxTable inboxTable() {
        return new InboxTable("inbox", "event_id", "event_type", null, "processed_at");
    }

    /** The event store (the outbox) to {@code bindeled.booking.v1}: the translator's allow-list, in acknowledged batches. */
    @Bean
    IntegrationEventPublisher kafkaEventPublisher(IntegrationEventPublishers publishers) {
        return publishers.publisher(AxonConfig.KAFKA_PUBLISHER, BookingEventsV1.CATALOG, BookingEventsV1.SOURCE,
                IntegrationEventTranslator::translate);
    }
}
