package dk.bindeled.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dk.bindeled.events.cloudevents.CloudEventCodec;
import dk.bindeled.events.cloudevents.ReceivedEvent;
import dk.bindeled.events.logbook.v1.ActionItemAssigned;
import dk.bindeled.events.logbook.v1.ActionItemCancelled;
import dk.bindeled.events.logbook.v1.ActionItemCompleted;
import dk.bindeled.events.logbook.v1.ActionItemOverdue;
import dk.bindeled.events.logbook.v1.CoCreationPhase;
import dk.bindeled.events.logbook.v1.CoCreationPhaseReached;
import dk.bindeled.events.logbook.v1.CollaborationForm;
import dk.bindeled.events.logbook.v1.CollaborationFormChanged;
import dk.bindeled.events.logbook.v1.CollaborationStarted;
import dk.bindeled.events.logbook.v1.DecisionRecorded;
import dk.bindeled.events.logbook.v1.DecisionType;
import dk.bindeled.events.logbook.v1.GoalsRevised;
import dk.bindeled.events.logbook.v1.LogbookEvent;
import dk.bindeled.events.logbook.v1.LogbookEventsV1;
import dk.bindeled.events.logbook.v1.Majority;
import dk.bindeled.events.logbook.v1.MeetingAttended;
import dk.bindeled.events.logbook.v1.MeetingRoomRequested;
import dk.bindeled.events.logbook.v1.MeetingScheduled;
import dk.bindeled.events.logbook.v1.MeetingType;
import dk.bindeled.events.logbook.v1.MinutesApproved;
import dk.bindeled.events.logbook.v1.PartnerJoinedCollaboration;
import dk.bindeled.events.logbook.v1.VoteClosed;
import dk.bindeled.events.partner.v1.TargetGroup;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The contract of {@code bindeled.logbook.v1}: every type catalogued with its schema, samples valid and read back, no personal field. */
class LogbookEventContractTest {

    private static final OffsetDateTime TIME = OffsetDateTime.of(2026, 12, 1, 18, 0, 0, 0, ZoneOffset.UTC);
    static final String HUS = "9c4a2e51-4d7e-4f91-8d74-3e0a5b2c4c01";
    static final String HOMEWORK = "9c4a2e51-4d7e-4f91-8d74-3e0a5b2c4c04";

    /** Parts of a field name that would mean it is about a person, or text someone typed. */
    private static final List<String> PERSONAL = List.of("name", "note", "phone", "email", "mail", "birth", "address", "text", "cpr", "comment",
            "message", "description", "reason", "person", "resident", "citizen", "motion", "content");

    private final SchemaValidator validator = new SchemaValidator();

