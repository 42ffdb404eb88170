package dk.bindeled.testsupport;

/** A real Kafka broker for tests that can be taken down and brought back on the same address. */
public interface TestKafka {

    String bootstrapServers();

    /** Takes the broker away: clients see it as down. */
    void stop();

    /** Brings the broker back with its data, on the same address. */
    void start();

    /** A short description for logs: which kind of broker this is. */
    String describe();
}
