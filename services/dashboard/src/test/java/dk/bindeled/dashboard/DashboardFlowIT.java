package dk.bindeled.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.bindeled.dashboard.integration.in.ConsumerMetrics;
import dk.bindeled.dashboard.web.ChangeStream;
import dk.bindeled.events.Topics;
import dk.bindeled.events.partner.v1.PartnerDeactivated;
import dk.bindeled.events.partner.v1.PartnerRegistered;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Kafka → inbox → read model → REST and Server-Sent Events, on the real broker and PostgreSQL. */
class DashboardFlowIT extends DashboardIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    MeterRegistry meters;

    @Autowired
    ChangeStream changeStream;

    @Test
    void aRegisteredPartnerReachesTheOverviewAndEverySubscriber() throws Exception {
        awaitCaughtUp();
        long before = overview().get("activePartners").asLong();
        PartnerRegistered partner = newPartner("Foreningen Brændpunktet " + UUID.randomUUID());

        try (SseClient first = new SseClient(http, uri("/api/stream")); SseClient second = new SseClient(http, uri("/api/stream"))) {
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.contentType()).startsWith("text/event-stream");
            // The first event is the current overview: from then on the subscription is live.
            JsonNode initial = JSON.readTree(first.next(e -> e.name().equals("overview"), WAIT).data());
            assertThat(initial.get("activePartners").asLong()).isEqualTo(before);
            second.next(e -> e.name().equals("overview"), WAIT);

            String id = publish(partner);

            for (SseClient client : List.of(first, second)) {
                SseClient.Event pushed = client.next(e -> e.name().equals("change") && id.equals(e.id()), WAIT);
                JsonNode message = JSON.readTree(pushed.data());
                assertThat(message.get("change").get("id").asString()).isEqualTo(id);
                assertThat(message.get("change").get("type").asString()).isEqualTo("dk.bindeled.partner.PartnerRegistered.v1");
                assertThat(message.get("change").get("subject").asString()).isEqualTo(partner.partnerId());
                assertThat(message.get("change").get("summary").asString()).isEqualTo("Ny aktør: " + partner.name());
                assertThat(message.get("overview").get("activePartners").asLong()).isEqualTo(before + 1);
                assertThat(hasChange(message.get("overview"), "Ny aktør: " + partner.name())).isTrue();
            }
        }

        JsonNode overview = overview();
        assertThat(overview.get("activePartners").asLong()).isEqualTo(before + 1);
        assertThat(hasChange(overview, "Ny aktør: " + partner.name())).isTrue();
    }

    @Test
    void theSameRecordDeliveredTwiceChangesTheDashboardOnce() {
        awaitCaughtUp();
        long before = overview().get("activePartners").asLong();
        double duplicatesBefore = counter(ConsumerMetrics.DUPLICATES);
        PartnerRegistered partner = newPartner("Tirsdagstræf – kun for mænd " + UUID.randomUUID());
        ProducerRecord<String, byte[]> record = CODEC.toRecord(partner, UUID.randomUUID().toString(),
                java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));

        send(record);
        send(record);
        awaitCaughtUp();

        JsonNode overview = overview();
        assertThat(overview.get("activePartners").asLong()).isEqualTo(before + 1);
        long shown = 0;
        for (JsonNode change : overview.get("latestChanges")) {
            if (change.get("summary").asString().equals("Ny aktør: " + partner.name())) {
                shown++;
            }
        }
        assertThat(shown).isEqualTo(1);
        assertThat(counter(ConsumerMetrics.DUPLICATES)).isEqualTo(duplicatesBefore + 1);
    }

    @Test
    void unreadableRecordsAreDeadLetteredWithTheirReasonAndTheConsumerGoesOn() throws Exception {
        double deadLetteredBefore = counter(ConsumerMetrics.DEAD_LETTERED);
        PartnerRegistered valid = newPartner("Somalisk kvindeforening " + UUID.randomUUID());
        String key = valid.partnerId();

        // Not a CloudEvent at all: no ce_ headers.
        send(new ProducerRecord<>(Topics.PARTNER_V1, key, "{\"partnerId\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
        // A CloudEvent whose data breaks the schema: a sector that does not exist.
        ProducerRecord<String, byte[]> template = CODEC.toRecord(valid, UUID.randomUUID().toString(),
                java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
        String brokenId = UUID.randomUUID().toString();
        RecordHeaders headers = new RecordHeaders(template.headers().toArray());
        headers.remove("ce_id");
        headers.add("ce_id", brokenId.getBytes(StandardCharsets.UTF_8));
        byte[] brokenData = new String(template.value(), StandardCharsets.UTF_8)
                .replace("\"THIRD_SECTOR\"", "\"GALACTIC\"").getBytes(StandardCharsets.UTF_8);
        send(new ProducerRecord<>(Topics.PARTNER_V1, null, key, brokenData, headers));
        // The same key: same partition, so this one is strictly behind the two bad ones.
        publish(valid);

        await().atMost(WAIT).until(() -> hasChange(overview(), "Ny aktør: " + valid.name()));

        List<ConsumerRecord<String, byte[]>> deadLettered = deadLetters(Topics.PARTNER_V1, key, 2);
        assertThat(deadLettered).hasSize(2);
        String notACloudEvent = deadLetterReason(deadLettered.get(0));
        assertThat(notACloudEvent).isNotBlank();
        assertThat(new String(deadLettered.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{\"partnerId\":\"x\"}");
        String schemaBroken = deadLetterReason(deadLettered.get(1));
        assertThat(schemaBroken).contains(brokenId).contains("breaks").contains("PartnerRegistered.schema.json");
        // The original CloudEvent headers travel along, so the record can be inspected and replayed.
        assertThat(new String(deadLettered.get(1).headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8)).isEqualTo(brokenId);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(counter(ConsumerMetrics.DEAD_LETTERED)).isEqualTo(deadLetteredBefore + 2));
    }

    @Test
    void anUnknownEventTypeIsSkippedNotDeadLettered() {
        awaitCaughtUp();
        JsonNode before = overview();
        double skippedBefore = counter(ConsumerMetrics.SKIPPED);
        double deadLetteredBefore = counter(ConsumerMetrics.DEAD_LETTERED);
        ProducerRecord<String, byte[]> record = CODEC.toRecord(newPartner("Fremtidig forening " + UUID.randomUUID()),
                UUID.randomUUID().toString(), java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
        record.headers().remove("ce_type");
        record.headers().add("ce_type", "dk.bindeled.partner.PartnerMerged.v1".getBytes(StandardCharsets.UTF_8));

        send(record);
        awaitCaughtUp();

        assertThat(counter(ConsumerMetrics.SKIPPED)).isEqualTo(skippedBefore + 1);
        assertThat(counter(ConsumerMetrics.DEAD_LETTERED)).isEqualTo(deadLetteredBefore);
        assertThat(overview().get("activePartners")).isEqualTo(before.get("activePartners"));
        assertThat(overview().get("latestChanges").get(0)).isEqualTo(before.get("latestChanges").get(0));
    }

    @Test
    void aDeactivatedPartnerLeavesTheCount() {
        PartnerRegistered partner = newPartner("Ringkøbing-Skjern ambassadører " + UUID.randomUUID());
        publish(partner);
        awaitCaughtUp();
        long before = overview().get("activePartners").asLong();

        publish(new PartnerDeactivated(partner.partnerId(), "Projektet er slut"));

        await().atMost(WAIT).until(() -> hasChange(overview(), "Aktør deaktiveret: " + partner.name()));
        assertThat(overview().get("activePartners").asLong()).isEqualTo(before - 1);
    }

    @Test
    void metricsAndHealthAreExposedForPrometheus() {
        publish(newPartner("Netværksmødet " + UUID.randomUUID()));
        awaitCaughtUp();

        HttpResponse<String> prometheus = get("/actuator/prometheus");

        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body())
                .contains("bindeled_dashboard_events_applied_total{")
                .contains("type=\"dk.bindeled.partner.PartnerRegistered.v1\"")
                .contains("bindeled_dashboard_events_duplicates_total{")
                .contains("bindeled_dashboard_events_dead_lettered_total{")
                .contains("bindeled_dashboard_projection_lag_seconds")
                .contains("bindeled_dashboard_stream_subscribers");
        double lag = meters.get(ConsumerMetrics.LAG).gauge().value();
        assertThat(lag).isBetween(0.0, 120.0);
        assertThat(meters.get(ConsumerMetrics.APPLIED).tag("type", "dk.bindeled.partner.PartnerRegistered.v1").counter().count())
                .isGreaterThanOrEqualTo(1);

        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(managementPort).isNotEqualTo(port);
    }

    @Test
    void aSubscriberThatWentAwayIsDropped() throws Exception {
        try (SseClient client = new SseClient(http, uri("/api/stream"))) {
            client.next(e -> e.name().equals("overview"), WAIT);
            assertThat(subscribers()).isGreaterThanOrEqualTo(1);
        }

        // Writing to a closed connection fails within a write or two; each heartbeat is such a write.
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            changeStream.heartbeat();
            return subscribers() == 0;
        });
    }

    @Test
    void shuttingDownEndsOpenStreamsSoGracefulShutdownNeedNotWaitForThem() throws Exception {
        try (SseClient client = new SseClient(http, uri("/api/stream"))) {
            client.next(e -> e.name().equals("overview"), WAIT);

            changeStream.stop();
            try {
                assertThat(client.endedWithin(WAIT)).isTrue();
            } finally {
                changeStream.start();
            }
        }
        try (SseClient reconnected = new SseClient(http, uri("/api/stream"))) {
            assertThat(reconnected.next(e -> e.name().equals("overview"), WAIT).data()).contains("activePartners");
        }
    }

    @Test
    void badInputToTheApiIsAProblem() {
        HttpResponse<String> response = get("/api/overview?changes=1000");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("instance").asString()).isEqualTo("/api/overview");
    }

    private double counter(String name) {
        return meters.get(name).tag("topic", Topics.PARTNER_V1).counter().count();
    }

    private double subscribers() {
        return meters.get("bindeled.dashboard.stream.subscribers").gauge().value();
    }
}
