package dk.bindeled.booking.benchmark;

import dk.bindeled.booking.api.BookingDetails;
import dk.bindeled.booking.api.BookingRules;
import dk.bindeled.booking.api.Events.BookingConfirmed;
import dk.bindeled.booking.api.Events.BookingRequested;
import dk.bindeled.booking.api.Events.ResourceDefined;
import dk.bindeled.booking.config.AxonConfig;
import dk.bindeled.booking.domain.ResourceSchedule;
import dk.bindeled.events.booking.v1.ResourceKind;
import dk.bindeled.events.booking.v1.Visibility;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Aggregate;

/**
 * A resource with a long history, stored as the service stores it, and the time it takes to load it.
 * <p>
 * The history is {@code bookings} bookings of 90 minutes, five a day, each requested and confirmed two weeks
 * before it took place, all over by yesterday: a BookingRequested and a BookingConfirmed per booking after the
 * ResourceDefined, each with the timestamp and metadata a command would have given it. Appended through the
 * event store in units of work of 2,000 events.
 * <p>
 * Loads go through an {@link EventSourcingRepository} of the aggregate with no cache and no snapshot trigger,
 * inside a unit of work with a transaction (as a command's load is), rolled back after: every load really reads.
 */
final class HistoryLoad {

    private static final String AGGREGATE_TYPE = "ResourceSchedule";
    private static final int PER_DAY = 5;
    private static final int BATCH = 2_000;

    private final RoomBookingUnderTest service;
    private final EventStore eventStore;
    private final TransactionManager transactions;
    private final EventSourcingRepository<ResourceSchedule> repository;

    HistoryLoad(RoomBookingUnderTest service) {
        this.service = service;
        this.eventStore = service.eventStore();
        this.transactions = service.context.getBean(TransactionManager.class);
        Configuration axon = service.context.getBean(Configuration.class);
        this.repository = EventSourcingRepository.builder(ResourceSchedule.class)
                .eventStore(eventStore)
                .parameterResolverFactory(axon.parameterResolverFactory())
                .handlerDefinition(axon.handlerDefinition(ResourceSchedule.class))
                .build();
    }

    /** Stores the history of a new resource; returns its id. Its last event has sequence number 2 × bookings. */
    String seed(String centreId, int bookings, ZoneId zone) {
        String resourceId = UUID.randomUUID().toString();
        LocalDate firstDay = LocalDate.now(zone).minusDays(1 + (bookings + PER_DAY - 1) / PER_DAY);
        BookingRules rules = new BookingRules(BookingRules.Access.ALL_CENTRE_PARTNERS, List.of(), false, null, null);
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        Instant defined = firstDay.minusDays(30).atTime(9, 0).atZone(zone).toInstant();
        batch.add(event(resourceId, 0, new ResourceDefined(resourceId, centreId, "Salen", ResourceKind.ROOM, 40,
                List.of("kitchen", "projector"), 15, rules), defined));
        long sequence = 1;
        for (int i = 0; i < bookings; i++) {
            OffsetDateTime start = firstDay.plusDays(i / PER_DAY).atTime(9 + 2 * (i % PER_DAY), 0).atZone(zone).toOffsetDateTime();
            OffsetDateTime end = start.plusMinutes(90);
            String bookingId = UUID.randomUUID().toString();
            String partnerId = "partner-" + (i % 40);
            BookingDetails details = new BookingDetails("Babycafé med sundhedsplejersken", "Unge mødre mødes", 12,
                    "Småbørnsfamilier", Visibility.PUBLIC, null, null);
            Instant booked = start.toInstant().minus(Duration.ofDays(14));
            batch.add(event(resourceId, sequence++, new BookingRequested(bookingId, resourceId, centreId, partnerId, start, end,
                    details, null, false), booked));
            batch.add(event(resourceId, sequence++, new BookingConfirmed(bookingId, resourceId, centreId, partnerId, start, end,
                    details, null, false), booked));
            if (batch.size() >= BATCH) {
                append(batch);
                batch.clear();
            }
        }
        append(batch);
        return resourceId;
    }

