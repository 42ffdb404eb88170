package dk.bindeled.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A pooled processor polls every 500 ms unless its stream accepts an "events available" callback; Axon's
 * plain embedded store does not, which delayed every published booking. These tests fail on that store.
 */
class NotifyingEventStoreTest {

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private EmbeddedEventStore store;

    @AfterEach
    void shutDown() {
        if (store != null) {
            store.shutDown();
        }
    }

    @Test
    void aStreamAcceptsTheCallbackAndIsToldOfAnEventThisStorePublished() throws Exception {
        store = notifying();
        TrackingEventStream stream = store.openStream(null);
        AtomicInteger told = new AtomicInteger();

        assertThat(stream.setOnAvailableCallback(told::incrementAndGet)).isTrue();
        store.publish(event("resource-1", 0));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(told.get()).isPositive());
        assertThat(stream.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("booked resource-1 #0");
    }

    @Test
    void anEventAnotherInstanceAppendedWakesTheStreamWithinTheFetchDelay() throws Exception {
        store = notifying();
        TrackingEventStream stream = store.openStream(null);
        AtomicInteger told = new AtomicInteger();
        stream.setOnAvailableCallback(told::incrementAndGet);

        // Straight into the storage, past this store, as another instance's append would be.
        storage.appendEvents(event("resource-2", 0));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(told.get()).isPositive());
        assertThat(stream.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aClosedStreamIsNoLongerTold() {
        store = notifying();
        TrackingEventStream stream = store.openStream(null);
        AtomicInteger told = new AtomicInteger();
        stream.setOnAvailableCallback(told::incrementAndGet);
        assertThat(((NotifyingEventStore) store).listeningStreams()).isEqualTo(1);

        stream.close();

        assertThat(((NotifyingEventStore) store).listeningStreams()).isZero();
        store.publish(event("resource-3", 0));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(told.get()).isZero());
    }

    @Test
    void axonsPlainStoreRefusesTheCallbackWhichIsWhyThisStoreExists() {
        store = EmbeddedEventStore.builder().storageEngine(storage).build();

        assertThat(store.openStream(null).setOnAvailableCallback(() -> { })).isFalse();
    }

    private EmbeddedEventStore notifying() {
        Function<EmbeddedEventStore.Builder, EmbeddedEventStore> make = NotifyingEventStore::new;
        return make.apply(EmbeddedEventStore.builder().storageEngine(storage).fetchDelay(100));
    }

    private static GenericDomainEventMessage<String> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Booking", aggregate, sequence, "booked " + aggregate + " #" + sequence);
    }
}
