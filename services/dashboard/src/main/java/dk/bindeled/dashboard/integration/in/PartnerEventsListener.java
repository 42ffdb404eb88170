package dk.bindeled.dashboard.integration.in;

import dk.bindeled.dashboard.query.PartnerProjection;
import dk.bindeled.dashboard.query.ProjectionResult;
import dk.bindeled.events.Topics;
import dk.bindeled.events.cloudevents.CloudEventCodec;
import dk.bindeled.events.cloudevents.ReceivedEvent;
import dk.bindeled.events.cloudevents.UnreadableEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds {@code bindeled.partner.v1} into the read model. Failures propagate to the container's error
 * handler, which dead-letters unreadable records at once and retries the rest (see the Kafka config).
 */
@Component
public class PartnerEventsListener {

    private final CloudEventCodec codec;
    private final PartnerProjection projection;
    private final ConsumerMetrics metrics;

    public PartnerEventsListener(CloudEventCodec codec, PartnerProjection projection, ConsumerMetrics metrics) {
        this.codec = codec;
        this.projection = projection;
        this.metrics = metrics;
    }

    @KafkaListener(id = "dashboard-partner-events", idIsGroup = false, topics = Topics.PARTNER_V1)
    public void on(ConsumerRecord<String, byte[]> record) {
        ReceivedEvent event = codec.read(record);
        requireStorable(event);
        ProjectionResult result = projection.apply(record.topic(), event);
        metrics.record(record.topic(), result);
    }

    private static void requireStorable(ReceivedEvent event) {
        int max = PartnerProjection.MAX_ID_LENGTH;
        if (event.id().length() > max || event.type().length() > max || event.subject().length() > max) {
            throw new UnreadableEventException("CloudEvent " + abbreviate(event.id()) + " has a ce_id, ce_type or ce_subject longer than "
                    + max + " characters");
        }
    }

    private static String abbreviate(String id) {
        return id.length() <= 40 ? id : id.substring(0, 40) + "…";
    }
}
