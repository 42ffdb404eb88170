package dk.bindeled.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Told of what the listener error handler does with a failed record, e.g. to count it. Any number of beans; the
 * handler calls each of them.
 */
public interface ListenerFailures {

    /** The record could not be read and has been written to the consumer's dead-letter topic. */
    default void deadLettered(ConsumerRecord<?, ?> record, Exception failure) {
    }

    /**
     * An attempt to apply the record failed (every attempt, the single one of a record then dead-lettered included): a
     * count rising without dead letters means a partition is stuck on a record that is retried.
     */
    default void failedAttempt(ConsumerRecord<?, ?> record, Exception failure, int attempt) {
    }
}
