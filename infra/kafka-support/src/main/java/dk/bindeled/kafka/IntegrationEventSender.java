package dk.bindeled.kafka;

import dk.bindeled.events.IntegrationEvent;
import dk.bindeled.events.cloudevents.CloudEventCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Sends integration events, translated from stored domain events, to their topic; nothing counts as
 * published before the broker has acknowledged it. Called from each service's publishing processor, which
 * reads the event store (the outbox) in batches: every event of a batch is sent at once, and the batch's
 * unit of work waits for all the acknowledgements before it commits, so the processor's token only moves
 * past events the broker has. A failed or timed-out send fails the batch, the token stays, and the batch is
 * sent again later: publishing is at-least-once and nothing is lost. The CloudEvent id is the domain
 * event's id, so a resent event carries the same id and consumers drop the duplicate.
 * <p>
 * Waiting per batch rather than per event matters under load: one round trip to the broker (and one token
 * update) per event kept the publisher at about 180 events a second, behind a service booking 300 a second.
 */
public final class IntegrationEventSender {

    private static final String PENDING = IntegrationEventSender.class.getName() + ".pending";

    private record Pending(String eventId, String type, CompletableFuture<SendResult<String, byte[]>> ack) {
    }

    private final KafkaTemplate<String, byte[]> kafka;
    private final CloudEventCodec codec;
    private final Duration ackTimeout;
    private final MeterRegistry meters;
    private final Counter failures;

    public IntegrationEventSender(KafkaTemplate<String, byte[]> kafka, CloudEventCodec codec, MeterRegistry meters, Duration ackTimeout) {
        this.kafka = kafka;
        this.codec = codec;
        this.meters = meters;
        this.ackTimeout = ackTimeout;
        this.failures = Counter.builder("bindeled.events.publish.failures")
                .description("Integration events whose send was not acknowledged; they are retried")
                .register(meters);
    }

    /**
     * Sends the event. Inside a unit of work (an event processor's batch) the acknowledgement is awaited
     * when the batch prepares to commit; outside one, before this returns.
     */
    public void send(IntegrationEvent event, EventMessage<?> message) throws InterruptedException {
        Pending pending;
        try {
            pending = new Pending(message.getIdentifier(), codec.catalog().byClass(event.getClass()).type(),
                    kafka.send(codec.toRecord(event, message.getIdentifier(), message.getTimestamp().atOffset(ZoneOffset.UTC))));
        } catch (RuntimeException e) {
            // With the broker already gone, send() itself fails once metadata times out.
            failures.increment();
            throw new IllegalStateException("Kafka did not take event " + message.getIdentifier() + "; it will be retried", e);
        }
        if (!CurrentUnitOfWork.isStarted()) {
            awaitAll(List.of(pending));
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        List<Pending> batchPending = batch.getOrComputeResource(PENDING, key -> {
            List<Pending> list = new ArrayList<>();
            batch.onPrepareCommit(uow -> awaitUnchecked(list));
            return list;
        });
        batchPending.add(pending);
    }

    private void awaitUnchecked(List<Pending> pending) {
        try {
            awaitAll(pending);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka's acknowledgements; the batch will be retried", e);
        }
    }

    /** Waits for every acknowledgement (within one ack timeout in all); counts each event published or failed. */
    private void awaitAll(List<Pending> pending) throws InterruptedException {
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        RuntimeException failure = null;
        for (Pending p : pending) {
            try {
                p.ack().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                meters.counter("bindeled.events.published", "type", p.type()).increment();
            } catch (ExecutionException | TimeoutException e) {
                failures.increment();
                if (failure == null) {
                    failure = new IllegalStateException("Kafka did not acknowledge event " + p.eventId() + "; it will be retried", e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
