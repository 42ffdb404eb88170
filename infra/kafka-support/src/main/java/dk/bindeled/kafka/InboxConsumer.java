package dk.bindeled.kafka;

import dk.bindeled.events.cloudevents.CloudEventCodec;
import dk.bindeled.events.cloudevents.ReceivedEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every listener keeping a replica of another service's topic does around its own change: the record read as a
 * CloudEvent, the change and the event's {@link Inbox} row in one transaction (a redelivery changes nothing, a failure
 * leaves neither), and the outcome counted as {@code bindeled.events.consumed} (applied or duplicate).
 */
public final class InboxConsumer {

    private final Inbox inbox;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;

    public InboxConsumer(Inbox inbox, TransactionTemplate transactions, MeterRegistry meters) {
        this.inbox = inbox;
        this.transactions = transactions;
        this.meters = meters;
    }

    /** Applies the record's event once; {@code false} when it was a redelivery. */
    public boolean applyOnce(ConsumerRecord<String, byte[]> record, CloudEventCodec codec, Consumer<Object> change) {
        ReceivedEvent event = codec.read(record);
        boolean applied = Boolean.TRUE.equals(transactions.execute(status -> {
            if (!inbox.firstDelivery(record.topic(), event)) {
                return false;
            }
            change.accept(event.event());
            return true;
        }));
        meters.counter("bindeled.events.consumed", "topic", record.topic(), "outcome", applied ? "applied" : "duplicate").increment();
        return applied;
    }
}
