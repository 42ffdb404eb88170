package dk.bindeled.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Kafka in a container (apache/kafka, KRaft). Stop and start pause and unpause the container so the
 * mapped port, and so the address clients know, stays the same.
 */
final class ContainerTestKafka implements TestKafka {

    static final String IMAGE = "apache/kafka:4.1.1";

    private final KafkaContainer container = new KafkaContainer(IMAGE);

    ContainerTestKafka() {
        container.start();
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public void stop() {
        DockerClientFactory.instance().client().pauseContainerCmd(container.getContainerId()).exec();
    }

    @Override
    public void start() {
        DockerClientFactory.instance().client().unpauseContainerCmd(container.getContainerId()).exec();
    }

    @Override
    public String describe() {
        return "Testcontainers " + IMAGE + " at " + bootstrapServers();
    }
}
