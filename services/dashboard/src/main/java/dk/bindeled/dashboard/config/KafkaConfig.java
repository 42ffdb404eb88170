package dk.bindeled.dashboard.config;

import dk.bindeled.dashboard.integration.in.ConsumerMetrics;
import dk.bindeled.dashboard.integration.in.DeadLetters;
import dk.bindeled.events.Topics;
import dk.bindeled.events.booking.v1.BookingEventsV1;
import dk.bindeled.events.cloudevents.CloudEventCodec;
import dk.bindeled.events.partner.v1.PartnerEventsV1;
import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;

@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

    /** Partitions of the partner topic: the unit of parallelism; order holds per partner (the key). */
    static final int PARTNER_PARTITIONS = 3;

    /** Partitions of the booking topic; order holds per resource (the key of booking events) and per centre. */
    static final int BOOKING_PARTITIONS = 3;

    @Bean
    CloudEventCodec partnerEventCodec() {
        return new CloudEventCodec(PartnerEventsV1.CATALOG, PartnerEventsV1.SOURCE);
    }

    // Replication factor is left to the broker's default, so the same declaration fits one local broker and a cluster.
    @Bean
    NewTopic partnerTopic() {
        return TopicBuilder.name(Topics.PARTNER_V1).partitions(PARTNER_PARTITIONS).build();
    }

    @Bean
    NewTopic partnerDeadLetterTopic() {
        return TopicBuilder.name(Topics.deadLetter(Topics.PARTNER_V1)).partitions(PARTNER_PARTITIONS).build();
    }

    @Bean
    CloudEventCodec bookingEventCodec() {
        return new CloudEventCodec(BookingEventsV1.CATALOG, BookingEventsV1.SOURCE);
    }

    @Bean
    NewTopic bookingTopic() {
        return TopicBuilder.name(Topics.BOOKING_V1).partitions(BOOKING_PARTITIONS).build();
    }

    @Bean
    NewTopic bookingDeadLetterTopic() {
        return TopicBuilder.name(Topics.deadLetter(Topics.BOOKING_V1)).partitions(BOOKING_PARTITIONS).build();
    }

    /** Picked up by Boot's listener container factory. */
    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaOperations<?, ?> kafkaTemplate, ConsumerMetrics metrics,
                                          @Value("${bindeled.dashboard.consumer.retry.initial-interval:1s}") Duration initialInterval,
                                          @Value("${bindeled.dashboard.consumer.retry.max-interval:30s}") Duration maxInterval) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafkaTemplate,
                // Partition -1: the producer picks it from the key, so the bad records of one partner or resource stay together.
                (record, failure) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        deadLetters.setHeadersFunction((record, failure) -> DeadLetters.reasonHeaders(failure));
        DefaultErrorHandler handler = ListenerErrorPolicy.errorHandler((record, consumer, failure) -> {
            deadLetters.accept(record, consumer, failure);
            metrics.deadLettered(record.topic());
        }, initialInterval, maxInterval);
        handler.setRetryListeners((record, failure, attempt) -> metrics.failedAttempt(record.topic()));
        return handler;
    }
}
