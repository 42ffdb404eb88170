package dk.bindeled.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.bindeled.dashboard.integration.in.ConsumerMetrics;
import dk.bindeled.events.IntegrationEvent;
import dk.bindeled.events.Topics;
import dk.bindeled.events.logbook.v1.ActionItemAssigned;
import dk.bindeled.events.logbook.v1.ActionItemOverdue;
import dk.bindeled.events.logbook.v1.CollaborationForm;
import dk.bindeled.events.logbook.v1.CollaborationStarted;
import dk.bindeled.events.logbook.v1.DecisionRecorded;
import dk.bindeled.events.logbook.v1.DecisionType;
import dk.bindeled.events.logbook.v1.MeetingAttended;
import dk.bindeled.events.logbook.v1.MeetingScheduled;
import dk.bindeled.events.logbook.v1.MeetingType;
import dk.bindeled.events.partner.v1.PartnerKind;
import dk.bindeled.events.partner.v1.PartnerRegistered;
import dk.bindeled.events.partner.v1.Sector;
import dk.bindeled.events.partner.v1.TargetGroup;
import dk.bindeled.events.referral.v1.ReferralSent;
import dk.bindeled.testsupport.TestIssuer;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * bindeled.logbook.v1 (and bindeled.referral.v1, bindeled.partner.v1) → inbox → the mapping of the collaboration →
 * {@code GET /api/mapping}, on the real broker and PostgreSQL. The topics hold other classes' events too: the figures are
 * compared with a reading taken before, in months of 2021 that nothing else publishes (past months: an event from the
 * future would make the projection lag negative for the classes after this one), and the links are those between this
 * test's own partners.
 */
