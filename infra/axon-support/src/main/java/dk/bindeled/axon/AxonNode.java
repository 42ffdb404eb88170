package dk.bindeled.axon;

/** This running instance of the service, as its token claims and its row in {@code processor_node} name it. */
public record AxonNode(String id) {
}
