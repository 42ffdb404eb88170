package dk.bindeled.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/**
 * A service's topics are created on the broker as it starts, as {@code bindeled.kafka.topics} says: its own, the ones
 * it consumes, and a dead-letter topic of its own for each consumed one with the partitions of its source.
 */
class TopicDeclarationIT {

    @Test
    void everyTopicOfTheServiceIsCreatedWithTheConfiguredPartitionsAndReplication() {
        String produced = KafkaContexts.uniqueTopic("produced");
        String consumed = KafkaContexts.uniqueTopic("consumed");
        ServiceTopics topics = ServiceTopics.of("room-booking").produces(produced).consumes(consumed);
        String deadLetters = consumed + ".room-booking.dlt";

        KafkaContexts.runner()
                .withBean(ServiceTopics.class, () -> topics)
                // The tests' broker is a single node: replication 1 is all it can hold, so min.insync.replicas is 1 as well.
                .withPropertyValues("bindeled.kafka.topics.partitions=5", "bindeled.kafka.topics.replication-factor=1",
                        "bindeled.kafka.topics.min-insync-replicas=1")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(topics.deadLetterTopic(consumed)).isEqualTo(deadLetters);
                    try (Admin admin = KafkaContexts.admin()) {
                        Map<String, TopicDescription> described = admin.describeTopics(List.of(produced, consumed, deadLetters))
                                .allTopicNames().get();
                        assertThat(described.values()).allSatisfy(topic -> {
                            assertThat(topic.partitions()).as(topic.name()).hasSize(5);
                            assertThat(topic.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(1));
                        });
                        Map<ConfigResource, Config> configs = admin.describeConfigs(described.keySet().stream()
                                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList()).all().get();
                        assertThat(configs.values()).allSatisfy(config -> {
                            assertThat(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()).isEqualTo("1");
                            assertThat(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).source())
                                    .as("set on the topic, not inherited from the broker")
                                    .isEqualTo(org.apache.kafka.clients.admin.ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
                        });
                    }
                });
    }

    @Test
    void withoutSettingsATopicHasThreePartitionsOneReplicaAndMinInsyncOne() {
        String produced = KafkaContexts.uniqueTopic("defaults");

        KafkaContexts.runner()
                .withBean(ServiceTopics.class, () -> ServiceTopics.of("partner-registry").produces(produced))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    try (Admin admin = KafkaContexts.admin()) {
                        TopicDescription topic = admin.describeTopics(List.of(produced)).allTopicNames().get().get(produced);
                        assertThat(topic.partitions()).hasSize(3).allSatisfy(p -> assertThat(p.replicas()).hasSize(1));
                        Config config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, produced)))
                                .all().get().values().iterator().next();
                        assertThat(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()).isEqualTo("1");
                    }
                });
    }

    @Test
    void settingsThatTheReplicationCannotHoldAreRefusedAtStart() {
        KafkaContexts.runner()
                .withBean(ServiceTopics.class, () -> ServiceTopics.of("dashboard").consumes(KafkaContexts.uniqueTopic("refused")))
                .withPropertyValues("bindeled.kafka.topics.replication-factor=1", "bindeled.kafka.topics.min-insync-replicas=2")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("min-insync-replicas"));
    }
}