class MappingFlowIT extends DashboardIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String RANGE = "/api/mapping?from=2021-01&to=2021-03";
    private static final TestIssuer ISSUER = TestIssuer.shared();

    @Autowired
    MeterRegistry meters;

    @Test
    void theLogbooksEventsBecomeTheMappingsFiguresAndLinksOnceEachAndAPoisonRecordGoesToTheDeadLetterTopic() {
        awaitCaughtUp();
        JsonNode before = mapping(RANGE);
        double duplicatesBefore = meter(ConsumerMetrics.DUPLICATES);
        double deadLetteredBefore = meter(ConsumerMetrics.DEAD_LETTERED);

        String kommune = UUID.randomUUID().toString();
        String forening = UUID.randomUUID().toString();
        String cafe = UUID.randomUUID().toString();
        publish(partner(kommune, "Kommunens familieafdeling " + kommune, Sector.PUBLIC));
        publish(partner(forening, "Foreningen Brændpunktet " + forening, Sector.THIRD_SECTOR));
        publish(partner(cafe, "Café Sumak " + cafe, Sector.PRIVATE));

        // January: a co-creation of the three; its record delivered twice.
        String collaboration = "c-" + UUID.randomUUID();
        ProducerRecord<String, byte[]> started = LOGBOOK_CODEC.toRecord(new CollaborationStarted(collaboration, "Fællesspisning",
                        CollaborationForm.SAMSKABE, List.of(TargetGroup.ALL_RESIDENTS), kommune, List.of(forening), List.of(cafe), null),
                UUID.randomUUID().toString(), at("2021-01-10T10:00:00Z"));
        send(started);
        send(started);
        // February: its meeting, the municipality and the association there, the café not after all; a decision, delivered twice.
        String meeting = "m-" + UUID.randomUUID();
        publishAt(new MeetingScheduled(meeting, collaboration, MeetingType.CO_CREATION, "Samskabelsesmøde",
                Instant.parse("2021-02-05T15:00:00Z"), Instant.parse("2021-02-05T17:00:00Z"), List.of(kommune, forening, cafe), List.of()),
                "2021-01-20T09:00:00Z");
        publishAt(new MeetingAttended(meeting, kommune, 2), "2021-02-05T15:05:00Z");
        publishAt(new MeetingAttended(meeting, forening, 1), "2021-02-05T15:06:00Z");
        publishAt(new MeetingAttended(meeting, cafe, 0), "2021-02-05T15:07:00Z");
        ProducerRecord<String, byte[]> decision = LOGBOOK_CODEC.toRecord(new DecisionRecorded(meeting, "d-" + UUID.randomUUID(),
                DecisionType.NEW_INITIATIVE, null), UUID.randomUUID().toString(), at("2021-02-05T16:30:00Z"));
        send(decision);
        send(decision);
        String overdueItem = "a-" + UUID.randomUUID();
        publishAt(new ActionItemAssigned(overdueItem, collaboration, meeting, forening, LocalDate.of(2021, 2, 20)), "2021-02-05T16:40:00Z");
        publishAt(new ActionItemOverdue(overdueItem, collaboration, LocalDate.of(2021, 2, 20)), "2021-02-20T23:00:05Z");
        publishAt(new ActionItemAssigned("a-" + UUID.randomUUID(), collaboration, meeting, cafe, LocalDate.of(2021, 3, 20)), "2021-02-05T16:41:00Z");
        // The municipality refers a resident to the café (who, the topic never says).
        publishAt(new ReferralSent("r-" + UUID.randomUUID(), kommune, cafe, "o-" + UUID.randomUUID(), TargetGroup.ADULTS, true),
                "2021-02-06T10:00:00Z");

        // March: on the key of a second collaboration, a record that is not a CloudEvent and one whose form does not exist,
        // then the collaboration itself: the bad ones go to the dead-letter topic and it is applied behind them.
        String second = "c-" + UUID.randomUUID();
        send(new ProducerRecord<>(Topics.LOGBOOK_V1, second, "{\"collaborationId\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
        CollaborationStarted secondStarted = new CollaborationStarted(second, "Lektiecafé", CollaborationForm.SAMVIRKE, List.of(), kommune,
                List.of(), List.of(forening), null);
        ProducerRecord<String, byte[]> template = LOGBOOK_CODEC.toRecord(secondStarted, UUID.randomUUID().toString(), at("2021-03-02T09:00:00Z"));
        String brokenId = UUID.randomUUID().toString();
        RecordHeaders headers = new RecordHeaders(template.headers().toArray());
        headers.remove("ce_id");
        headers.add("ce_id", brokenId.getBytes(StandardCharsets.UTF_8));
        byte[] broken = new String(template.value(), StandardCharsets.UTF_8).replace("\"SAMVIRKE\"", "\"GALACTIC\"").getBytes(StandardCharsets.UTF_8);
        send(new ProducerRecord<>(Topics.LOGBOOK_V1, null, second, broken, headers));
        send(template);

        awaitCaughtUp();
        JsonNode after = mapping(RANGE);

        assertThat(after.get("months").toString()).isEqualTo("[\"2021-01\",\"2021-02\",\"2021-03\"]");
        JsonNode collaborations = after.get("collaborations");
        assertThat(delta(collaborations.get("total"), before.get("collaborations").get("total"))).containsExactly(1L, 1L, 2L);
        assertThat(delta(collaborations.get("started"), before.get("collaborations").get("started"))).containsExactly(1L, 0L, 1L);
        assertThat(delta(series(collaborations.get("byForm"), "SAMSKABE"), series(before.get("collaborations").get("byForm"), "SAMSKABE")))
                .containsExactly(1L, 1L, 1L);
        assertThat(delta(series(collaborations.get("byForm"), "SAMVIRKE"), series(before.get("collaborations").get("byForm"), "SAMVIRKE")))
                .containsExactly(0L, 0L, 1L);
        assertThat(series(collaborations.get("byForm"), "SAMSKABE").get("label").asString()).isEqualTo("Samskabe");
        assertThat(delta(series(collaborations.get("bySector"), "PUBLIC"), series(before.get("collaborations").get("bySector"), "PUBLIC")))
                .containsExactly(1L, 1L, 2L);
        assertThat(delta(series(collaborations.get("bySector"), "PRIVATE"), series(before.get("collaborations").get("bySector"), "PRIVATE")))
                .containsExactly(1L, 1L, 1L);

        JsonNode meetings = after.get("meetings");
        assertThat(delta(meetings.get("scheduled"), before.get("meetings").get("scheduled"))).containsExactly(0L, 1L, 0L);
        assertThat(delta(meetings.get("held"), before.get("meetings").get("held"))).containsExactly(0L, 1L, 0L);
        assertThat(delta(series(meetings.get("heldByType"), "CO_CREATION"), series(before.get("meetings").get("heldByType"), "CO_CREATION")))
                .containsExactly(0L, 1L, 0L);
        assertThat(after.get("decisions").get("total").asLong() - before.get("decisions").get("total").asLong()).isEqualTo(1);
        assertThat(delta(series(after.get("decisions").get("byType"), "NEW_INITIATIVE"), series(before.get("decisions").get("byType"), "NEW_INITIATIVE")))
                .containsExactly(0L, 1L, 0L);
        assertThat(after.get("actionItems").get("open").asLong() - before.get("actionItems").get("open").asLong()).isEqualTo(2);
        assertThat(after.get("actionItems").get("overdue").asLong() - before.get("actionItems").get("overdue").asLong()).isEqualTo(1);

        Set<String> ours = Set.of(kommune, forening, cafe);
        List<String> edges = new ArrayList<>();
        for (JsonNode edge : after.get("network").get("edges")) {
            if (ours.contains(edge.get("a").asString()) && ours.contains(edge.get("b").asString())) {
                edges.add(edge.get("kind").asString() + " " + name(edge.get("a").asString(), kommune, forening, cafe) + "-"
                        + name(edge.get("b").asString(), kommune, forening, cafe) + " " + edge.get("weight").asLong());
            }
        }
        assertThat(edges).containsExactlyInAnyOrder(
                "COLLABORATION " + pair("kommune", kommune, "forening", forening) + " 2",
                "COLLABORATION " + pair("kommune", kommune, "cafe", cafe) + " 1",
                "COLLABORATION " + pair("forening", forening, "cafe", cafe) + " 1",
                "MEETING " + pair("kommune", kommune, "forening", forening) + " 1",
                // A referral has its direction: from the municipality to the café.
                "REFERRAL kommune-cafe 1");
        List<String> nodes = new ArrayList<>();
        for (JsonNode node : after.get("network").get("nodes")) {
            if (ours.contains(node.get("partnerId").asString())) {
                nodes.add(node.get("name").asString() + " " + node.get("sector").asString() + " " + node.get("collaborations").asLong()
                        + " " + node.get("meetingsAttended").asLong());
            }
        }
        assertThat(nodes).containsExactlyInAnyOrder("Kommunens familieafdeling " + kommune + " PUBLIC 2 1",
                "Foreningen Brændpunktet " + forening + " THIRD_SECTOR 2 1", "Café Sumak " + cafe + " PRIVATE 1 0");

        // Each record delivered twice was found in the inbox the second time.
        assertThat(meter(ConsumerMetrics.DUPLICATES)).isEqualTo(duplicatesBefore + 2);
        List<ConsumerRecord<String, byte[]>> deadLetters = deadLetters(Topics.LOGBOOK_V1, second, 2);
        assertThat(deadLetters).hasSize(2).allSatisfy(dead -> assertThat(dead.topic()).isEqualTo("bindeled.logbook.v1.dashboard.dlt"));
        assertThat(new String(deadLetters.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{\"collaborationId\":\"x\"}");
        assertThat(deadLetterReason(deadLetters.get(1))).contains(brokenId).contains("breaks").contains("CollaborationStarted.schema.json");
        await().atMost(WAIT).untilAsserted(() -> assertThat(meter(ConsumerMetrics.DEAD_LETTERED)).isEqualTo(deadLetteredBefore + 2));
    }

    @Test
    void badParametersAreAProblemNamingThemAndTheMappingNeedsASignedInCaller() {
        HttpResponse<String> badMonth = get("/api/mapping?from=2021-13&to=2021-03", token());
        assertThat(badMonth.statusCode()).isEqualTo(400);
        assertThat(badMonth.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(badMonth.body());
        assertThat(problem.get("parameter").asString()).isEqualTo("from");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/mapping");

        HttpResponse<String> tooLong = get("/api/mapping?from=2017-01&to=2021-03", token());
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(tooLong.body()).get("parameter").asString()).isEqualTo("to");

        // The far ends of the months a parameter can name are answered, not failed.
        assertThat(get("/api/mapping?from=9999-01&to=9999-12", token()).statusCode()).isEqualTo(200);
        assertThat(get("/api/mapping?from=1000-01&to=1000-12", token()).statusCode()).isEqualTo(200);

        HttpResponse<String> anonymous = get("/api/mapping", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    private JsonNode mapping(String path) {
        HttpResponse<String> response = get(path, token());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        }
    }

    private static String token() {
        return ISSUER.token(TestIssuer.caller("bente").roles("centre-manager").centres("motalavej"));
    }

    private static void publishAt(IntegrationEvent event, String time) {
        send(codec(event).toRecord(event, UUID.randomUUID().toString(), at(time)));
    }

    private static OffsetDateTime at(String time) {
        return OffsetDateTime.parse(time).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static PartnerRegistered partner(String id, String name, Sector sector) {
        return new PartnerRegistered(id, name, sector, PartnerKind.ASSOCIATION, null, "Beskrivelse", null, null, null);
    }

    private static JsonNode series(JsonNode list, String key) {
        for (JsonNode series : list) {
            if (key.equals(series.get("key").asString())) {
                return series;
            }
        }
        throw new AssertionError("No series " + key + " in " + list);
    }

    /** Per month, what {@code after} has more than {@code before}: two count lists, or two series with counts. */
    private static List<Long> delta(JsonNode after, JsonNode before) {
        JsonNode a = after.has("counts") ? after.get("counts") : after;
        JsonNode b = before.has("counts") ? before.get("counts") : before;
        List<Long> delta = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            delta.add(a.get(i).asLong() - b.get(i).asLong());
        }
        return delta;
    }

    /** The link of two undirected partners as the endpoint writes it: the smaller id first. */
    private static String pair(String firstName, String firstId, String secondName, String secondId) {
        return firstId.compareTo(secondId) < 0 ? firstName + "-" + secondName : secondName + "-" + firstName;
    }

    private static String name(String id, String kommune, String forening, String cafe) {
        return id.equals(kommune) ? "kommune" : id.equals(forening) ? "forening" : "cafe";
    }

    private double meter(String name) {
        return meters.get(name).tag("topic", Topics.LOGBOOK_V1).counter().count();
    }
}
