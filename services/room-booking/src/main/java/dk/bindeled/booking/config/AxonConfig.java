package dk.bindeled.booking.config;

import dk.bindeled.axon.AxonSupportAutoConfiguration;
import java.time.Clock;
import java.util.concurrent.Executors;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotterFactoryBean;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Room booking's own Axon settings. How Axon runs on the database (storage, serialisation, gap timeout,
 * error handling, binary columns) is shared by every service: see {@link AxonSupportAutoConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfig {

    /** Processing group that publishes integration events to Kafka. */
    public static final String KAFKA_PUBLISHER = "kafka-publisher";
    /** The cache of resource schedules, named on {@code @Aggregate} of the schedule. */
    public static final String RESOURCE_CACHE = "resourceCache";
    /** Metadata key of the user who sent a command; copied onto its events. */
    public static final String ACTOR = AxonSupportAutoConfiguration.ACTOR;

    /** A busy resource collects events fast; a snapshot every so often keeps its load time flat. */
    @Bean
    public SnapshotTriggerDefinition resourceSnapshotTrigger(Snapshotter snapshotter,
                                                             @Value("${bindeled.axon.snapshot-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * Snapshots are taken on a thread of their own. Axon takes them after the command's commit but while the
     * command still holds the schedule's lock, and a snapshot needs a pooled connection of its own; with a
     * burst of requests for one room each holding a connection while it waits for that lock, a snapshot taken
     * in line waited for the pool's timeout (30 s) and every queued request with it (found by the benchmark).
     */
    @Bean
    public SpringAggregateSnapshotterFactoryBean aggregateSnapshotter() {
        SpringAggregateSnapshotterFactoryBean snapshotter = new SpringAggregateSnapshotterFactoryBean();
        snapshotter.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "resource-snapshotter");
            thread.setDaemon(true);
            return thread;
        }));
        return snapshotter;
    }

    /**
     * Schedules stay in memory between commands so a busy resource is not re-read for each booking. Safe with
     * several instances and inside outer transactions because axon-support wraps this cache: a cached
     * schedule is used only while its version is the stream's last sequence number, and an entry touched by
     * a transaction that rolls back is dropped (see {@code ConsistentAggregateCache}).
     * <p>
     * A bounded cache of strong references: Axon's WeakReferenceCache loses its entries at every garbage
     * collection, so under load schedules were read from the store again and again (about 5% of the CPU in
     * the benchmark's profile, none with this cache). Heap only: entries are held by reference, never
     * copied or serialised.
     */
    @Bean(destroyMethod = "close")
    public CacheManager scheduleCacheManager(@Value("${bindeled.booking.cached-schedules:2000}") long entries) {
        return CacheManagerBuilder.newCacheManagerBuilder()
                .withCache(RESOURCE_CACHE, CacheConfigurationBuilder.newCacheConfigurationBuilder(
                        Object.class, Object.class, ResourcePoolsBuilder.heap(entries)))
                .build(true);
    }

    @Bean
    public Cache resourceCache(CacheManager scheduleCacheManager) {
        return new EhCache3Adapter((Ehcache<?, ?>) scheduleCacheManager.getCache(RESOURCE_CACHE, Object.class, Object.class));
    }

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
