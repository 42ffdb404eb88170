package dk.bindeled.partner.config;

import dk.bindeled.axon.AxonSupportAutoConfiguration;
import dk.bindeled.axon.ProjectionReplay;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The partner registry's own Axon settings. How Axon runs on the database (storage, serialisation,
 * gap timeout, error handling, binary columns) is shared by every service: see {@link AxonSupportAutoConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfig {

    /** Processing group that publishes integration events to Kafka. */
    public static final String KAFKA_PUBLISHER = "kafka-publisher";
    /** Processing group that maintains the query-side projection tables. */
    public static final String DIRECTORY_PROJECTION = "directory";
    /** Metadata key of the user who sent a command; copied onto its events. */
    public static final String ACTOR = AxonSupportAutoConfiguration.ACTOR;

    @Bean
    public SnapshotTriggerDefinition partnerSnapshotTrigger(Snapshotter snapshotter,
                                                            @Value("${bindeled.axon.snapshot-threshold:50}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /** Rebuilds the directory tables from the event store (the projection's reset handler empties them). */
    @Bean
    public ProjectionReplay directoryReplay(EventProcessingConfiguration processing, EventStore eventStore) {
        return new ProjectionReplay(processing, eventStore, DIRECTORY_PROJECTION);
    }
}
