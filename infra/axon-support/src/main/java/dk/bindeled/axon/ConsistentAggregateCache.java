package dk.bindeled.axon;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An aggregate cache that never lets a command decide on state the event store does not hold.
 * <p>
 * Axon's caching repository trusts its cache: with two service instances, a schedule cached on one is not
 * told about a cancellation stored by the other, and a refusal decided on that stale state (a 409 naming
 * the cancelled booking) appends nothing, so the stream's sequence check never catches it. And Axon
 * updates the cache when the command's unit of work ends, which is before an outer database transaction
 * (a Kafka listener's) commits: if that transaction rolls back, the cache keeps events that were never
 * stored. This cache closes both holes where the cache lives, for every aggregate of every service:
 * <ul>
 *     <li>a cached aggregate is handed out only if its version equals the stream's last sequence number
 *     in the store (one indexed query, on the command's own connection), otherwise it is evicted and the
 *     repository reads the stream;</li>
 *     <li>an entry read or written inside a database transaction is evicted if that transaction does not
 *     commit, whatever unit of work touched it.</li>
 * </ul>
 */
public final class ConsistentAggregateCache implements Cache {

    private final Cache delegate;
    private final Supplier<EventStore> eventStore;
    private final Counter stale;

    public ConsistentAggregateCache(Cache delegate, Supplier<EventStore> eventStore, MeterRegistry meters, String name) {
        this.delegate = Objects.requireNonNull(delegate);
        this.eventStore = Objects.requireNonNull(eventStore);
        this.stale = Counter.builder("bindeled.axon.cache.stale")
                .description("Cached aggregates found behind or ahead of their stream in the store, evicted before a decision")
                .tag("cache", name).register(meters);
    }

    Cache delegate() {
        return delegate;
    }

    @Override
    public <K, V> V get(K key) {
        V value = delegate.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof AggregateCacheEntry<?> entry && !matchesStore(key, entry)) {
            delegate.remove(key);
            stale.increment();
            return null;
        }
        evictUnlessCommitted(key);
        return value;
    }

    private <K> boolean matchesStore(K key, AggregateCacheEntry<?> entry) {
        Optional<Long> cached = versionOf(entry);
        if (cached.isEmpty()) {
            return false;
        }
        Optional<Long> stored = eventStore.get().lastSequenceNumberFor(key.toString());
        return stored.isPresent() && stored.get().equals(cached.get());
    }

    /**
     * The version of the aggregate as it is now: a heap cache hands back the very aggregate object it was
     * given, so events applied to it since (by a command whose transaction then rolled back) are counted in.
     * An entry that cannot say is read again rather than trusted.
     */
    private static Optional<Long> versionOf(AggregateCacheEntry<?> entry) {
        try {
            EventSourcedAggregate<?> aggregate = entry.recreateAggregate(null, null, null, NoSnapshotTriggerDefinition.INSTANCE);
            return Optional.ofNullable(aggregate.version());
        } catch (RuntimeException unreadableEntry) {
            return Optional.empty();
        }
    }

    @Override
    public void put(Object key, Object value) {
        delegate.put(key, value);
        evictUnlessCommitted(key);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        boolean added = delegate.putIfAbsent(key, value);
        evictUnlessCommitted(key);
        return added;
    }

    /**
     * The cached aggregate object is changed in place by the events a command applies, so reading it
     * inside a transaction that later rolls back taints it as much as writing it does.
     */
    private void evictUnlessCommitted(Object key) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    delegate.remove(key);
                }
            }
        });
    }

    @Override
    public boolean remove(Object key) {
        return delegate.remove(key);
    }

    @Override
    public void removeAll() {
        delegate.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return delegate.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(Cache.EntryListener cacheEntryListener) {
        return delegate.registerCacheEntryListener(cacheEntryListener);
    }
}
