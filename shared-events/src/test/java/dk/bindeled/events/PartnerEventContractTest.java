package dk.bindeled.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.bindeled.events.partner.v1.PartnerEvent;
import dk.bindeled.events.partner.v1.PartnerEventsV1;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PartnerEventContractTest {

    private final SchemaValidator validator = new SchemaValidator();

    @Test
    void everyPermittedEventTypeIsCataloguedWithASchemaAndAStableTypeString() {
        Set<Class<?>> permitted = Arrays.stream(PartnerEvent.class.getPermittedSubclasses()).collect(Collectors.toSet());
        Set<Class<?>> catalogued = PartnerEventsV1.CATALOG.types().stream().map(EventType::javaType).collect(Collectors.toSet());
        assertThat(catalogued).isEqualTo(permitted);
        for (EventType<?> type : PartnerEventsV1.CATALOG.types()) {
            assertThat(SchemaValidator.hasSchema(type)).as("schema of %s", type.type()).isTrue();
            assertThat(type.type()).matches("dk\\.bindeled\\.partner\\.[A-Z][A-Za-z]+\\.v1");
            assertThat(type.dataSchema().toString()).startsWith("https://schemas.bindeled.dk/partner/v1/");
        }
        assertThat(PartnerEventsV1.CATALOG.byClass(dk.bindeled.events.partner.v1.PartnerRegistered.class).type())
                .isEqualTo("dk.bindeled.partner.PartnerRegistered.v1");
    }

    @Test
    void everySampleValidatesAgainstTheSchemaOfItsType() {
        List<PartnerEvent> samples = PartnerEventSamples.all();
        assertThat(samples.stream().map(Object::getClass).collect(Collectors.toSet()))
                .hasSameSizeAs(PartnerEventsV1.CATALOG.types());
        for (PartnerEvent sample : samples) {
            EventType<?> type = PartnerEventsV1.CATALOG.byClass(sample.getClass());
            JsonNode json = EventJson.mapper().valueToTree(sample);
            assertThat(validator.validate(type, json)).as("violations of %s", type.type()).isEmpty();
        }
    }

    @Test
    void aPayloadWithoutARequiredFieldOrWithAWrongEnumIsRejected() {
        EventType<?> registered = PartnerEventsV1.CATALOG.byType("dk.bindeled.partner.PartnerRegistered.v1").orElseThrow();
        ObjectNode json = EventJson.mapper().valueToTree(PartnerEventSamples.all().get(0));
        json.remove("name");
        json.put("sector", "GOVERNMENT");
        List<String> violations = validator.validate(registered, json);
        assertThat(violations).hasSize(2);
        assertThat(String.join(" ", violations)).contains("name").contains("sector");
    }

    @Test
    void anAddedOptionalFieldDoesNotBreakTheSchemaOrTheReader() throws Exception {
        EventType<?> registered = PartnerEventsV1.CATALOG.byType("dk.bindeled.partner.PartnerRegistered.v1").orElseThrow();
        ObjectNode json = EventJson.mapper().valueToTree(PartnerEventSamples.all().get(0));
        json.put("addedLater", "ignored by older consumers");
        assertThat(validator.validate(registered, json)).isEmpty();
        assertThat(EventJson.mapper().treeToValue(json, registered.javaType())).isEqualTo(PartnerEventSamples.all().get(0));
    }
}
