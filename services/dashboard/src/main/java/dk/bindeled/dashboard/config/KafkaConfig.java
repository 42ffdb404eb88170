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
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TopicSettings.class)
public class KafkaConfig {

    @Bean
    CloudEventCodec partnerEventCodec() {
        return new CloudEventCodec(PartnerEventsV1.CATALOG, PartnerEventsV1.SOURCE);
    }

    @Bean
    CloudEventCodec bookingEventCodec() {
        return new CloudEventCodec(BookingEventsV1.CATALOG, BookingEventsV1.SOURCE);
    }

    // The consumed topics are declared here too, exactly as their producers declare them, so the dashboard can
    // start first. Partitions are the unit of parallelism; order holds per key (partner, resource, centre).
    @Bean
    NewTopic partnerTopic(TopicSettings topics) {
        return declare(Topics.PARTNER_V1, topics.partnerPartitions(), topics);
    }

    @Bean
    NewTopic bookingTopic(TopicSettings topics) {
        return declare(Topics.BOOKING_V1, topics.bookingPartitions(), topics);
    }

    // As many partitions as the topic dead-lettered from: a dead letter goes to the partition its record came
    // from, so the dead letters of one key stay in their order and replaying a partition is one partition.
    @Bean
    NewTopic partnerDeadLetterTopic(TopicSettings topics) {
        return declare(DeadLetters.topicFor(Topics.PARTNER_V1), topics.partnerPartitions(), topics);
    }

    @Bean
    NewTopic bookingDeadLetterTopic(TopicSettings topics) {
        return declare(DeadLetters.topicFor(Topics.BOOKING_V1), topics.bookingPartitions(), topics);
    }

    private static NewTopic declare(String name, int partitions, TopicSettings topics) {
        return TopicBuilder.name(name)
                .partitions(partitions)
                .replicas(topics.replicationFactor())
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(topics.minInsyncReplicas()))
                .build();
    }

    /** Picked up by Boot's listener container factory. */
    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaOperations<?, ?> kafkaTemplate, ConsumerMetrics metrics,
                                          @Value("${bindeled.dashboard.consumer.retry.initial-interval:1s}") Duration initialInterval,
                                          @Value("${bindeled.dashboard.consumer.retry.max-interval:30s}") Duration maxInterval) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafkaTemplate,
                (record, failure) -> new TopicPartition(DeadLetters.topicFor(record.topic()), record.partition()));
        deadLetters.setHeadersFunction((record, failure) -> DeadLetters.reasonHeaders(failure));
        DefaultErrorHandler handler = ListenerErrorPolicy.errorHandler((record, consumer, failure) -> {
            deadLetters.accept(record, consumer, failure);
            metrics.deadLettered(record.topic());
        }, initialInterval, maxInterval);
        handler.setRetryListeners((record, failure, attempt) -> metrics.failedAttempt(record.topic()));
        return handler;
    }
}
