package dk.bindeled.dashboard.integration.in;

import dk.bindeled.dashboard.query.InboxProjection;
import dk.bindeled.dashboard.query.ProjectionResult;
import dk.bindeled.events.cloudevents.CloudEventCodec;
import dk.bindeled.events.cloudevents.ReceivedEvent;
import dk.bindeled.events.cloudevents.UnreadableEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Feeds one topic into its projection, the same way for every topic: read the record as a CloudEvent of the
 * topic's catalogue, apply it with the inbox guarantees, count the outcome. Failures propagate to the
 * container's error handler, which dead-letters unreadable records at once to {@code <topic>.dashboard.dlt} and
 * retries the rest (kafka-support's {@code ListenerErrorPolicy}).
 */
public abstract class InboxListener {

    private final CloudEventCodec codec;
    private final InboxProjection projection;
    private final ConsumerMetrics metrics;

    protected InboxListener(CloudEventCodec codec, InboxProjection projection, ConsumerMetrics metrics) {
        this.codec = codec;
        this.projection = projection;
        this.metrics = metrics;
    }

    protected void consume(ConsumerRecord<String, byte[]> record) {
        ReceivedEvent event = codec.read(record);
        requireStorable(event);
        ProjectionResult result = projection.apply(record.topic(), event);
        metrics.record(record.topic(), result);
    }

    private static void requireStorable(ReceivedEvent event) {
        if (!InboxProjection.storable(event)) {
            throw new UnreadableEventException("CloudEvent " + abbreviate(event.id()) + " has a ce_id, ce_type or ce_subject longer than "
                    + InboxProjection.MAX_ID_LENGTH + " characters");
        }
    }

    private static String abbreviate(String id) {
        return id.length() <= 40 ? id : id.substring(0, 40) + "…";
    }
}
