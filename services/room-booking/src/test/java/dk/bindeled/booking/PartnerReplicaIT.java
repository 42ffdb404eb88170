package dk.bindeled.booking;

import static org.assertj.core.api.Assertions.assertThat;

import dk.bindeled.events.Topics;
import dk.bindeled.events.cloudevents.CloudEventCodec;
import dk.bindeled.events.partner.v1.PartnerEventsV1;
import dk.bindeled.events.partner.v1.PartnerKind;
import dk.bindeled.events.partner.v1.PartnerProfileUpdated;
import dk.bindeled.events.partner.v1.PartnerRegistered;
import dk.bindeled.events.partner.v1.Sector;
import dk.bindeled.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The replica of the partner registry: idempotent by CloudEvent id, and an unreadable record is dead-lettered, not lost or looping. */
class PartnerReplicaIT extends IntegrationTest {

    private final CloudEventCodec codec = new CloudEventCodec(PartnerEventsV1.CATALOG, PartnerEventsV1.SOURCE);

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() throws Exception {
        String partnerId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(codec.toRecord(new PartnerRegistered(partnerId, "Lektiecaféen", Sector.THIRD_SECTOR, PartnerKind.ASSOCIATION,
                    null, null, null, null, null), UUID.randomUUID().toString(), OffsetDateTime.now(ZoneOffset.UTC))).get();
            ProducerRecord<String, byte[]> renamed = codec.toRecord(new PartnerProfileUpdated(partnerId, "Lektiecafé Motalavej",
                    Sector.THIRD_SECTOR, PartnerKind.ASSOCIATION, null, null, null, null, null), eventId, OffsetDateTime.now(ZoneOffset.UTC));
            producer.send(renamed).get();
            producer.send(renamed).get();
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "Lektiecafé Motalavej".equals(jdbc.sql(
                "SELECT name FROM partner_replica WHERE partner_id = ?").param(partnerId).query(String.class).optional().orElse(null)));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT COUNT(*) FROM inbox WHERE event_id = ?")
                .param(eventId).query(Long.class).single() == 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM partner_replica WHERE partner_id = ?").param(partnerId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicWithTheReasonAndTheNextOneIsApplied() throws Exception {
        String marker = "not-a-cloudevent-" + UUID.randomUUID();
        String partnerId = UUID.randomUUID().toString();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.PARTNER_V1, partnerId, marker.getBytes(StandardCharsets.UTF_8))).get();
            producer.send(codec.toRecord(new PartnerRegistered(partnerId, "Tirsdagstræf", Sector.INFORMAL, PartnerKind.INFORMAL_GROUP,
                    null, null, null, null, null), UUID.randomUUID().toString(), OffsetDateTime.now(ZoneOffset.UTC))).get();
        }
        List<ConsumerRecord<String, byte[]>> dead = consumeUntil("bindeled.partner.v1.room-booking.dlt",
                records -> records.stream().anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8).equals(marker)), Duration.ofSeconds(30));
        ConsumerRecord<String, byte[]> record = dead.stream().filter(r -> new String(r.value(), StandardCharsets.UTF_8).equals(marker))
                .findFirst().orElseThrow();
        String reason = new String(record.headers().lastHeader("bindeled_dlt_reason").value(), StandardCharsets.UTF_8);
        assertThat(reason).isNotBlank();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT COUNT(*) FROM partner_replica WHERE partner_id = ?")
                .param(partnerId).query(Long.class).single() == 1);
        long deadLettered = dead.stream().filter(r -> new String(r.value(), StandardCharsets.UTF_8).equals(marker)).count();
        long nextApplied = jdbc.sql("SELECT COUNT(*) FROM partner_replica WHERE partner_id = ?").param(partnerId).query(Long.class).single();
        // Every room-booking context alive in this test JVM consumes the topic in a group of its own, and each dead-letters it.
        System.out.printf("FAULT poison-record (room-booking): dead-lettered=%d (once per service context in the JVM) to %s reason=\"%s\""
                + " next-applied=%d lost=%d applied-twice=%d%n", deadLettered, record.topic(), reason, nextApplied, 1 - nextApplied, nextApplied - 1);
        assertThat(deadLettered).isPositive();
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }
}
