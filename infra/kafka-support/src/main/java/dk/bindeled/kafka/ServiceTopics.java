package dk.bindeled.kafka;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The topics one service produces and consumes, declared as a bean; the auto-configuration creates each of them, and
 * a dead-letter topic per consumed topic, with the partitions, replication factor and {@code min.insync.replicas} of
 * {@code bindeled.kafka.topics}. A service declares the topics it consumes as well as its own so that it can start
 * before their producers; every declaration of a topic is alike because the settings are.
 *
 * <p>The dead-letter topics are the consumer's own, {@code <source>.<service>.dlt}: consumers of one topic cannot agree
 * on the declaration of one shared dead-letter topic without coupling their deployments, and their dead letters are
 * theirs to replay.
 */
public final class ServiceTopics {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final String service;
    private final Set<String> produced = new LinkedHashSet<>();
    private final Set<String> consumed = new LinkedHashSet<>();

    private ServiceTopics(String service) {
        if (!NAME.matcher(service).matches()) {
            throw new IllegalArgumentException("A service name for topics is lower-case letters, digits and dashes: " + service);
        }
        this.service = service;
    }

    /** The topics of the service of that name; it names the service's dead-letter topics. */
    public static ServiceTopics of(String service) {
        return new ServiceTopics(Objects.requireNonNull(service, "service"));
    }

    public ServiceTopics produces(String... topics) {
        produced.addAll(List.of(topics));
        return this;
    }

    public ServiceTopics consumes(String... topics) {
        consumed.addAll(List.of(topics));
        return this;
    }

    public String service() {
        return service;
    }

    public Set<String> consumed() {
        return Set.copyOf(consumed);
    }

    /** This service's dead-letter topic for records of {@code source}, e.g. {@code bindeled.partner.v1.room-booking.dlt}. */
    public String deadLetterTopic(String source) {
        return deadLetterTopic(source, service);
    }

    public static String deadLetterTopic(String source, String consumer) {
        return source + "." + consumer + ".dlt";
    }

    /** Every topic to declare: the produced and consumed ones, and a dead-letter topic for each consumed one. */
    public List<NewTopic> newTopics(KafkaSupportProperties.TopicSettings settings) {
        Set<String> names = new LinkedHashSet<>(produced);
        names.addAll(consumed);
        consumed.forEach(source -> names.add(deadLetterTopic(source)));
        List<NewTopic> topics = new ArrayList<>();
        for (String name : names) {
            // Partitions are the unit of parallelism; order holds per key. A dead letter keeps its record's partition,
            // so the dead letters of one key stay in order and replaying a partition is one partition.
            topics.add(TopicBuilder.name(name)
                    .partitions(settings.partitions())
                    .replicas(settings.replicationFactor())
                    .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(settings.minInsyncReplicas()))
                    .build());
        }
        return topics;
    }
}
