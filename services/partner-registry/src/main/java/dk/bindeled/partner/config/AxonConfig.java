package dk.bindeled.partner.config;

import dk.bindeled.axon.AxonSupportAutoConfiguration;
import dk.bindeled.axon.ProjectionReplay;
import dk.bindeled.axon.ProjectionReplays;
import dk.bindeled.partner.query.DirectoryProjection;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The partner registry's own Axon settings. How Axon runs on the database (storage, serialisation,
 * gap timeout, error handling, binary columns) is shared by every service: see {@link AxonSupportAutoConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfig {

    /** Processing group that publishes integration events to Kafka. */
    public static final String KAFKA_PUBLISHER = "kafka-publisher";
    /** The directory projection; its generations' processors are named after it (see ProjectionReplay). */
    public static final String DIRECTORY_PROJECTION = "directory";
    /** Metadata key of the user who sent a command; copied onto its events. */
    public static final String ACTOR = AxonSupportAutoConfiguration.ACTOR;

    @Bean
    public SnapshotTriggerDefinition partnerSnapshotTrigger(Snapshotter snapshotter,
                                                            @Value("${bindeled.axon.snapshot-threshold:50}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /** Runs the directory projection and rebuilds it beside its live tables. */
    @Bean
    public ProjectionReplay directoryReplay(ProjectionReplays replays, JdbcClient jdbc) {
        return replays.create(DIRECTORY_PROJECTION, DirectoryProjection.TABLES, tables -> new DirectoryProjection(jdbc, tables));
    }
}
