package dk.bindeled.axon;

import dk.bindeled.events.IntegrationEvent;
import dk.bindeled.events.cloudevents.CloudEventCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends one integration event, translated from a stored domain event, to its topic and waits for the
 * broker's acknowledgement. Called from each service's publishing processor, which reads the event store
 * (the outbox) one event at a time: a failed or timed-out send throws, the processor does not advance its
 * token and retries the same event later, so publishing is at-least-once and nothing is lost. The
 * CloudEvent id is the domain event's id, so a retry after a send whose ack was lost carries the same id
 * and consumers drop the duplicate.
 */
public final class IntegrationEventSender {

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

    public void send(IntegrationEvent event, EventMessage<?> message) throws InterruptedException {
        try {
            kafka.send(codec.toRecord(event, message.getIdentifier(), message.getTimestamp().atOffset(ZoneOffset.UTC)))
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // RuntimeException: with the broker already gone, send() itself fails once metadata times out.
            failures.increment();
            throw new IllegalStateException("Kafka did not acknowledge event " + message.getIdentifier() + "; it will be retried", e);
        }
        meters.counter("bindeled.events.published", "type", codec.catalog().byClass(event.getClass()).type()).increment();
    }
}
