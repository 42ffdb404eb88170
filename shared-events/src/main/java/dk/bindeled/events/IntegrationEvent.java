package dk.bindeled.events;

/**
 * An event published between services. Implementations are immutable records in a versioned
 * package; within a version only optional fields may be added.
 */
public interface IntegrationEvent {

    /** The id of the aggregate the event is about: the Kafka key and the CloudEvents subject. */
    String subject();
}
