package dk.bindeled.referrals.benchmark;

import dk.bindeled.events.partner.v1.TargetGroup;
import dk.bindeled.referrals.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import dk.bindeled.testsupport.Timings;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * Times of the referral commands through HTTP on PostgreSQL and Kafka, as a client sees them: register a resident, refer
 * with consent (sealing for the recipient), read, issue and open a status link, accept, contact made, complete, forget. 50 warm-up rounds, then 300
 * timed, one at a time. Prints p50, p99 and max per command; asserts nothing about time. Run with
 * {@code ./mvnw -q -DskipTests install && ./mvnw -pl services/referrals verify -Pbenchmark}.
 */
class ReferralCommandBenchmark extends IntegrationTest {

    static final int WARM_UP = 50;
    static final int ROUNDS = 300;
    static final UUID JOB = UUID.fromString("8b3f1d4a-3c6d-4e8a-9c63-2d9e4f1a3b01");
    static final UUID WOMEN = UUID.fromString("8b3f1d4a-3c6d-4e8a-9c63-2d9e4f1a3b02");

    @Test
    void referralCommands() {
        offer(WOMEN, "Kvindernes Netværk", "syvaerksted", "Syværksted og sprogcafé", null, TargetGroup.WOMEN);
        String caseworker = tokenOf("louise@jobcenter", JOB, "caseworker");
        String partner = tokenOf("fatima@netvaerket", WOMEN, "partner-admin");
        Timings times = new Timings();
        for (int round = 0; round < WARM_UP + ROUNDS; round++) {
            boolean timed = round >= WARM_UP;
            Map<String, Object> resident = Map.of("name", "Borger " + round, "phone", "+45 20 30 40 50", "contactPreference", "SMS");
            String residentId = timed(times, timed, "register resident", () -> callAs(caseworker, HttpMethod.POST, "/api/residents", resident))
                    .body().get("id").asText();
            Map<String, Object> consent = Map.of("purpose", "Henvisning", "sharedData", List.of("NAME", "PHONE"), "basis", "CONSENT",
                    "givenBy", "RESIDENT", "givenOn", LocalDate.now().toString());
            String referral = timed(times, timed, "refer with consent", () -> callAs(caseworker, HttpMethod.POST, "/api/referrals",
                    Map.of("residentId", residentId, "recipient", WOMEN.toString(), "offerId", "syvaerksted", "targetGroup", "WOMEN",
                            "consent", consent))).body().get("id").asText();
            timed(times, timed, "read as recipient", () -> callAs(partner, HttpMethod.GET, "/api/referrals/" + referral, null));
            String token = timed(times, timed, "issue status link", () -> callAs(caseworker, HttpMethod.POST, "/api/referrals/" + referral + "/status-links",
                    Map.of("showPersonalData", true))).body().get("token").asText();
            timed(times, timed, "open status link", () -> openStatusLink(token));
            timed(times, timed, "accept", () -> callAs(partner, HttpMethod.POST, "/api/referrals/" + referral + "/accept", Map.of("note", "Ringer")));
            timed(times, timed, "contact made", () -> callAs(partner, HttpMethod.POST, "/api/referrals/" + referral + "/contact-made", Map.of()));
            timed(times, timed, "complete", () -> callAs(partner, HttpMethod.POST, "/api/referrals/" + referral + "/complete",
                    Map.of("outcome", "GOT_HELP")));
            timed(times, timed, "forget (erase)", () -> callAs(partner, HttpMethod.POST, "/api/residents/" + residentId + "/forget",
                    Map.of("decision", "ERASE")));
        }
        times.report(String.format(Locale.ROOT,
                "REFERRAL COMMAND TIMES (ms, client-side through HTTP; %d rounds after %d warm-up, one at a time; PostgreSQL + Kafka; 2 cores)", ROUNDS, WARM_UP));
    }

    /** Timed under its command's name; a refusal ends the benchmark, which times only what succeeds. */
    private static Response timed(Timings times, boolean timed, String command, java.util.function.Supplier<Response> call) {
        Response response = times.time(command, timed, call);
        if (response.status() >= 400) {
            throw new AssertionError(command + " answered " + response.status() + ": " + response.text());
        }
        return response;
    }
}
