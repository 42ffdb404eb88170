package dk.bindeled.dashboard.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the dashboard declares the topics it consumes and its own dead-letter topics
 * ({@code bindeled.dashboard.topics.*}). Locally one broker: replication factor 1, {@code min.insync.replicas} 1;
 * in production 3 and 2.
 *
 * @param partnerPartitions partitions of {@code bindeled.partner.v1}, as the partner registry declares it, and so of
 *                          its dead-letter topic
 * @param bookingPartitions partitions of {@code bindeled.booking.v1}, as room booking declares it, and so of its
 *                          dead-letter topic
 */
@ConfigurationProperties("bindeled.dashboard.topics")
public record TopicSettings(
        @DefaultValue("3") int partnerPartitions,
        @DefaultValue("3") int bookingPartitions,
        @DefaultValue("1") int replicationFactor,
        @DefaultValue("1") int minInsyncReplicas) {
}