    private static DomainEventMessage<?> event(String resourceId, long sequence, Object payload, Instant at) {
        String commandId = UUID.randomUUID().toString();
        return new GenericDomainEventMessage<>(AGGREGATE_TYPE, resourceId, sequence, payload,
                Map.of(AxonConfig.ACTOR, RoomBookingUnderTest.ACTOR, "correlationId", commandId, "traceId", commandId),
                UUID.randomUUID().toString(), at);
    }

    private void append(List<DomainEventMessage<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        try {
            eventStore.publish(events);
        } catch (RuntimeException e) {
            unitOfWork.rollback(e);
            throw e;
        }
        unitOfWork.commit();
    }

    record Loaded(long version, int heldBookings) {
    }

    /** One load; the time is that of {@code repository.load} alone. */
    Loaded load(String resourceId, Samples samples) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        try {
            long start = System.nanoTime();
            Aggregate<ResourceSchedule> aggregate = repository.load(resourceId);
            samples.record(System.nanoTime() - start);
            return new Loaded(aggregate.version(), aggregate.invoke(HistoryLoad::held));
        } finally {
            unitOfWork.rollback();
        }
    }

    /** Loads until {@code max} loads or {@code budget} is used up, after {@code warmUp} loads that are not counted. */
    Loaded measure(String resourceId, Samples samples, int warmUp, int max, Duration budget) {
        Samples ignored = new Samples("warm-up");
        Loaded loaded = null;
        for (int i = 0; i < warmUp; i++) {
            loaded = load(resourceId, ignored);
        }
        long deadline = System.nanoTime() + budget.toNanos();
        for (int i = 0; i < max && (i < 5 || System.nanoTime() < deadline); i++) {
            loaded = load(resourceId, samples);
        }
        return loaded;
    }

    /** Reads every event of the resource from the storage engine without deserializing or applying them. */
    long readRaw(String resourceId, Samples samples) {
        EventStorageEngine engine = service.context.getBean(EventStorageEngine.class);
        long start = System.nanoTime();
        long count = transactions.fetchInTransaction(() -> engine.readEvents(resourceId, 0).asStream().count());
        samples.record(System.nanoTime() - start);
        return count;
    }

    /** Reads every event of the resource from the storage engine and deserializes payloads and metadata, applying nothing. */
    long readDeserialized(String resourceId, Samples samples) {
        EventStorageEngine engine = service.context.getBean(EventStorageEngine.class);
        long start = System.nanoTime();
        long count = transactions.fetchInTransaction(() -> engine.readEvents(resourceId, 0).asStream()
                .filter(event -> event.getPayload() != null && event.getMetaData() != null).count());
        samples.record(System.nanoTime() - start);
        return count;
    }

    /** Has the service's own snapshotter take a snapshot now; returns how long it took until it was stored (ms). */
    double snapshot(String resourceId) {
        long start = System.nanoTime();
        service.context.getBean(Snapshotter.class).scheduleSnapshot(ResourceSchedule.class, resourceId);
        long deadline = start + Duration.ofSeconds(60).toNanos();
        while (snapshotBytes(resourceId) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No snapshot of " + resourceId + " stored within 60 s");
            }
            RoomBookingUnderTest.sleep(5);
        }
        return (System.nanoTime() - start) / 1e6;
    }

    long snapshotBytes(String resourceId) {
        return service.jdbc.sql("SELECT COALESCE(SUM(octet_length(payload)), 0) FROM snapshot_event_entry WHERE aggregate_identifier = ?")
                .param(resourceId).query(Long.class).single();
    }

    private static int held(ResourceSchedule schedule) {
        try {
            Field holdings = ResourceSchedule.class.getDeclaredField("holdings");
            holdings.setAccessible(true);
            Object value = holdings.get(schedule);
            Field held = value.getClass().getDeclaredField("held");
            held.setAccessible(true);
            return ((Map<?, ?>) held.get(value)).size();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read the schedule's bookings", e);
        }
    }
}
