package dk.bindeled.axon;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.api.Location;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.jdbc.core.simple.JdbcClient;
import java.lang.management.ManagementFactory;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.env.Environment;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JpaAutoConfiguration;
import org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Axon on a service's own relational database, the same way in every event-sourced Bindeled service:
 * JDBC event storage on the tables of Axon's JPA engine (the event table is the outbox; the JPA engine is a
 * setting), Jackson (2) for events, snapshots and tokens, a deliberate gap timeout, streaming processors that
 * stop at a failing event instead of skipping it, and the sender of each command on every event it causes. Runs before Axon's own auto-configuration, whose
 * equivalent beans then back off. Binary columns and the global-index sequence are set by
 * {@link BinaryColumnsDialectResolver} and {@code META-INF/orm.xml} of this module.
 */
@AutoConfiguration(before = {AxonAutoConfiguration.class, JpaAutoConfiguration.class, JpaEventStoreAutoConfiguration.class})
// Axon registers its entities through Boot 3's EntityScanPackages, which moved in Boot 4: name them here.
@EntityScan(basePackages = {
        "org.axonframework.eventsourcing.eventstore.jpa",
        "org.axonframework.eventhandling.tokenstore.jpa",
        "org.axonframework.modelling.saga.repository.jpa",
        "org.axonframework.eventhandling.deadletter.jpa"})
public class AxonSupportAutoConfiguration {

    /** Metadata key of the user who sent a command; copied onto the events it causes. */
    public static final String ACTOR = "actor";

