package dk.bindeled.partner.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon on the service's own relational database: JPA event storage (the event table is the outbox),
 * Jackson (2) serialisation for events, snapshots and tokens, snapshots for long-lived partners, and
 * processing groups that must never swallow an error.
 */
@Configuration(proxyBeanMethods = false)
// Axon registers its entities through Boot 3's EntityScanPackages, which moved in Boot 4: name them here.
@EntityScan(basePackages = {
        "org.axonframework.eventsourcing.eventstore.jpa",
        "org.axonframework.eventhandling.tokenstore.jpa",
        "org.axonframework.modelling.saga.repository.jpa",
        "org.axonframework.eventhandling.deadletter.jpa"})
public class AxonConfig {

    /** Processing group that publishes integration events to Kafka. */
    public static final String KAFKA_PUBLISHER = "kafka-publisher";
    /** Processing group that maintains the query-side projection tables. */
    public static final String DIRECTORY_PROJECTION = "directory";
    /** Metadata key of the user who sent a command; copied onto its events. */
    public static final String ACTOR = "actor";

    @Bean
    @Primary
    public Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(axonObjectMapper()).build();
    }

    @Bean
    public Serializer eventSerializer() {
        return serializer();
    }

    @Bean
    public Serializer messageSerializer() {
        return serializer();
    }

    /**
     * Reads fields, not getters: aggregate snapshots are plain fields, and event records need no setters.
     */
    static ObjectMapper axonObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .build();
    }

    /**
     * The gap timeout is how long a streaming processor waits for a missing global index (an
     * uncommitted or rolled-back append) before it stops looking for it. With a sequence of allocation
     * size 1 a gap lives only as long as one command transaction, so a few seconds is ample; waiting
     * the default minute would only slow recovery.
     */
    @Bean
    public EventStorageEngine eventStorageEngine(Serializer serializer,
                                                 EntityManagerProvider entityManagerProvider,
                                                 TransactionManager transactionManager,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 @Value("${bindeled.axon.gap-timeout:PT10S}") Duration gapTimeout) {
        return JpaEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager)
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .gapTimeout((int) gapTimeout.toMillis())
                .build();
    }

    /**
     * Axon's auto-configuration registers the store as bean {@code eventBus} with qualifier
     * {@code eventStore}; Spring 7 no longer resolves a by-name reference through a qualifier, and the
     * aggregate repositories look the store up by the name {@code eventStore}. Declaring it under that
     * name makes the wiring explicit (and the auto-configured one backs off: this is the EventBus).
     */
    @Bean
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .build();
    }

    @Bean
    public SnapshotTriggerDefinition partnerSnapshotTrigger(Snapshotter snapshotter,
                                                            @Value("${bindeled.axon.snapshot-threshold:50}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    @Bean
    public CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(ACTOR);
    }

    @Bean
    public CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    /**
     * An exception in the Kafka publisher must stop the processor at that event (its token does not
     * advance) so it is retried, never logged and skipped. The projection behaves the same way.
     */
    @Bean
    public ConfigurerModule propagateProcessingErrors() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(KAFKA_PUBLISHER, c -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(DIRECTORY_PROJECTION, c -> PropagatingErrorHandler.instance());
    }
}
