package dk.bindeled.axon;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's embedded event store, whose streams tell a pooled processor when events arrive.
 * <p>
 * The plain store refuses {@link TrackingEventStream#setOnAvailableCallback}, so a pooled processor's
 * coordinator, finding no events, looks again only after 500 ms: every event then waits up to that long before
 * the Kafka publisher or a projection sees it (it cost 280 ms at p50 between a stored booking and its Kafka
 * record). Here one watcher thread per store tails the store itself, through the same producer and cache the
 * processors read from, and runs every registered callback as soon as anything new is there: at once for an
 * event this instance appended (the store fetches after each commit), within the store's fetch delay
 * ({@code bindeled.axon.event-store.fetch-delay}) for one another instance appended. The callbacks only schedule
 * the coordinator; it reads the events from its own stream as before.
 */
public class NotifyingEventStore extends EmbeddedEventStore {

    private static final Logger log = LoggerFactory.getLogger(NotifyingEventStore.class);
    /** How long the watcher waits on its stream before checking whether it should stop. */
    private static final int WAIT_MILLIS = 1_000;

    private final Set<Runnable> callbacks = new CopyOnWriteArraySet<>();
    private final Object watcherLock = new Object();
    private volatile boolean shutDown;
    private Thread watcher;

    public NotifyingEventStore(EmbeddedEventStore.Builder builder) {
        super(builder);
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        // The watcher must be at the head before a processor's stream exists: an event appended between the
        // two would otherwise be missed by the watcher, and a coordinator that trusts the callback looks again
        // only after its claim interval (5 s). What lies before the head the coordinator reads itself.
        ensureWatching();
        return new NotifyingStream(super.openStream(trackingToken));
    }

    @Override
    public void shutDown() {
        shutDown = true;
        synchronized (watcherLock) {
            if (watcher != null) {
                watcher.interrupt();
            }
        }
        callbacks.clear();
        super.shutDown();
    }

    /** Number of streams waiting to be told; for tests and metrics. */
    int listeningStreams() {
        return callbacks.size();
    }

    private void ensureWatching() {
        synchronized (watcherLock) {
            if (watcher != null || shutDown) {
                return;
            }
            TrackingEventStream atHead = super.openStream(createHeadToken());
            watcher = new Thread(() -> watch(atHead), "event-store-watcher");
            watcher.setDaemon(true);
            watcher.start();
        }
    }

    private void watch(TrackingEventStream first) {
        TrackingEventStream stream = first;
        try {
            while (!shutDown) {
                try {
                    if (stream.hasNextAvailable(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                        // Drain what is there, then wake each listener once for the lot.
                        while (stream.hasNextAvailable()) {
                            stream.nextAvailable();
                        }
                        callbacks.forEach(NotifyingEventStore::runQuietly);
                    }
                } catch (RuntimeException e) {
                    if (shutDown) {
                        return;
                    }
                    // The database went away for a moment: start again at the head, and wake every listener
                    // so none sleeps through what was appended meanwhile.
                    log.warn("The event store's watcher lost its stream; opening a new one", e);
                    stream.close();
                    Thread.sleep(WAIT_MILLIS);
                    stream = super.openStream(createHeadToken());
                    callbacks.forEach(NotifyingEventStore::runQuietly);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("The event store's watcher stopped; it starts again with the next stream opened", e);
            callbacks.forEach(NotifyingEventStore::runQuietly);
        } finally {
            stream.close();
            synchronized (watcherLock) {
                watcher = null;
            }
        }
    }

    private static void runQuietly(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            log.warn("An event-available callback failed", e);
        }
    }

    /** A stream of the store that accepts the coordinator's callback; everything else is the store's own. */
    private final class NotifyingStream implements TrackingEventStream {

        private final TrackingEventStream delegate;
        private volatile Runnable callback;

        private NotifyingStream(TrackingEventStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable previous = this.callback;
            if (previous != null) {
                callbacks.remove(previous);
            }
            this.callback = callback;
            if (callback != null) {
                callbacks.add(callback);
            }
            return true;
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                callbacks.remove(registered);
            }
            delegate.close();
        }
    }
}
