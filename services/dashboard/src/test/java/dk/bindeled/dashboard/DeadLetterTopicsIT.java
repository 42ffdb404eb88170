package dk.bindeled.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dk.bindeled.events.Topics;
import dk.bindeled.kafka.KafkaSupportProperties;
import dk.bindeled.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard's dead letters go to dead-letter topics of its own ({@code <topic>.dashboard.dlt}), not to one
 * shared with other consumers of the topic (whose declaration of it need not match), each with as many
 * partitions as its source topic, and every dead letter to the partition its record came from.
 */
class DeadLetterTopicsIT extends DashboardIntegrationTest {

    @Autowired
    KafkaSupportProperties settings;

    @ParameterizedTest
    @ValueSource(strings = {Topics.PARTNER_V1, Topics.BOOKING_V1, Topics.REFERRAL_V1, Topics.LOGBOOK_V1})
    void eachTopicHasItsOwnDeadLetterTopicAndEveryDeadLetterKeepsItsPartition(String topic) throws Exception {
        String deadLetterTopic = topic + ".dashboard.dlt";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of(topic, deadLetterTopic)).allTopicNames().get();
            int partitions = topics.get(topic).partitions().size();
            assertThat(topics.get(deadLetterTopic).partitions()).hasSize(partitions);
            assertThat(topics.get(deadLetterTopic).partitions())
                    .allSatisfy(p -> assertThat(p.replicas()).hasSize(settings.topics().replicationFactor()));
            Config config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, deadLetterTopic)))
                    .all().get().values().iterator().next();
            assertThat(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()).isEqualTo(String.valueOf(settings.topics().minInsyncReplicas()));

            // One key for all: were dead letters routed by key, they could not all keep their partition.
            String key = "unreadable-" + UUID.randomUUID();
            for (int partition = 0; partition < partitions; partition++) {
                send(new ProducerRecord<>(topic, partition, key, ("not a CloudEvent " + partition).getBytes(StandardCharsets.UTF_8)));
            }
            List<ConsumerRecord<String, byte[]>> deadLetters = deadLetters(topic, key, partitions);

            assertThat(deadLetters).hasSize(partitions).allSatisfy(dead -> {
                assertThat(dead.topic()).isEqualTo(deadLetterTopic);
                assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not a CloudEvent " + dead.partition());
                assertThat(deadLetterReason(dead)).isNotBlank();
            });
        }
        awaitCaughtUp();
    }
}
