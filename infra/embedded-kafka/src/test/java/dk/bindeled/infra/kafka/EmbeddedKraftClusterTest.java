package dk.bindeled.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKraftClusterTest {

    @TempDir
    Path dir;

    @Test
    void replicatesOnThreeNodesAndKeepsTakingAcknowledgedWritesWithTheActiveControllerDown() throws Exception {
        try (EmbeddedKraftCluster cluster = new EmbeddedKraftCluster(dir).start();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            // Declared without a replication factor: the cluster's defaults (3, min.insync.replicas 2) apply.
            admin.createTopics(List.of(new NewTopic("cluster-test", java.util.Optional.of(1), java.util.Optional.empty()))).all().get();
            TopicDescription topic = admin.describeTopics(List.of("cluster-test")).allTopicNames().get().get("cluster-test");
            assertThat(topic.partitions().get(0).replicas()).hasSize(3);
            // The hardest node to lose: the quorum must elect a new controller while a broker moves leaders away.
            int controller = admin.describeMetadataQuorum().quorumInfo().get().leaderId();

            produce(cluster, "before");
            cluster.stop(controller - 1);
            assertThat(cluster.isRunning(controller - 1)).isFalse();
            produce(cluster, "controller-down");
            cluster.start(controller - 1);
            produce(cluster, "back");

            assertThat(consumeAll(cluster, 3)).containsExactly("before", "controller-down", "back");
        }
    }

    private static void produce(EmbeddedKraftCluster cluster, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("cluster-test", "same-key", value)).get();
        }
    }

    private static List<String> consumeAll(EmbeddedKraftCluster cluster, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "cluster-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("cluster-test"));
            long deadline = System.currentTimeMillis() + 30_000;
            while (values.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }
}
