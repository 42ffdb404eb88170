package dk.bindeled.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dk.bindeled.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;

/**
 * The answer deadline with a controlled clock, across a restart: the service's clock runs twenty days behind, so a
 * referral sent "now" is five working days overdue already in real time. This instance polls its deadlines only hourly
 * (the first poll at its start, before anything is due), so the deadline waits in the database until an instance
 * started afterwards picks it up — once — and the referral is overdue to both sides and on the topic.
 */
@TestPropertySource(properties = "bindeled.axon.deadlines.poll-interval=PT1H")
@Import(ReferralDeadlineIT.PastClock.class)
class ReferralDeadlineIT extends IntegrationTest {

    @TestConfiguration
    public static class PastClock {
        @Bean
        @org.springframework.context.annotation.Primary
        Clock pastClock() {
            return Clock.offset(Clock.systemUTC(), Duration.ofDays(-20));
        }
    }

    static final UUID JOB_CENTRE = UUID.fromString("7a2e0c3f-2b5c-4d7f-8b52-1c8d3e0f2a01");
    static final UUID LIBRARY = UUID.fromString("7a2e0c3f-2b5c-4d7f-8b52-1c8d3e0f2a02");

    @Test
    void anUnansweredReferralBecomesOverdueOnceOnAnInstanceStartedAfterItWasSent() {
        offer(LIBRARY, "Biblioteket i Aalborg Øst", "jobcafe-aalborg-oest", "Jobcafé", null, dk.bindeled.events.partner.v1.TargetGroup.UNEMPLOYED);
        String jobcenter = tokenOf("sara@jobcenter-aalborg", JOB_CENTRE, "caseworker");
        String library = tokenOf("lise@biblioteket", LIBRARY, "partner-admin");
        Map<String, Object> resident = new HashMap<>();
        resident.put("name", "Yasin Abdi");
        resident.put("contactPreference", "PHONE");
        resident.put("phone", "+45 50 60 70 80");
        String residentId = callAs(jobcenter, HttpMethod.POST, "/api/residents", resident).body().get("id").asText();
        LocalDate today = LocalDate.now(Clock.offset(Clock.systemUTC(), Duration.ofDays(-20)));
        Map<String, Object> consent = Map.of("purpose", "Henvisning til jobcaféen", "sharedData", List.of("NAME", "PHONE"),
                "basis", "CONSENT", "givenBy", "RESIDENT", "givenOn", today.toString());
        Response sent = callAs(jobcenter, HttpMethod.POST, "/api/referrals", Map.of("residentId", residentId, "recipient", LIBRARY.toString(),
                "offerId", "jobcafe-aalborg-oest", "targetGroup", "UNEMPLOYED", "consent", consent));
        assertThat(sent.status()).as(sent.text()).isEqualTo(201);
        String referral = sent.body().get("id").asText();
        assertThat(deadlines()).as("the answer deadline is kept in the database").isEqualTo(1);
        assertThat(overdue(jobcenter, referral)).isNull();

        ConfigurableApplicationContext after = secondInstance(PastClock.class, "bindeled.axon.deadlines.poll-interval=PT0.2S");
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> deadlines() == 0);
            await().atMost(Duration.ofSeconds(30)).until(() -> "ANSWER".equals(overdue(jobcenter, referral)));
            assertThat(overdue(library, referral)).isEqualTo("ANSWER");
            JsonNode inbox = callAs(library, HttpMethod.GET, "/api/referrals?box=received", null).body();
            assertThat(inbox.get(0).get("id").asText()).as("overdue first").isEqualTo(referral);
            List<ConsumerRecord<String, byte[]>> records = consumeUntil(Topics.REFERRAL_V1, rs -> rs.stream().anyMatch(r -> overdueOf(r, referral)),
                    Duration.ofSeconds(30));
            assertThat(records.stream().filter(r -> overdueOf(r, referral))).hasSize(1);
            assertThat(new String(records.stream().filter(r -> overdueOf(r, referral)).findFirst().orElseThrow().value(), StandardCharsets.UTF_8))
                    .contains("\"kind\":\"ANSWER\"").doesNotContain("Yasin");
        } finally {
            after.close();
        }
        // Answering now clears it.
        assertThat(callAs(library, HttpMethod.POST, "/api/referrals/" + referral + "/accept", Map.of()).status()).isEqualTo(204);
        assertThat(overdue(library, referral)).isNull();
    }

    private String overdue(String token, String referral) {
        JsonNode view = callAs(token, HttpMethod.GET, "/api/referrals/" + referral, null).body();
        return view.get("overdue").isNull() ? null : view.get("overdue").asText();
    }

    private long deadlines() {
        return jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks").query(Long.class).single();
    }

    private static boolean overdueOf(ConsumerRecord<String, byte[]> record, String referral) {
        var type = record.headers().lastHeader("ce_type");
        return referral.equals(record.key()) && type != null
                && "dk.bindeled.referral.ReferralOverdue.v1".equals(new String(type.value(), StandardCharsets.UTF_8));
    }
}
