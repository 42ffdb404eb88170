package dk.bindeled.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.bindeled.events.Topics;
import dk.bindeled.events.cloudevents.CloudEventCodec;
import dk.bindeled.events.cloudevents.ReceivedEvent;
import dk.bindeled.events.partner.v1.PartnerEventsV1;
import dk.bindeled.events.partner.v1.PartnerRegistered;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** REST command → event store → CloudEvent on Kafka → projection, on real Kafka and PostgreSQL. */
class PartnerEventFlowIT extends IntegrationTest {

    private final CloudEventCodec codec = new CloudEventCodec(PartnerEventsV1.CATALOG, PartnerEventsV1.SOURCE);

    @Test
    void aRegisteredPartnerIsStoredPublishedAsACloudEventAndProjected() {
        String id = register(Fixtures.profile("Café Sumak", null));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?").param(id)
                .query(Long.class).single()).isEqualTo(1);

        List<ConsumerRecord<String, byte[]>> records = consumeUntil(Topics.PARTNER_V1,
                rs -> rs.stream().anyMatch(r -> id.equals(r.key())), Duration.ofSeconds(30));
        ConsumerRecord<String, byte[]> record = records.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow();
        Map<String, String> headers = new HashMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
        }
        assertThat(headers).containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_source", "/bindeled/partner-registry")
                .containsEntry("ce_type", "dk.bindeled.partner.PartnerRegistered.v1")
                .containsEntry("ce_subject", id)
                .containsEntry("ce_dataschema", "https://schemas.bindeled.dk/partner/v1/PartnerRegistered.schema.json")
                .containsEntry("content-type", "application/json")
                .containsKeys("ce_id", "ce_time");
        String eventId = jdbc.sql("SELECT event_identifier FROM domain_event_entry WHERE aggregate_identifier = ?").param(id)
                .query(String.class).single();
        assertThat(headers).containsEntry("ce_id", eventId);

        ReceivedEvent received = codec.read(record);
        assertThat(received.event()).isInstanceOf(PartnerRegistered.class);
        assertThat(((PartnerRegistered) received.event()).name()).isEqualTo("Café Sumak");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Response partner = call(HttpMethod.GET, "/api/partners/" + id, null);
            assertThat(partner.status()).isEqualTo(200);
            assertThat(partner.body().get("name").asText()).isEqualTo("Café Sumak");
        });
    }

    @Test
    void everyChangeOfAPartnerIsPublishedInOrderUnderItsKey() {
        String id = register(Fixtures.profile("Netværksmødet Brændpunktet", null));
        Map<String, Object> babyCafe = Fixtures.babyCafe();
        babyCafe.put("referralTerms", Map.of("answerWorkingDays", 3, "contactDays", 10));
        Response offer = call(HttpMethod.POST, "/api/partners/" + id + "/offers", babyCafe);
        assertThat(offer.status()).isEqualTo(201);
        assertThat(call(HttpMethod.PUT, "/api/partners/" + id + "/centres/foreningernes-hus",
                Map.of("centreName", "Foreningernes Hus", "role", "RESIDENT_ACTOR")).status()).isEqualTo(204);
        assertThat(call(HttpMethod.POST, "/api/partners/" + id + "/resources",
                Map.of("name", "Kopimaskine", "category", "COPIER", "terms", "Efter aftale")).status()).isEqualTo(201);
        assertThat(call(HttpMethod.POST, "/api/partners/" + id + "/deactivation", Map.of("reason", "Nedlagt")).status()).isEqualTo(204);

        List<String> expected = List.of("PartnerRegistered", "OfferPublished", "PartnerJoinedCentre", "ResourceShared",
                "OfferWithdrawn", "PartnerDeactivated");
        List<ConsumerRecord<String, byte[]>> records = consumeUntil(Topics.PARTNER_V1,
                rs -> rs.stream().filter(r -> id.equals(r.key())).count() >= expected.size(), Duration.ofSeconds(30));
        List<String> types = records.stream().filter(r -> id.equals(r.key()))
                .map(r -> codec.read(r).type().replace("dk.bindeled.partner.", "").replace(".v1", "")).toList();
        assertThat(types).containsExactlyElementsOf(expected);
        // The offer's referral terms travel with it, for the referrals service's deadlines.
        dk.bindeled.events.partner.v1.OfferPublished published = records.stream().filter(r -> id.equals(r.key())).map(r -> codec.read(r).event())
                .filter(e -> e instanceof dk.bindeled.events.partner.v1.OfferPublished).map(e -> (dk.bindeled.events.partner.v1.OfferPublished) e)
                .findFirst().orElseThrow();
        assertThat(published.referralTerms()).isEqualTo(new dk.bindeled.events.partner.v1.ReferralTerms(3, 10));
    }
}
