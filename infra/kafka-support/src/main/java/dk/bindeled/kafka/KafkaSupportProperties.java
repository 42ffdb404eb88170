package dk.bindeled.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bindeled.kafka.*}: how a service declares its topics, retries its listeners, keeps its inbox and waits for
 * the broker. The defaults suit the one in-process broker of a local run and of the tests; docker-compose and
 * production set replication factor 3 and {@code min.insync.replicas} 2.
 *
 * @param ackTimeout how long a publishing batch waits for the broker's acknowledgements before it fails and is sent again
 */
@ConfigurationProperties("bindeled.kafka")
public record KafkaSupportProperties(
        @DefaultValue("PT10S") Duration ackTimeout,
        @DefaultValue TopicSettings topics,
        @DefaultValue ConsumerSettings consumer,
        @DefaultValue InboxSettings inbox) {

    /**
     * Every topic a service declares, its own, those it consumes and its dead-letter topics, gets these. One partition
     * count for all, so every service that declares a source topic declares it alike and a dead-letter topic has the
     * partitions of its source.
     */
    public record TopicSettings(
            @DefaultValue("3") int partitions,
            @DefaultValue("1") short replicationFactor,
            @DefaultValue("1") int minInsyncReplicas) {

        public TopicSettings {
            if (partitions < 1 || replicationFactor < 1 || minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
                throw new IllegalArgumentException("bindeled.kafka.topics: partitions and replication-factor must be at least 1, and "
                        + "min-insync-replicas between 1 and the replication factor; got " + partitions + "/" + replicationFactor + "/"
                        + minInsyncReplicas);
            }
        }
    }

    /** A valid record that fails is retried after {@code initialInterval}, doubling up to {@code maxInterval}, without end. */
    public record ConsumerSettings(@DefaultValue Retry retry) {

        public record Retry(
                @DefaultValue("1s") Duration initialInterval,
                @DefaultValue("30s") Duration maxInterval) {
        }
    }

    /**
     * @param retention        how long a processed {@code ce_id} is remembered: longer than the topics keep their records
     *                         ({@code retention.ms}, 7 days by default), or a redelivery would be applied a second time
     * @param cleanupInterval  how often the expired entries are removed
     * @param cleanupBatchSize at most this many rows per delete, each its own short transaction
     */
    public record InboxSettings(
            @DefaultValue("30d") Duration retention,
            @DefaultValue("1h") Duration cleanupInterval,
            @DefaultValue("1000") int cleanupBatchSize) {
    }
}
