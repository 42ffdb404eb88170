package dk.bindeled.kafka;

import dk.bindeled.events.EventCatalog;
import dk.bindeled.events.IntegrationEvent;
import dk.bindeled.events.cloudevents.CloudEventCodec;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.kafka.core.KafkaTemplate;

/** Makes a service's {@link IntegrationEventPublisher}: the broker, meters and ack timeout are the same for all. */
public final class IntegrationEventPublishers {

    private final KafkaTemplate<String, byte[]> kafka;
    private final MeterRegistry meters;
    private final Duration ackTimeout;

    public IntegrationEventPublishers(KafkaTemplate<String, byte[]> kafka, MeterRegistry meters, Duration ackTimeout) {
        this.kafka = kafka;
        this.meters = meters;
        this.ackTimeout = ackTimeout;
    }

    /**
     * A publisher of the events of {@code catalog} as CloudEvents from {@code source}, fed by the processing group
     * {@code processingGroup}, publishing what {@code translator} makes of a domain event (nothing when it is empty).
     */
    public IntegrationEventPublisher publisher(String processingGroup, EventCatalog catalog, URI source,
                                               Function<Object, ? extends Optional<? extends IntegrationEvent>> translator) {
        return new IntegrationEventPublisher(processingGroup, translator,
                new IntegrationEventSender(kafka, new CloudEventCodec(catalog, source), meters, ackTimeout));
    }
}
