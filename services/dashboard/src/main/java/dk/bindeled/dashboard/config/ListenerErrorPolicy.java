package dk.bindeled.dashboard.config;

import dk.bindeled.events.cloudevents.UnreadableEventException;
import java.time.Duration;
import java.util.Map;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How the consumer treats a record it failed to apply.
 *
 * <ul>
 *   <li>A poison record, one that cannot be read (not a valid CloudEvent of the contract, data breaking the
 *       schema): dead-lettered at once with the reason; retrying cannot help, and it carries no event whose
 *       absence could break the order of the others.</li>
 *   <li>Anything else (database down, a transient failure, a bug): retried with exponential backoff for as
 *       long as it takes, or until the container stops. The record is a valid event: skipping it would let
 *       the later events of its key be applied without it, so the read model would silently diverge
 *       (a deactivation applied to a partner never registered). A stuck partition is visible in the consumer
 *       lag and in the retry counter instead, and goes on by itself once the cause is fixed.</li>
 * </ul>
 *
 * <p>Spring Kafka also treats conversion failures and {@link ClassCastException} as not retryable by default;
 * those defaults are replaced, because for this listener (raw records, read by our own codec) they can only
 * be bugs, and a bug must not cost an event.
 */
public final class ListenerErrorPolicy {

    public static final Duration DEFAULT_INITIAL_INTERVAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_INTERVAL = Duration.ofSeconds(30);

    private ListenerErrorPolicy() {
    }

    public static DefaultErrorHandler errorHandler(ConsumerAwareRecordRecoverer recoverer) {
        return errorHandler(recoverer, DEFAULT_INITIAL_INTERVAL, DEFAULT_MAX_INTERVAL);
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
