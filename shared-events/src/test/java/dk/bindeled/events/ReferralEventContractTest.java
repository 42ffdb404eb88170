package dk.bindeled.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.bindeled.events.cloudevents.CloudEventCodec;
import dk.bindeled.events.cloudevents.ReceivedEvent;
import dk.bindeled.events.cloudevents.UnreadableEventException;
import dk.bindeled.events.partner.v1.TargetGroup;
import dk.bindeled.events.referral.v1.DeclineReason;
import dk.bindeled.events.referral.v1.OverdueKind;
import dk.bindeled.events.referral.v1.ReferralAccepted;
import dk.bindeled.events.referral.v1.ReferralCompleted;
import dk.bindeled.events.referral.v1.ReferralConsentRevoked;
import dk.bindeled.events.referral.v1.ReferralDeclined;
import dk.bindeled.events.referral.v1.ReferralEvent;
import dk.bindeled.events.referral.v1.ReferralEventsV1;
import dk.bindeled.events.referral.v1.ReferralForwarded;
import dk.bindeled.events.referral.v1.ReferralOutcome;
import dk.bindeled.events.referral.v1.ReferralOverdue;
import dk.bindeled.events.referral.v1.ReferralSent;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class ReferralEventContractTest {

    private static final OffsetDateTime TIME = OffsetDateTime.of(2026, 4, 14, 10, 5, 0, 0, ZoneOffset.UTC);

    /** Parts of a field name that would mean the field is about a person, or is text someone typed. */
    private static final List<String> PERSONAL = List.of("name", "note", "phone", "email", "mail", "birth", "address",
            "text", "cpr", "comment", "message", "description", "title", "resident", "citizen");

    /** The fields every referral event starts with, in this order. */
    private static final List<String> COMMON = List.of("referralId", "referrerPartnerId", "recipientPartnerId", "offerId",
            "targetGroup");

    private final SchemaValidator validator = new SchemaValidator();

    @Test
    void everyPermittedEventTypeIsCataloguedWithASchemaAndAStableTypeString() throws Exception {
        Set<Class<?>> permitted = Arrays.stream(ReferralEvent.class.getPermittedSubclasses()).collect(Collectors.toSet());
        Set<Class<?>> catalogued = ReferralEventsV1.CATALOG.types().stream().map(EventType::javaType).collect(Collectors.toSet());
        assertThat(catalogued).isEqualTo(permitted);
        assertThat(ReferralEventsV1.CATALOG.topic()).isEqualTo(Topics.REFERRAL_V1).isEqualTo("bindeled.referral.v1");
        for (EventType<?> type : ReferralEventsV1.CATALOG.types()) {
            assertThat(SchemaValidator.hasSchema(type)).as("schema of %s", type.type()).isTrue();
            assertThat(type.type()).matches("dk\\.bindeled\\.referral\\.Referral[A-Z][A-Za-z]+\\.v1");
            assertThat(type.dataSchema().toString()).startsWith("https://schemas.bindeled.dk/referral/v1/");
            JsonNode schema = schema(type);
            assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(schema.path("$id").asText()).as("$id of %s", type.type()).isEqualTo(type.dataSchema().toString());
            assertThat(schema.path("title").asText()).as("title of %s", type.type()).isEqualTo(type.type());
            assertThat(schema.path("description").asText()).endsWith("Within v1 only optional properties are added.");
            assertThat(schema.path("additionalProperties").asBoolean()).isTrue();
        }
        assertThat(ReferralEventsV1.CATALOG.types().stream().map(EventType::type)).containsExactly(
                "dk.bindeled.referral.ReferralSent.v1",
                "dk.bindeled.referral.ReferralAccepted.v1",
                "dk.bindeled.referral.ReferralDeclined.v1",
                "dk.bindeled.referral.ReferralForwarded.v1",
                "dk.bindeled.referral.ReferralContactMade.v1",
                "dk.bindeled.referral.ReferralContactFailed.v1",
                "dk.bindeled.referral.ReferralCompleted.v1",
                "dk.bindeled.referral.ReferralWithdrawn.v1",
                "dk.bindeled.referral.ReferralEnteredInError.v1",
                "dk.bindeled.referral.ReferralOverdue.v1",
                "dk.bindeled.referral.ReferralConsentRevoked.v1");
        assertThat(ReferralEventsV1.CATALOG.byClass(ReferralSent.class).type()).isEqualTo("dk.bindeled.referral.ReferralSent.v1");
    }

    /**
     * The schema and the record say the same: the same properties, the record's required ones (all but the target
     * group) required, and every category with exactly the values of its enum.
     */
    @Test
    void everySchemaDeclaresExactlyTheFieldsOfItsRecord() throws Exception {
        for (EventType<?> type : ReferralEventsV1.CATALOG.types()) {
            JsonNode schema = schema(type);
            RecordComponent[] components = type.javaType().getRecordComponents();
            List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
            assertThat(names.subList(0, COMMON.size())).as("first fields of %s", type.type()).isEqualTo(COMMON);
            assertThat(fieldNames(schema.path("properties"))).as("properties of %s", type.type())
                    .containsExactlyElementsOf(names);
            assertThat(texts(schema.path("required"))).as("required of %s", type.type())
                    .containsExactlyElementsOf(names.stream().filter(n -> !n.equals("targetGroup")).toList());
            for (RecordComponent c : components) {
                JsonNode property = schema.path("properties").path(c.getName());
                if (c.getType().isEnum()) {
                    List<String> constants = Arrays.stream(c.getType().getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
                    assertThat(texts(property.path("enum"))).as("%s.%s", type.type(), c.getName()).isEqualTo(constants);
                } else if (c.getType() == String.class) {
                    assertThat(property.path("minLength").asInt()).as("%s.%s", type.type(), c.getName()).isEqualTo(1);
                    assertThat(property.path("maxLength").asInt()).as("%s.%s", type.type(), c.getName()).isEqualTo(64);
                } else {
                    assertThat(c.getType()).isEqualTo(boolean.class);
                    assertThat(property.path("type").asText()).isEqualTo("boolean");
                }
            }
        }
    }

    @Test
    void everySampleValidatesAgainstTheSchemaOfItsTypeAndReadsBackEqual() throws Exception {
        List<ReferralEvent> samples = ReferralEventSamples.all();
        assertThat(samples.stream().map(Object::getClass).collect(Collectors.toSet()))
                .hasSameSizeAs(ReferralEventsV1.CATALOG.types());
        for (ReferralEvent sample : samples) {
            EventType<?> type = ReferralEventsV1.CATALOG.byClass(sample.getClass());
            JsonNode json = EventJson.mapper().valueToTree(sample);
            assertThat(validator.validate(type, json)).as("violations of %s", type.type()).isEmpty();
            assertThat(EventJson.mapper().treeToValue(json, type.javaType())).isEqualTo(sample);
        }
    }

    @Test
    void everyOptionalFieldMayBeLeftOut() throws Exception {
        List<ReferralEvent> minimal = ReferralEventSamples.minimal();
        assertThat(minimal.stream().map(Object::getClass).collect(Collectors.toSet()))
                .hasSameSizeAs(ReferralEventsV1.CATALOG.types());
        for (ReferralEvent sample : minimal) {
            EventType<?> type = ReferralEventsV1.CATALOG.byClass(sample.getClass());
            JsonNode json = EventJson.mapper().valueToTree(sample);
            assertThat(json.has("targetGroup")).isFalse();
            assertThat(validator.validate(type, json)).as("violations of minimal %s", type.type()).isEmpty();
            assertThat(EventJson.mapper().treeToValue(json, type.javaType())).isEqualTo(sample);
        }
    }

    /**
     * The rule of this contract: a referral event carries no personal data. No field of any record, of the interface
     * or of any schema (nested ones included) is named like a person's data or like text; every field is an id, a
     * category or a flag; and what the samples publish has no other fields.
     */
    @Test
    void noReferralEventCarriesPersonalData() throws Exception {
        Set<String> fields = new LinkedHashSet<>();
        for (Class<?> type : ReferralEvent.class.getPermittedSubclasses()) {
            for (RecordComponent c : type.getRecordComponents()) {
                fields.add(c.getName());
                Class<?> t = c.getType();
                boolean idOrCategoryOrFlag = (t == String.class && c.getName().endsWith("Id")) || t.isEnum() || t == boolean.class;
                assertThat(idOrCategoryOrFlag).as("%s.%s (%s) is an id, a category or a flag", type.getSimpleName(), c.getName(),
                        t.getSimpleName()).isTrue();
            }
        }
        Arrays.stream(ReferralEvent.class.getDeclaredMethods()).map(Method::getName).forEach(fields::add);
        for (EventType<?> type : ReferralEventsV1.CATALOG.types()) {
            walk(schema(type), fields);
        }
        for (ReferralEvent sample : ReferralEventSamples.all()) {
            fields.addAll(fieldNames(EventJson.mapper().valueToTree(sample)));
        }
        assertThat(fields).contains("referralId", "consentId", "toOfferId", "reason");
        assertThat(fields.stream().filter(ReferralEventContractTest::soundsPersonal))
                .as("fields of referral events that sound like personal data")
                .isEmpty();
        assertThat(soundsPersonal("residentName")).isTrue();
        assertThat(soundsPersonal("dateOfBirth")).isTrue();
        assertThat(soundsPersonal("freeText")).isTrue();
    }

    /** Why a referral was declined, how it ended and which deadline it passed are categories, never text. */
    @Test
    void reasonsAndOutcomesAreCategories() throws Exception {
        ObjectNode declined = EventJson.mapper().valueToTree(ReferralEventSamples.all().get(2));
        EventType<?> type = ReferralEventsV1.CATALOG.byClass(ReferralDeclined.class);
        declined.put("reason", "Borgeren er for syg til at deltage");
        assertThat(String.join(" ", validator.validate(type, declined))).contains("reason");

        ObjectNode completed = EventJson.mapper().valueToTree(ReferralEventSamples.all().get(6));
        completed.put("outcome", "Fik hjælp");
        assertThat(String.join(" ", validator.validate(ReferralEventsV1.CATALOG.byClass(ReferralCompleted.class), completed)))
                .contains("outcome");

        ObjectNode overdue = EventJson.mapper().valueToTree(ReferralEventSamples.all().get(9));
        overdue.put("kind", "LATE");
        assertThat(String.join(" ", validator.validate(ReferralEventsV1.CATALOG.byClass(ReferralOverdue.class), overdue)))
                .contains("kind");
    }

    @Test
    void aPayloadWithoutARequiredFieldOrWithAWrongEnumIsRejected() {
        EventType<?> declined = ReferralEventsV1.CATALOG.byType("dk.bindeled.referral.ReferralDeclined.v1").orElseThrow();
        ObjectNode json = EventJson.mapper().valueToTree(ReferralEventSamples.all().get(2));
        json.remove("recipientPartnerId");
        json.put("reason", "FULL");
        List<String> violations = validator.validate(declined, json);
        assertThat(violations).hasSize(2);
        assertThat(String.join(" ", violations)).contains("recipientPartnerId").contains("reason");

        EventType<?> sent = ReferralEventsV1.CATALOG.byClass(ReferralSent.class);
        ObjectNode wrongGroup = EventJson.mapper().valueToTree(ReferralEventSamples.all().get(0));
        wrongGroup.put("targetGroup", "UNGE_MOEDRE");
        wrongGroup.remove("capacityOverridden");
        wrongGroup.put("offerId", "");
        violations = validator.validate(sent, wrongGroup);
        assertThat(violations).hasSize(3);
        assertThat(String.join(" ", violations)).contains("targetGroup").contains("capacityOverridden").contains("offerId");
    }

    @Test
    void anAddedOptionalFieldDoesNotBreakTheSchemaOrTheReader() throws Exception {
        EventType<?> accepted = ReferralEventsV1.CATALOG.byType("dk.bindeled.referral.ReferralAccepted.v1").orElseThrow();
        ReferralEvent sample = ReferralEventSamples.all().get(1);
        ObjectNode json = EventJson.mapper().valueToTree(sample);
        json.put("addedLater", "ignored by older consumers");
        assertThat(validator.validate(accepted, json)).isEmpty();
        assertThat(EventJson.mapper().treeToValue(json, accepted.javaType())).isEqualTo(sample);
    }

    @Test
    void aRecordRefusesMissingIdsAndCategories() {
        String r = ReferralEventSamples.REFERRAL;
        String from = ReferralEventSamples.REFERRER;
        String to = ReferralEventSamples.RECIPIENT;
        String offer = ReferralEventSamples.OFFER;
        assertThatThrownBy(() -> new ReferralAccepted(null, from, to, offer, null))
                .isInstanceOf(NullPointerException.class).hasMessage("referralId");
        assertThatThrownBy(() -> new ReferralAccepted(r, " ", to, offer, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("referrerPartnerId must not be blank");
        assertThatThrownBy(() -> new ReferralSent(r, from, null, offer, null, false))
                .isInstanceOf(NullPointerException.class).hasMessage("recipientPartnerId");
        assertThatThrownBy(() -> new ReferralSent(r, from, to, "", null, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("offerId must not be blank");
        assertThatThrownBy(() -> new ReferralDeclined(r, from, to, offer, null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("reason");
        assertThatThrownBy(() -> new ReferralCompleted(r, from, to, offer, null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("outcome");
        assertThatThrownBy(() -> new ReferralOverdue(r, from, to, offer, null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("kind");
        assertThatThrownBy(() -> new ReferralConsentRevoked(r, from, to, offer, null, "\t"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("consentId must not be blank");
        assertThatThrownBy(() -> new ReferralForwarded(r, from, to, offer, null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("toOfferId");
        assertThatThrownBy(() -> new ReferralForwarded(r, from, to, offer, null, offer))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("toOfferId");
        assertThat(new ReferralAccepted(r, from, to, offer, null).targetGroup()).isNull();
    }

    @Test
    void aReferralTravelsAsACloudEventKeyedByItsReferral() {
        CloudEventCodec codec = new CloudEventCodec(ReferralEventsV1.CATALOG, ReferralEventsV1.SOURCE);
        ReferralEvent event = ReferralEventSamples.all().get(0);
        ProducerRecord<String, byte[]> record = codec.toRecord(event, "evt-referral-1", TIME);

        assertThat(record.topic()).isEqualTo(Topics.REFERRAL_V1);
        assertThat(record.key()).isEqualTo(ReferralEventSamples.REFERRAL);
        assertThat(headers(record.headers().toArray()))
                .containsEntry("ce_id", "evt-referral-1")
                .containsEntry("ce_source", "/bindeled/referrals")
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_type", "dk.bindeled.referral.ReferralSent.v1")
                .containsEntry("ce_subject", ReferralEventSamples.REFERRAL)
                .containsEntry("ce_dataschema", "https://schemas.bindeled.dk/referral/v1/ReferralSent.schema.json")
                .containsEntry("content-type", "application/json");
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .isEqualTo("{\"referralId\":\"" + ReferralEventSamples.REFERRAL + "\",\"referrerPartnerId\":\""
                        + ReferralEventSamples.REFERRER + "\",\"recipientPartnerId\":\"" + ReferralEventSamples.RECIPIENT
                        + "\",\"offerId\":\"o1\",\"targetGroup\":\"YOUNG_MOTHERS\",\"capacityOverridden\":true}");

        ReceivedEvent received = codec.read(toConsumerRecord(record));
        assertThat(received.known()).isTrue();
        assertThat(received.event()).isEqualTo(event);
        assertThat(received.type()).isEqualTo("dk.bindeled.referral.ReferralSent.v1");
        assertThat(received.time()).isEqualTo(TIME);

        for (List<ReferralEvent> samples : List.of(ReferralEventSamples.all(), ReferralEventSamples.minimal())) {
            for (ReferralEvent sample : samples) {
                ProducerRecord<String, byte[]> out = codec.toRecord(sample, "id-" + sample.getClass().getSimpleName(), TIME);
                assertThat(out.key()).isEqualTo(sample.referralId());
                ReceivedEvent back = codec.read(toConsumerRecord(out));
                assertThat(back.event()).isEqualTo(sample);
                assertThat(back.subject()).isEqualTo(sample.referralId());
            }
        }
    }

    /** A blank id passes the schema's minLength but not the record: the event is unreadable, not a half-empty referral. */
    @Test
    void aBlankIdIsUnreadable() {
        CloudEventCodec codec = new CloudEventCodec(ReferralEventsV1.CATALOG, ReferralEventsV1.SOURCE);
        ProducerRecord<String, byte[]> good = codec.toRecord(ReferralEventSamples.all().get(1), "blank", TIME);
        String blank = "{\"referralId\":\"" + ReferralEventSamples.REFERRAL + "\",\"referrerPartnerId\":\"  \","
                + "\"recipientPartnerId\":\"" + ReferralEventSamples.RECIPIENT + "\",\"offerId\":\"o1\"}";
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(good.topic(), null, good.key(),
                blank.getBytes(StandardCharsets.UTF_8), good.headers());
        assertThatThrownBy(() -> codec.read(toConsumerRecord(record)))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("dk.bindeled.referral.ReferralAccepted.v1")
                .hasMessageContaining("referrerPartnerId must not be blank");
    }

    @Test
    void everyCategoryHasItsDanishLabel() {
        assertThat(labels(DeclineReason.class, DanishLabels::declineReason)).containsExactly(
                Map.entry(DeclineReason.NOT_ELIGIBLE, "Opfylder ikke kriterierne"),
                Map.entry(DeclineReason.NO_CAPACITY, "Ingen ledige pladser"),
                Map.entry(DeclineReason.RESIDENT_DECLINED, "Borgeren sagde nej tak"),
                Map.entry(DeclineReason.OTHER, "Andet"));
        assertThat(labels(ReferralOutcome.class, DanishLabels::referralOutcome)).containsExactly(
                Map.entry(ReferralOutcome.GOT_HELP, "Fik hjælp"),
                Map.entry(ReferralOutcome.REFERRED_ELSEWHERE, "Henvist videre"),
                Map.entry(ReferralOutcome.NO_LONGER_INTERESTED, "Ikke længere interesseret"),
                Map.entry(ReferralOutcome.COULD_NOT_BE_HELPED, "Kunne ikke hjælpes"));
        assertThat(labels(OverdueKind.class, DanishLabels::overdueKind)).containsExactly(
                Map.entry(OverdueKind.ANSWER, "Ikke besvaret i tide"),
                Map.entry(OverdueKind.CONTACT, "Ingen kontakt i tide"));
        assertThat(Arrays.stream(TargetGroup.values()).map(DanishLabels::targetGroup)).doesNotContainNull();
    }

    private static <E extends Enum<E>> Map<E, String> labels(Class<E> type, Function<E, String> label) {
        Map<E, String> labels = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            labels.put(value, label.apply(value));
        }
        return labels;
    }

    private static boolean soundsPersonal(String field) {
        String lower = field.toLowerCase(Locale.ROOT);
        return PERSONAL.stream().anyMatch(lower::contains);
    }

    /** Every property name of a schema, nested ones included. */
    private static void walk(JsonNode schema, Set<String> names) {
        JsonNode properties = schema.path("properties");
        properties.fieldNames().forEachRemaining(name -> {
            names.add(name);
            walk(properties.get(name), names);
            walk(properties.get(name).path("items"), names);
        });
    }

    private static List<String> fieldNames(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static JsonNode schema(EventType<?> type) throws Exception {
        try (InputStream in = ReferralEventContractTest.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
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
