package dk.bindeled.booking.config;

import dk.bindeled.events.Topics;
import dk.bindeled.events.cloudevents.UnreadableEventException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * A record of {@code bindeled.partner.v1} that is not a valid CloudEvent of the contract goes to the
 * dead-letter topic at once, with the reason; anything else (database down, a bug) is retried with
 * backoff without limit, because skipping a valid partner event would leave the replica wrong.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaErrorConfig {

    /** Header with the human-readable reason the record could not be applied (UTF-8). */
    public static final String REASON_HEADER = "bindeled_dlt_reason";

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaOperations<?, ?> kafkaTemplate) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafkaTemplate,
                (record, failure) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        deadLetters.setHeadersFunction((record, failure) -> {
            RecordHeaders headers = new RecordHeaders();
            headers.add(REASON_HEADER, reason(failure).getBytes(StandardCharsets.UTF_8));
            return headers;
        });
        ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2.0);
        backOff.setMaxInterval(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
        handler.addNotRetryableExceptions(UnreadableEventException.class);
        return handler;
    }

    private static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnreadableEventException) {
                return t.getMessage();
            }
        }
        return String.valueOf(failure.getMessage());
    }
}
