package dk.bindeled.events.cloudevents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dk.bindeled.events.EventCatalog;
import dk.bindeled.events.EventJson;
import dk.bindeled.events.EventType;
import dk.bindeled.events.IntegrationEvent;
import dk.bindeled.events.SchemaValidator;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.io.IOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes and reads integration events as CloudEvents 1.0 in Kafka binary mode: attributes in
 * {@code ce_*} headers, the JSON payload as the record value, the aggregate id as the record key.
 */
public final class CloudEventCodec {

    public static final String CONTENT_TYPE = "application/json";

    private final EventCatalog catalog;
    private final URI source;
    private final SchemaValidator validator = new SchemaValidator();

    public CloudEventCodec(EventCatalog catalog, URI source) {
        this.catalog = catalog;
        this.source = source;
    }

    public EventCatalog catalog() {
        return catalog;
    }

    public CloudEvent toCloudEvent(IntegrationEvent event, String id, OffsetDateTime time) {
        EventType<?> type = catalog.byClass(event.getClass());
        try {
            return CloudEventBuilder.v1()
                    .withId(id)
                    .withSource(source)
                    .withType(type.type())
                    .withTime(time)
                    .withSubject(event.subject())
                    .withDataSchema(type.dataSchema())
                    .withDataContentType(CONTENT_TYPE)
                    .withData(EventJson.mapper().writeValueAsBytes(event))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise " + type.type(), e);
        }
    }

    /** The Kafka record of an event: binary mode, keyed by the aggregate id so order per aggregate holds. */
    public ProducerRecord<String, byte[]> toRecord(IntegrationEvent event, String id, OffsetDateTime time) {
        CloudEvent cloudEvent = toCloudEvent(event, id, time);
        return KafkaMessageFactory.<String>createWriter(catalog.topic(), event.subject()).writeBinary(cloudEvent);
    }

    /**
     * Reads a record back. Throws {@link UnreadableEventException} when the record is not a CloudEvent,
     * lacks a required attribute, or its payload breaks the type's JSON Schema.
     */
    public ReceivedEvent read(ConsumerRecord<String, byte[]> record) {
        CloudEvent cloudEvent;
        try {
            cloudEvent = KafkaMessageFactory.createReader(record).toEvent();
        } catch (RuntimeException e) {
            throw new UnreadableEventException("Not a CloudEvent in binary mode: " + e.getMessage(), e);
        }
        if (cloudEvent.getSubject() == null || cloudEvent.getTime() == null) {
            throw new UnreadableEventException("CloudEvent " + cloudEvent.getId() + " lacks ce_subject or ce_time");
        }
        Optional<EventType<?>> type = catalog.byType(cloudEvent.getType());
        if (type.isEmpty()) {
            return new ReceivedEvent(cloudEvent.getId(), cloudEvent.getType(), cloudEvent.getSource(),
                    cloudEvent.getTime(), cloudEvent.getSubject(), null);
        }
        if (cloudEvent.getData() == null) {
            throw new UnreadableEventException("CloudEvent " + cloudEvent.getId() + " of type " + cloudEvent.getType() + " has no data");
        }
        IntegrationEvent event = decode(type.get(), cloudEvent.getData().toBytes(), cloudEvent.getId());
        if (!event.subject().equals(cloudEvent.getSubject())) {
            throw new UnreadableEventException("CloudEvent " + cloudEvent.getId() + " has ce_subject " + cloudEvent.getSubject()
                    + " but its data is about " + event.subject());
        }
        return new ReceivedEvent(cloudEvent.getId(), cloudEvent.getType(), cloudEvent.getSource(),
                cloudEvent.getTime(), cloudEvent.getSubject(), event);
    }

    private IntegrationEvent decode(EventType<?> type, byte[] data, String id) {
        JsonNode json;
        try {
            json = EventJson.mapper().readTree(data);
        } catch (IOException e) {
            throw new UnreadableEventException("CloudEvent " + id + " data is not JSON: " + e.getMessage(), e);
        }
        List<String> violations = validator.validate(type, json);
        if (!violations.isEmpty()) {
            throw new UnreadableEventException("CloudEvent " + id + " data breaks " + type.dataSchema() + ": " + String.join("; ", violations));
        }
        try {
            return EventJson.mapper().treeToValue(json, type.javaType());
        } catch (IOException e) {
            throw new UnreadableEventException("CloudEvent " + id + " data does not map to " + type.type() + ": " + e.getMessage(), e);
        }
    }
}
