package dk.bindeled.partner.integration.out;

import dk.bindeled.axon.IntegrationEventSender;
import dk.bindeled.events.cloudevents.CloudEventCodec;
import dk.bindeled.events.partner.v1.PartnerEventsV1;
import dk.bindeled.partner.config.AxonConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the event store (the outbox) in a streaming processor and publishes the allow-listed events to
 * {@code bindeled.partner.v1}, in batches, each committed only once the broker has acknowledged all of it (see {@link IntegrationEventSender}).
 */
@Component
@ProcessingGroup(AxonConfig.KAFKA_PUBLISHER)
public class KafkaEventPublisher {

    private final IntegrationEventSender sender;

    public KafkaEventPublisher(KafkaTemplate<String, byte[]> kafka, MeterRegistry meters,
                               @Value("${bindeled.kafka.ack-timeout:PT10S}") Duration ackTimeout) {
        this.sender = new IntegrationEventSender(kafka, new CloudEventCodec(PartnerEventsV1.CATALOG, PartnerEventsV1.SOURCE), meters, ackTimeout);
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) throws InterruptedException {
        var event = IntegrationEventTranslator.translate(payload);
        if (event.isPresent()) {
            sender.send(event.get(), message);
        }
    }
}