    /** Every Axon transaction manager, whoever defines it, ends its transactions with their unit of work. */
    @Bean
    static BeanPostProcessor unitOfWorkBoundTransactions() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof TransactionManager manager && !(bean instanceof UnitOfWorkBoundTransactions)
                        ? new UnitOfWorkBoundTransactions(manager) : bean;
            }
        };
    }

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

    /** Reads fields, not getters: aggregate snapshots are plain fields, and event records need no setters. */
    static ObjectMapper axonObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // A stored 17:00+01:00 reads back as 17:00+01:00, not 16:00Z: the offset is the local time's meaning.
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .build();
    }

    /**
     * The storage engine ({@code bindeled.axon.storage-engine}): Axon's JDBC engine by default, since it costs less per
     * append and read than the JPA engine (the README has the benchmark's figures for both); {@code jpa} stays
     * selectable, on the same tables.
     * <p>
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
                                                 org.axonframework.config.Configuration configuration,
                                                 DataSource dataSource,
                                                 @Value("${bindeled.axon.storage-engine:jdbc}") String engine,
                                                 @Value("${bindeled.axon.gap-timeout:PT10S}") Duration gapTimeout) {
        if ("jdbc".equalsIgnoreCase(engine)) {
            return JdbcEventStorageEngine.builder()
                    .snapshotSerializer(serializer)
                    .snapshotFilter(configuration.snapshotFilter())
                    .eventSerializer(serializer)
                    // Same tables as the JPA engine (db/platform), so the two can be compared on one schema.
                    .schema(SNAKE_CASE_SCHEMA)
                    .dataType(byte[].class)
                    // Spring's connection of the command's transaction: events, quota rows and the locator commit together.
                    .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                    .transactionManager(transactionManager)
                    .persistenceExceptionResolver(persistenceExceptionResolver)
                    .gapTimeout((int) gapTimeout.toMillis())
                    .build();
        }
        if (!"jpa".equalsIgnoreCase(engine)) {
            throw new IllegalArgumentException("bindeled.axon.storage-engine is jpa or jdbc, not " + engine);
        }
        return JpaEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                // The aggregates' snapshot filters, as Axon's own storage auto-configuration passes them: an aggregate
                // with @Revision skips snapshots of another revision and is rebuilt from its events.
                .snapshotFilter(configuration.snapshotFilter())
                .eventSerializer(serializer)
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager)
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .gapTimeout((int) gapTimeout.toMillis())
                .build();
    }

    /** The JPA entities' table and column names (Spring's snake-case naming), for the JDBC engine. */
    static final EventSchema SNAKE_CASE_SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry")
            .snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index")
            .timestampColumn("time_stamp")
            .eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .typeColumn("type")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .build();

    /**
     * Axon's auto-configuration registers the store as bean {@code eventBus} with qualifier
     * {@code eventStore}; Spring 7 no longer resolves a by-name reference through a qualifier, and the
     * aggregate repositories look the store up by the name {@code eventStore}. It is a
     * {@link NotifyingEventStore}, so pooled processors are woken when events arrive instead of polling every
     * 500 ms; the fetch delay (Axon's default is 1 s) bounds how late an event another instance appended is seen.
     */
    @Bean
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                         @Value("${bindeled.axon.event-store.fetch-delay:PT0.1S}") Duration fetchDelay) {
        return new NotifyingEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(fetchDelay.toMillis())
                .timeUnit(java.util.concurrent.TimeUnit.MILLISECONDS));
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
     * An exception in any event handler stops its processor at that event (the token does not advance)
     * so it is retried, never logged and skipped: a publisher must not lose an event, a projection must
     * not silently drift.
     */
    @Bean
    public ConfigurerModule propagateProcessingErrors() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }

    /** Type-checked streams and consistent caches for every aggregate: see {@link AggregateRepositoryGuards}. */
    @Bean
    static AggregateRepositoryGuards aggregateRepositoryGuards(ObjectProvider<EventStore> eventStore,
                                                             ObjectProvider<MeterRegistry> meters) {
        return new AggregateRepositoryGuards(eventStore, meters);
    }

    /**
     * The platform's tables (Axon's own from this module, the deferred commands' from command-support) come from
     * Flyway migrations in {@code db/platform}, next to each service's own; Hibernate only validates. Their versions (0.x) sort before every service's, and they may
     * run out of order so a database whose Axon tables Hibernate once created is taken over as it is.
     */
    @Bean
    public FlywayConfigurationCustomizer axonSupportMigrations() {
        return configuration -> {
            List<Location> locations = new ArrayList<>(List.of(configuration.getLocations()));
            locations.add(new Location(MIGRATIONS));
            configuration.locations(locations.toArray(Location[]::new)).outOfOrder(true);
        };
    }

    static final String MIGRATIONS = "classpath:db/platform";

    /**
     * Axon's JPA token store names a claim's owner by the JVM ({@code pid@host}); two instances in one JVM (the
     * two-node tests, the local stack) would then both count as the owner of every claim. A random suffix makes
     * every running service its own node.
     */
    @Bean
    public AxonNode axonNode(@Value("${bindeled.axon.node-id:}") String configured) {
        return new AxonNode(configured.isBlank()
                ? ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8)
                : configured);
    }

    @Bean
    public TokenStore tokenStore(Serializer serializer, EntityManagerProvider entityManagerProvider, AxonNode node,
                                 @Value("${axon.eventhandling.tokenstore.claim-timeout:PT10S}") Duration claimTimeout) {
        return JpaTokenStore.builder()
                .entityManagerProvider(entityManagerProvider)
                .serializer(serializer)
                .claimTimeout(claimTimeout)
                .nodeId(node.id())
                .build();
    }

    /**
     * The one sequencing policy of every streaming processor ({@link StreamingProcessorDefaults} names it): the
     * events of an aggregate are handled in order, by one segment, whichever node holds it.
     */
    @Bean(StreamingProcessorDefaults.SEQUENCING_POLICY)
    public SequencingPolicy<? super EventMessage<?>> sequentialPerAggregatePolicy() {
        return SequentialPerAggregatePolicy.instance();
    }

    @Bean
    public SegmentBalancer segmentBalancer(DataSource dataSource, TokenStore tokenStore, TransactionManager transactionManager,
                                           EventProcessingConfiguration processing, ObjectProvider<ProjectionReplay> projections,
                                           AxonNode node,
                                           @Value("${bindeled.axon.segment-balance-interval:PT5S}") Duration interval) {
        return new SegmentBalancer(JdbcClient.create(dataSource), tokenStore, transactionManager, () -> {
            List<StreamingEventProcessor> all = new ArrayList<>();
            processing.eventProcessors().values().forEach(processor -> {
                if (processor instanceof StreamingEventProcessor streaming) {
                    all.add(streaming);
                }
            });
            projections.orderedStream().forEach(projection -> all.addAll(projection.localProcessors()));
            return all;
        }, node.id(), interval, Clock.systemUTC());
    }

    @Bean
    public ProjectionReplays projectionReplays(DataSource dataSource, org.axonframework.config.Configuration axon,
                                               EventStore eventStore, TokenStore tokenStore,
                                               TransactionManager transactionManager, Serializer serializer,
                                               Environment environment,
                                               @Qualifier(ProjectionReplays.REBUILD_HOOK) ObjectProvider<Consumer<EventMessage<?>>> hook) {
        return new ProjectionReplays(dataSource, axon, eventStore, tokenStore, transactionManager, serializer, environment,
                hook.getIfAvailable());
    }

    /** Persisted deadlines, picked once by one instance: see {@link PersistedDeadlines}. */
    @Bean
    public PersistedDeadlines persistedDeadlines(DataSource dataSource, org.axonframework.config.Configuration axon,
                                                 TransactionManager transactionManager, AxonNode node,
                                                 @Value("${bindeled.axon.deadlines.poll-interval:PT5S}") Duration pollInterval,
                                                 @Value("${bindeled.axon.deadlines.threads:2}") int threads) {
        return new PersistedDeadlines(dataSource, axon, deadlineSerializer(), transactionManager, node, pollInterval, threads);
    }

    /**
     * The event serializer reads fields only, but a deadline also stores Axon's scope descriptor, whose aggregate id is
     * filled in lazily by its getter: field by field it was stored as null and the deadline could not find its
     * aggregate when it fired. Getters are read too here; the payload and metadata read the same either way.
     */
    static Serializer deadlineSerializer() {
        ObjectMapper mapper = axonObjectMapper().copy()
                .setVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.PUBLIC_ONLY);
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    /** Primary: aggregates take it as a handler parameter, and Axon's configuration offers a deadline manager of its own. */
    @Bean
    @Primary
    public DeadlineManager deadlineManager(PersistedDeadlines deadlines) {
        return deadlines.deadlineManager();
    }

    @Bean
    public CommandMetrics commandMetrics(CommandBus commandBus, MeterRegistry meters) {
        return new CommandMetrics(commandBus, meters);
    }
}
