package dk.bindeled.kafka;

import dk.bindeled.events.IntegrationEvent;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;

/**
 * Reads a service's event store (the outbox) in the streaming processor named by its processing group and publishes
 * the allow-listed domain events, as translated by the service, through the {@link IntegrationEventSender}: in
 * batches, each committed only once the broker has acknowledged all of it. A domain event the translator leaves out
 * is not published. Declare one as a bean ({@link IntegrationEventPublishers#publisher}); the auto-configuration
 * assigns it to its processing group, whose processor settings ({@code axon.eventhandling.processors.<group>}) apply.
 */
public final class IntegrationEventPublisher {

    private final String processingGroup;
    private final Function<Object, ? extends Optional<? extends IntegrationEvent>> translator;
    private final IntegrationEventSender sender;

    public IntegrationEventPublisher(String processingGroup, Function<Object, ? extends Optional<? extends IntegrationEvent>> translator,
                                     IntegrationEventSender sender) {
        this.processingGroup = Objects.requireNonNull(processingGroup, "processingGroup");
        this.translator = Objects.requireNonNull(translator, "translator");
        this.sender = Objects.requireNonNull(sender, "sender");
    }

    public String processingGroup() {
        return processingGroup;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) throws InterruptedException {
        Optional<? extends IntegrationEvent> event = translator.apply(payload);
        if (event.isPresent()) {
            sender.send(event.get(), message);
        }
    }
}