    static List<LogbookEvent> samples() {
        return List.of(
                new CollaborationStarted("c1", "Husrådet i Foreningernes Hus", CollaborationForm.SAMORDNE, List.of(TargetGroup.ALL_RESIDENTS), HUS,
                        List.of(HUS), List.of(HOMEWORK), null),
                new CollaborationFormChanged("c1", CollaborationForm.SAMORDNE, CollaborationForm.SAMSKABE),
                new PartnerJoinedCollaboration("c1", HOMEWORK, false),
                new CoCreationPhaseReached("c1", CoCreationPhase.START_UP, CoCreationPhase.OBSERVATIONS_AND_RESEARCH),
                new GoalsRevised("c1", 2, 3),
                new MeetingScheduled("m1", "c1", MeetingType.HOUSE_COUNCIL, "Husrådsmøde december", Instant.parse("2026-12-01T17:00:00Z"),
                        Instant.parse("2026-12-01T19:00:00Z"), List.of(HUS, HOMEWORK), List.of(HUS, HOMEWORK)),
                new MeetingAttended("m1", HOMEWORK, 2),
                new VoteClosed("m1", "v1", Majority.TWO_THIRDS, false, 6, 5, 3, true, 4, 1, 0, true, true),
                new DecisionRecorded("m1", "d1", DecisionType.AGREED_RULE, "v1"),
                new MinutesApproved("m1", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
                new ActionItemAssigned("a1", "c1", "m1", HOMEWORK, LocalDate.of(2026, 12, 15)),
                new ActionItemCompleted("a1", "c1"),
                new ActionItemCancelled("a2", "c1"),
                new ActionItemOverdue("a3", "c1", LocalDate.of(2026, 12, 15)),
                new MeetingRoomRequested("m1", "c1", "b1", "motalavej-salen", HUS, "Husrådsmøde december", Instant.parse("2026-12-01T17:00:00Z"),
                        Instant.parse("2026-12-01T19:00:00Z"), 2));
    }

    @Test
    void everyPermittedTypeIsCataloguedWithItsSchemaAndEverySampleIsValidAndReadsBackEqual() throws Exception {
        Set<Class<?>> permitted = Arrays.stream(LogbookEvent.class.getPermittedSubclasses()).collect(Collectors.toSet());
        assertThat(LogbookEventsV1.CATALOG.types().stream().map(EventType::javaType).collect(Collectors.toSet())).isEqualTo(permitted);
        assertThat(LogbookEventsV1.CATALOG.topic()).isEqualTo(Topics.LOGBOOK_V1).isEqualTo("bindeled.logbook.v1");
        assertThat(samples().stream().map(Object::getClass).collect(Collectors.toSet())).isEqualTo(permitted);
        for (LogbookEvent sample : samples()) {
            EventType<?> type = LogbookEventsV1.CATALOG.byClass(sample.getClass());
            assertThat(SchemaValidator.hasSchema(type)).as("schema of %s", type.type()).isTrue();
            assertThat(type.type()).matches("dk\\.bindeled\\.logbook\\.[A-Z][A-Za-z]+\\.v1");
            JsonNode json = EventJson.mapper().valueToTree(sample);
            assertThat(validator.validate(type, json)).as("violations of %s", type.type()).isEmpty();
            assertThat(EventJson.mapper().treeToValue(json, type.javaType())).isEqualTo(sample);
        }
    }

    @Test
    void noEventHasAFieldForAPersonOrForTextSomeoneTyped() {
        for (Class<?> type : LogbookEvent.class.getPermittedSubclasses()) {
            for (RecordComponent component : type.getRecordComponents()) {
                String field = component.getName().toLowerCase(Locale.ROOT);
                assertThat(PERSONAL).as("%s.%s", type.getSimpleName(), component.getName()).noneMatch(field::contains);
            }
        }
    }

    @Test
    void eachTravelsAsACloudEventKeyedByWhatItIsAbout() {
        CloudEventCodec codec = new CloudEventCodec(LogbookEventsV1.CATALOG, LogbookEventsV1.SOURCE);
        for (LogbookEvent sample : samples()) {
            ProducerRecord<String, byte[]> record = codec.toRecord(sample, "id-" + sample.getClass().getSimpleName(), TIME);
            assertThat(record.topic()).isEqualTo("bindeled.logbook.v1");
            assertThat(record.key()).isEqualTo(sample.subject());
            ReceivedEvent back = codec.read(new ConsumerRecord<>(record.topic(), 0, 0, 0L, org.apache.kafka.common.record.TimestampType.CREATE_TIME, 0, 0,
                    record.key(), record.value(), new org.apache.kafka.common.header.internals.RecordHeaders(record.headers().toArray()),
                    java.util.Optional.empty()));
            assertThat(back.event()).isEqualTo(sample);
        }
        assertThat(samples().get(5).subject()).isEqualTo("m1");
        assertThat(samples().get(10).subject()).isEqualTo("a1");
        assertThat(samples().get(0).subject()).isEqualTo("c1");
        assertThat(new String(codec.toRecord(samples().get(7), "x", TIME).value(), StandardCharsets.UTF_8)).contains("\"adopted\":true");
    }

    @Test
    void aBlankIdIsRefused() {
        assertThatThrownBy(() -> new MinutesApproved(" ", "ab")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("meetingId");
        assertThatThrownBy(() -> new VoteClosed("m1", "v1", null, false, 1, 1, 1, true, 1, 0, 0, true, true)).hasMessageContaining("majority");
    }
}
