package dk.bindeled.testsupport;

import dk.bindeled.infra.kafka.EmbeddedKraftBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** The in-process KRaft broker, in a fresh temporary directory. */
final class EmbeddedTestKafka implements TestKafka {

    private final EmbeddedKraftBroker broker;

    EmbeddedTestKafka() {
        try {
            broker = EmbeddedKraftBroker.onFreePorts(Files.createTempDirectory("bindeled-kafka-")).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Not stopped in a shutdown hook: Spring contexts still closing at JVM exit would hang waiting for
        // a broker that went first. The test JVM's exit ends the broker's threads.
    }

    @Override
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public void stop() {
        broker.stop();
    }

    @Override
    public void start() {
        broker.start();
    }

    @Override
    public String describe() {
        return "embedded KRaft broker at " + broker.bootstrapServers();
    }
}
