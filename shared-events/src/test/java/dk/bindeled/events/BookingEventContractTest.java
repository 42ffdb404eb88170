package dk.bindeled.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.bindeled.events.booking.v1.BookingConfirmed;
import dk.bindeled.events.booking.v1.BookingEvent;
import dk.bindeled.events.booking.v1.BookingEventsV1;
import dk.bindeled.events.booking.v1.BookingRejected;
import dk.bindeled.events.booking.v1.BookingRequested;
import dk.bindeled.events.booking.v1.CentreDefined;
import dk.bindeled.events.booking.v1.SeriesBooked;
import dk.bindeled.events.booking.v1.SeriesOccurrence;
import dk.bindeled.events.booking.v1.Visibility;
import dk.bindeled.events.cloudevents.CloudEventCodec;
import dk.bindeled.events.cloudevents.ReceivedEvent;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class BookingEventContractTest {

    private static final OffsetDateTime TIME = OffsetDateTime.of(2026, 3, 2, 9, 30, 0, 0, ZoneOffset.UTC);

    private final SchemaValidator validator = new SchemaValidator();

    @Test
    void everyPermittedEventTypeIsCataloguedWithASchemaAndAStableTypeString() throws Exception {
        Set<Class<?>> permitted = Arrays.stream(BookingEvent.class.getPermittedSubclasses()).collect(Collectors.toSet());
        Set<Class<?>> catalogued = BookingEventsV1.CATALOG.types().stream().map(EventType::javaType).collect(Collectors.toSet());
        assertThat(catalogued).isEqualTo(permitted);
        assertThat(BookingEventsV1.CATALOG.topic()).isEqualTo(Topics.BOOKING_V1).isEqualTo("bindeled.booking.v1");
        for (EventType<?> type : BookingEventsV1.CATALOG.types()) {
            assertThat(SchemaValidator.hasSchema(type)).as("schema of %s", type.type()).isTrue();
            assertThat(type.type()).matches("dk\\.bindeled\\.booking\\.[A-Z][A-Za-z]+\\.v1");
            assertThat(type.dataSchema().toString()).startsWith("https://schemas.bindeled.dk/booking/v1/");
            JsonNode schema = schema(type);
            assertThat(schema.path("$id").asText()).as("$id of %s", type.type()).isEqualTo(type.dataSchema().toString());
            assertThat(schema.path("title").asText()).as("title of %s", type.type()).isEqualTo(type.type());
            assertThat(schema.path("description").asText()).endsWith("Within v1 only optional properties are added.");
            assertThat(schema.path("additionalProperties").asBoolean()).isTrue();
        }
        assertThat(BookingEventsV1.CATALOG.byClass(BookingConfirmed.class).type())
                .isEqualTo("dk.bindeled.booking.BookingConfirmed.v1");
    }

    @Test
    void everySampleValidatesAgainstTheSchemaOfItsTypeAndReadsBackEqual() throws Exception {
        List<BookingEvent> samples = BookingEventSamples.all();
        assertThat(samples.stream().map(Object::getClass).collect(Collectors.toSet()))
                .hasSameSizeAs(BookingEventsV1.CATALOG.types());
        for (BookingEvent sample : samples) {
            EventType<?> type = BookingEventsV1.CATALOG.byClass(sample.getClass());
            JsonNode json = EventJson.mapper().valueToTree(sample);
            assertThat(validator.validate(type, json)).as("violations of %s", type.type()).isEmpty();
            assertThat(EventJson.mapper().treeToValue(json, type.javaType())).isEqualTo(sample);
        }
    }

    @Test
    void everyOptionalFieldMayBeLeftOut() {
        for (BookingEvent sample : BookingEventSamples.minimal()) {
            EventType<?> type = BookingEventsV1.CATALOG.byClass(sample.getClass());
            JsonNode json = EventJson.mapper().valueToTree(sample);
            assertThat(validator.validate(type, json)).as("violations of minimal %s", type.type()).isEmpty();
        }
    }

    @Test
    void aBusyBookingWithoutATitleValidatesButOneWithATitleIsRejected() {
        EventType<?> confirmed = BookingEventsV1.CATALOG.byClass(BookingConfirmed.class);
        ObjectNode json = EventJson.mapper().valueToTree(BookingEventSamples.busy());
        assertThat(json.has("title")).isFalse();
        assertThat(json.get("visibility").asText()).isEqualTo("BUSY");
        assertThat(validator.validate(confirmed, json)).isEmpty();

        json.put("title", "Samtalegruppe for voldsramte kvinder");
        assertThat(validator.validate(confirmed, json)).isNotEmpty();
    }

    @Test
    void aBusyBookingIsPublishedWithoutAnythingThatDescribesIt() throws Exception {
        CloudEventCodec codec = new CloudEventCodec(BookingEventsV1.CATALOG, BookingEventsV1.SOURCE);
        List<BookingEvent> careless = List.of(
                new BookingRequested(BookingEventSamples.BOOKING, BookingEventSamples.RESOURCE, BookingEventSamples.CENTRE,
                        BookingEventSamples.PARTNER, TIME, TIME.plusHours(1), Visibility.BUSY, "Samtalegruppe for voldsramte kvinder",
                        6, "WOMEN_EXPOSED_TO_VIOLENCE", null),
                new BookingConfirmed(BookingEventSamples.BOOKING, BookingEventSamples.RESOURCE, BookingEventSamples.CENTRE,
                        BookingEventSamples.PARTNER, TIME, TIME.plusHours(1), Visibility.BUSY, "Samtalegruppe for voldsramte kvinder",
                        6, "WOMEN_EXPOSED_TO_VIOLENCE", BookingEventSamples.SERIES, false),
                new SeriesBooked(BookingEventSamples.SERIES, BookingEventSamples.RESOURCE, BookingEventSamples.CENTRE,
                        BookingEventSamples.PARTNER, Visibility.BUSY, "Samtalegruppe for voldsramte kvinder", 6,
                        "WOMEN_EXPOSED_TO_VIOLENCE", "FREQ=WEEKLY;COUNT=1",
                        List.of(new SeriesOccurrence(BookingEventSamples.BOOKING, TIME, TIME.plusHours(1))), List.of(), true));
        for (BookingEvent event : careless) {
            String json = new String(codec.toRecord(event, "busy", TIME).value(), StandardCharsets.UTF_8);
            JsonNode payload = EventJson.mapper().readTree(json);
            assertThat(fieldNames(payload)).as(json).doesNotContain("title", "targetGroup", "attendees");
            assertThat(json).doesNotContain("voldsramte").doesNotContain("WOMEN_EXPOSED");
        }
        // Records published before BUSY was enforced this way still read, and say no more than a new one.
        ObjectNode old = EventJson.mapper().valueToTree(BookingEventSamples.busy());
        old.put("attendees", 6).put("targetGroup", "WOMEN_EXPOSED_TO_VIOLENCE");
        BookingConfirmed read = EventJson.mapper().treeToValue(old, BookingConfirmed.class);
        assertThat(read).isEqualTo(BookingEventSamples.busy());
    }

    /**
     * Why a booking was cancelled or rejected is a category, never text: text typed by staff may name residents. Walks
     * every property of every booking v1 schema, nested ones included.
     */
    @Test
    void noBookingEventHasAFreeTextReason() throws Exception {
        for (EventType<?> type : BookingEventsV1.CATALOG.types()) {
            List<String> freeText = new ArrayList<>();
            walk(schema(type), "", freeText);
            assertThat(freeText).as("free-text reason properties of %s", type.type()).isEmpty();
        }
        for (Class<?> type : BookingEvent.class.getPermittedSubclasses()) {
            assertThat(Arrays.stream(type.getRecordComponents())
                    .filter(c -> c.getName().toLowerCase(Locale.ROOT).contains("reason") || c.getName().equals("note"))
                    .filter(c -> !c.getType().isEnum()))
                    .as("reason components of %s that are not a category", type.getSimpleName())
                    .isEmpty();
        }
    }

    @Test
    void aRecordPublishedWithAFreeTextReasonStillReadsAndTheTextGoesNoFurther() throws Exception {
        ObjectNode old = EventJson.mapper().createObjectNode()
                .put("bookingId", BookingEventSamples.BOOKING).put("resourceId", BookingEventSamples.RESOURCE)
                .put("centreId", BookingEventSamples.CENTRE).put("partnerId", BookingEventSamples.PARTNER)
                .put("reason", "Salen er reserveret til afstemning den dag");
        EventType<?> rejected = BookingEventsV1.CATALOG.byClass(BookingRejected.class);
        assertThat(validator.validate(rejected, old)).isEmpty();
        BookingRejected read = EventJson.mapper().treeToValue(old, BookingRejected.class);
        assertThat(read.reasonCategory()).isNull();
        assertThat(EventJson.mapper().writeValueAsString(read)).doesNotContain("afstemning");

        ObjectNode unknown = EventJson.mapper().valueToTree(BookingEventSamples.all().get(4));
        unknown.put("reasonCategory", "Fru Hansen klager");
        assertThat(String.join(" ", validator.validate(rejected, unknown))).contains("reasonCategory");
    }

    private static void walk(JsonNode schema, String path, List<String> freeText) {
        JsonNode properties = schema.path("properties");
        properties.fieldNames().forEachRemaining(name -> {
            JsonNode property = properties.get(name);
            String at = path.isEmpty() ? name : path + "." + name;
            boolean reasonLike = name.toLowerCase(Locale.ROOT).contains("reason")
                    || List.of("note", "notes", "comment", "comments", "message", "explanation").contains(name);
            if (reasonLike && !property.has("enum")) {
                freeText.add(at);
            }
            walk(property, at, freeText);
            walk(property.path("items"), at + "[]", freeText);
        });
    }

    private static List<String> fieldNames(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aPayloadWithoutARequiredFieldOrWithAWrongEnumIsRejected() {
        EventType<?> confirmed = BookingEventsV1.CATALOG.byType("dk.bindeled.booking.BookingConfirmed.v1").orElseThrow();
        ObjectNode json = EventJson.mapper().valueToTree(BookingEventSamples.all().get(3));
        json.remove("start");
        json.put("visibility", "SECRET");
        List<String> violations = validator.validate(confirmed, json);
        assertThat(violations).hasSize(2);
        assertThat(String.join(" ", violations)).contains("start").contains("visibility");
    }

    @Test
    void timesWithoutAnOffsetAndMalformedOpeningHoursAreRejected() {
        EventType<?> confirmed = BookingEventsV1.CATALOG.byClass(BookingConfirmed.class);
        ObjectNode booking = EventJson.mapper().valueToTree(BookingEventSamples.all().get(3));
        booking.put("end", "2026-03-10T19:00:00");
        assertThat(String.join(" ", validator.validate(confirmed, booking))).contains("end");

        EventType<?> centre = BookingEventsV1.CATALOG.byClass(CentreDefined.class);
        ObjectNode json = EventJson.mapper().valueToTree(BookingEventSamples.all().get(0));
        ObjectNode monday = (ObjectNode) ((ArrayNode) json.get("openingHours")).get(0);
        assertThat(monday.get("opens").asText()).isEqualTo("08:00:00");
        monday.put("day", "MANDAG");
        monday.put("closes", "9pm");
        List<String> violations = validator.validate(centre, json);
        assertThat(violations).hasSize(2);
        assertThat(String.join(" ", violations)).contains("day").contains("closes");
    }

    @Test
    void anAddedOptionalFieldDoesNotBreakTheSchemaOrTheReader() throws Exception {
        EventType<?> confirmed = BookingEventsV1.CATALOG.byType("dk.bindeled.booking.BookingConfirmed.v1").orElseThrow();
        BookingEvent sample = BookingEventSamples.all().get(3);
        ObjectNode json = EventJson.mapper().valueToTree(sample);
        json.put("addedLater", "ignored by older consumers");
        assertThat(validator.validate(confirmed, json)).isEmpty();
        assertThat(EventJson.mapper().treeToValue(json, confirmed.javaType())).isEqualTo(sample);
    }

    @Test
    void aBookingTravelsAsACloudEventKeyedByItsResource() {
        CloudEventCodec codec = new CloudEventCodec(BookingEventsV1.CATALOG, BookingEventsV1.SOURCE);
        BookingEvent event = BookingEventSamples.all().get(3);
        ProducerRecord<String, byte[]> record = codec.toRecord(event, "evt-booking-1", TIME);

        assertThat(record.topic()).isEqualTo(Topics.BOOKING_V1);
        assertThat(record.key()).isEqualTo(BookingEventSamples.RESOURCE);
        assertThat(headers(record.headers().toArray()))
                .containsEntry("ce_id", "evt-booking-1")
                .containsEntry("ce_source", "/bindeled/room-booking")
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_type", "dk.bindeled.booking.BookingConfirmed.v1")
                .containsEntry("ce_subject", BookingEventSamples.RESOURCE)
                .containsEntry("ce_dataschema", "https://schemas.bindeled.dk/booking/v1/BookingConfirmed.schema.json")
                .containsEntry("content-type", "application/json");
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .contains("\"start\":\"2026-03-10T17:00:00+01:00\"")
                .contains("\"title\":\"Babycafé for unge mødre\"");

        ReceivedEvent received = codec.read(toConsumerRecord(record));
        assertThat(received.known()).isTrue();
        assertThat(received.event()).isEqualTo(event);
        assertThat(received.type()).isEqualTo("dk.bindeled.booking.BookingConfirmed.v1");
        assertThat(received.time()).isEqualTo(TIME);

        for (BookingEvent sample : BookingEventSamples.all()) {
            ReceivedEvent back = codec.read(toConsumerRecord(codec.toRecord(sample, "id-" + sample.getClass().getSimpleName(), TIME)));
            assertThat(back.event()).isEqualTo(sample);
            assertThat(back.subject()).isEqualTo(sample.subject());
        }
        CentreDefined centre = (CentreDefined) BookingEventSamples.all().get(0);
        assertThat(codec.toRecord(centre, "c", TIME).key()).isEqualTo(BookingEventSamples.CENTRE);
    }

    private static JsonNode schema(EventType<?> type) throws Exception {
        try (InputStream in = BookingEventContractTest.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            return EventJson.mapper().readTree(in);
        }
    }

    private static ConsumerRecord<String, byte[]> toConsumerRecord(ProducerRecord<String, byte[]> record) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        return new ConsumerRecord<>(record.topic(), 0, 0, 0L, TimestampType.CREATE_TIME, 0, 0,
                record.key(), record.value(), headers, Optional.empty());
    }

    private static Map<String, String> headers(Header[] headers) {
        Map<String, String> map = new HashMap<>();
        for (Header h : headers) {
            map.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
        }
        return map;
    }
}
