package dk.bindeled.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.bindeled.events.cloudevents.CloudEventCodec;
import dk.bindeled.events.cloudevents.ReceivedEvent;
import dk.bindeled.events.cloudevents.UnreadableEventException;
import dk.bindeled.events.partner.v1.PartnerEvent;
import dk.bindeled.events.partner.v1.PartnerEventsV1;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class CloudEventCodecTest {

    private static final OffsetDateTime TIME = OffsetDateTime.of(2026, 11, 22, 10, 15, 0, 0, ZoneOffset.UTC);
    private final CloudEventCodec codec = new CloudEventCodec(PartnerEventsV1.CATALOG, PartnerEventsV1.SOURCE);

    @Test
    void writesBinaryModeHeadersKeyedByTheAggregate() {
        PartnerEvent event = PartnerEventSamples.all().get(0);
        ProducerRecord<String, byte[]> record = codec.toRecord(event, "evt-1", TIME);

        assertThat(record.topic()).isEqualTo(Topics.PARTNER_V1);
        assertThat(record.key()).isEqualTo(PartnerEventSamples.PARTNER);
        Map<String, String> headers = headers(record.headers().toArray());
        assertThat(headers).containsEntry("ce_id", "evt-1")
                .containsEntry("ce_source", "/bindeled/partner-registry")
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_type", "dk.bindeled.partner.PartnerRegistered.v1")
                .containsEntry("ce_subject", PartnerEventSamples.PARTNER)
                .containsEntry("ce_dataschema", "https://schemas.bindeled.dk/partner/v1/PartnerRegistered.schema.json")
                .containsEntry("content-type", "application/json")
                .containsKey("ce_time");
        assertThat(OffsetDateTime.parse(headers.get("ce_time"))).isEqualTo(TIME);
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("\"name\":\"Sundhedsplejen Morsø\"");
    }

    @Test
    void everySampleSurvivesTheRoundTrip() {
        for (PartnerEvent event : PartnerEventSamples.all()) {
            ReceivedEvent received = codec.read(toConsumerRecord(codec.toRecord(event, "id-" + event.getClass().getSimpleName(), TIME)));
            assertThat(received.event()).isEqualTo(event);
            assertThat(received.subject()).isEqualTo(event.partnerId());
            assertThat(received.time()).isEqualTo(TIME);
        }
    }

    @Test
    void anUnknownTypeIsReadButCarriesNoEvent() {
        ProducerRecord<String, byte[]> record = codec.toRecord(PartnerEventSamples.all().get(2), "x", TIME);
        record.headers().remove("ce_type").add("ce_type", "dk.bindeled.partner.SomethingNew.v1".getBytes(StandardCharsets.UTF_8));
        ReceivedEvent received = codec.read(toConsumerRecord(record));
        assertThat(received.known()).isFalse();
        assertThat(received.type()).isEqualTo("dk.bindeled.partner.SomethingNew.v1");
    }

    @Test
    void recordsThatAreNotValidEventsAreUnreadableWithAReason() {
        ConsumerRecord<String, byte[]> noHeaders = new ConsumerRecord<>(Topics.PARTNER_V1, 0, 0, "k", "{}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> codec.read(noHeaders)).isInstanceOf(UnreadableEventException.class);

        ProducerRecord<String, byte[]> broken = codec.toRecord(PartnerEventSamples.all().get(0), "y", TIME);
        ProducerRecord<String, byte[]> garbage = new ProducerRecord<>(broken.topic(), null, broken.key(),
                "{\"partnerId\":\"p\",\"sector\":\"NOPE\"}".getBytes(StandardCharsets.UTF_8), broken.headers());
        assertThatThrownBy(() -> codec.read(toConsumerRecord(garbage)))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("PartnerRegistered.schema.json")
                .hasMessageContaining("sector");

        ProducerRecord<String, byte[]> notJson = new ProducerRecord<>(broken.topic(), null, broken.key(),
                "not json".getBytes(StandardCharsets.UTF_8), broken.headers());
        assertThatThrownBy(() -> codec.read(toConsumerRecord(notJson))).isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("not JSON");
    }

    private static ConsumerRecord<String, byte[]> toConsumerRecord(ProducerRecord<String, byte[]> record) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        return new ConsumerRecord<>(record.topic(), 0, 0, 0L, TimestampType.CREATE_TIME, 0, 0,
                record.key(), record.value(), headers, java.util.Optional.empty());
    }

    private static Map<String, String> headers(Header[] headers) {
        Map<String, String> map = new HashMap<>();
        for (Header h : headers) {
            map.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
        }
        return map;
    }
}
