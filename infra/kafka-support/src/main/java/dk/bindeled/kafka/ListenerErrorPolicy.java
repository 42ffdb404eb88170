package dk.bindeled.kafka;

import dk.bindeled.events.cloudevents.UnreadableEventException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How every consumer treats a record it failed to apply.
 *
 * <ul>
 *   <li>A poison record, one that cannot be read (not a valid CloudEvent of the contract, data breaking the
 *       schema): dead-lettered at once with the reason; retrying cannot help, and it carries no event whose
 *       absence could break the order of the others.</li>
 *   <li>Anything else (database down, a transient failure, a bug): retried with exponential backoff for as
 *       long as it takes, or until the container stops. The record is a valid event: skipping it would let
 *       the later events of its key be applied without it, so a replica or read model would silently diverge
 *       (a deactivation applied to a partner never registered). A stuck partition is visible in the consumer
 *       lag and in the retry counter instead, and goes on by itself once the cause is fixed.</li>
 * </ul>
 *
 * <p>Spring Kafka also treats conversion failures and {@link ClassCastException} as not retryable by default;
 * those defaults are replaced, because for these listeners (raw records, read by our own codec) they can only
 * be bugs, and a bug must not cost an event.
 */
public final class ListenerErrorPolicy {

    private ListenerErrorPolicy() {
    }

    /**
     * The container error handler of a service: unreadable records to its own dead-letter topic for their source
     * ({@link ServiceTopics#deadLetterTopic}), to the partition they came from, with the reason in
     * {@link DeadLetters#REASON_HEADER}; everything else retried without end. Each of {@code listeners} hears of both.
     */
    public static DefaultErrorHandler deadLettering(KafkaOperations<?, ?> kafka, ServiceTopics topics,
                                                    KafkaSupportProperties.ConsumerSettings.Retry retry, List<ListenerFailures> listeners) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
                (record, failure) -> new TopicPartition(topics.deadLetterTopic(record.topic()), record.partition()));
        deadLetters.setHeadersFunction((record, failure) -> DeadLetters.reasonHeaders(failure));
        DefaultErrorHandler handler = errorHandler((record, consumer, failure) -> {
            deadLetters.accept(record, consumer, failure);
            listeners.forEach(listener -> listener.deadLettered(record, failure));
        }, retry.initialInterval(), retry.maxInterval());
        handler.setRetryListeners((record, failure, attempt) -> listeners.forEach(listener -> listener.failedAttempt(record, failure, attempt)));
        return handler;
    }

    public static DefaultErrorHandler errorHandler(ConsumerAwareRecordRecoverer recoverer, Duration initialInterval, Duration maxInterval) {
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff(initialInterval, maxInterval));
        handler.setClassifications(Map.of(
                UnreadableEventException.class, false,
                DeserializationException.class, false), true);
        // The failure is logged once more with its reason on the way to the dead-letter topic; no stack trace per attempt.
        handler.setLogLevel(KafkaException.Level.WARN);
        return handler;
    }

    /** Never gives up: every valid event is applied eventually, in order. */
    static BackOff backOff(Duration initialInterval, Duration maxInterval) {
        ExponentialBackOff backOff = new ExponentialBackOff(initialInterval.toMillis(), 2.0);
        backOff.setMaxInterval(maxInterval.toMillis());
        return backOff;
    }
}
