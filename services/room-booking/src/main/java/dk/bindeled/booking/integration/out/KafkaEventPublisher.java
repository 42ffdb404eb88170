package dk.bindeled.booking.integration.out;

import dk.bindeled.events.cloudevents.CloudEventCodec;
import dk.bindeled.events.booking.v1.BookingEvent;
import dk.bindeled.events.booking.v1.BookingEventsV1;
import dk.bindeled.booking.config.AxonConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the event store (the outbox) in a streaming processor and publishes the allow-listed events
 * to {@code bindeled.booking.v1}, one at a time, waiting for the broker's acknowledgement. A failed or
 * timed-out send throws, the processor does not advance its token and retries the same event later:
 * at-least-once, never lost. The CloudEvent id is the domain event's id, so a retry after a send whose
 * ack was lost carries the same id and consumers drop the duplicate.
 */
@Component
@ProcessingGroup(AxonConfig.KAFKA_PUBLISHER)
public class KafkaEventPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final CloudEventCodec codec = new CloudEventCodec(BookingEventsV1.CATALOG, BookingEventsV1.SOURCE);
    private final Duration ackTimeout;
    private final MeterRegistry meters;
    private final Counter failures;

    public KafkaEventPublisher(KafkaTemplate<String, byte[]> kafka, MeterRegistry meters,
                               @Value("${bindeled.kafka.ack-timeout:PT10S}") Duration ackTimeout) {
        this.kafka = kafka;
        this.meters = meters;
        this.ackTimeout = ackTimeout;
        this.failures = Counter.builder("bindeled.events.publish.failures")
                .description("Integration events whose send was not acknowledged; they are retried")
                .register(meters);
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) throws InterruptedException {
        Optional<BookingEvent> event = IntegrationEventTranslator.translate(payload);
        if (event.isEmpty()) {
            return;
        }
        try {
            kafka.send(codec.toRecord(event.get(), message.getIdentifier(), message.getTimestamp().atOffset(ZoneOffset.UTC)))
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // RuntimeException: with the broker already gone, send() itself fails once metadata times out.
            failures.increment();
            throw new IllegalStateException("Kafka did not acknowledge event " + message.getIdentifier() + "; it will be retried", e);
        }
        meters.counter("bindeled.events.published", "type", codec.catalog().byClass(event.get().getClass()).type()).increment();
    }
}
