package dk.bindeled.logbook.benchmark;

import dk.bindeled.logbook.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import dk.bindeled.testsupport.Timings;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * Times of the logbook's commands through HTTP on PostgreSQL and Kafka, as a client sees them: a house council's meeting
 * from scheduling to frozen minutes, one round per meeting. 30 warm-up rounds, then 200 timed, one at a time. Prints
 * p50, p99 and max per command; asserts nothing about time. Run with
 * {@code ./mvnw -q -DskipTests install && ./mvnw -pl services/meeting-logbook verify -Pbenchmark}.
 */
class LogbookCommandBenchmark extends IntegrationTest {

    static final int WARM_UP = 30;
    static final int ROUNDS = 200;

    @Test
    void logbookCommands() {
        List<UUID> orgs = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        String coordinator = tokenOf("karin@hus", orgs.get(0), "coordinator");
        List<String> members = orgs.stream().map(o -> tokenOf("formand@" + o, o, "partner-admin")).toList();
        List<Map<String, Object>> partners = orgs.subList(1, orgs.size()).stream().map(o -> Map.<String, Object>of("org", o.toString(), "role", "PARTICIPANT"))
                .toList();
        Timings times = new Timings();
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String collaboration = null;
        for (int round = 0; round < WARM_UP + ROUNDS; round++) {
            boolean timed = round >= WARM_UP;
            if (round % 50 == 0) {
                collaboration = timed(times, timed, "start collaboration", () -> callAs(coordinator, HttpMethod.POST, "/api/collaborations", Map.of(
                        "title", "Husrådet", "purpose", "Én stemme pr. forening", "form", "SAMORDNE", "coordinator", Map.of("name", "Karin"),
                        "partners", partners))).body().get("id").asText();
            }
            String c = collaboration;
            String meeting = timed(times, timed, "schedule meeting", () -> callAs(coordinator, HttpMethod.POST, "/api/collaborations/" + c + "/meetings",
                    Map.of("type", "HOUSE_COUNCIL", "title", "Husrådsmøde", "startsAt", start.plus(1, ChronoUnit.DAYS).toString()))).body().get("id").asText();
            String item = timed(times, timed, "add agenda item", () -> callAs(coordinator, HttpMethod.POST, "/api/meetings/" + meeting + "/agenda",
                    Map.of("title", "Husorden"))).body().get("id").asText();
            for (UUID org : orgs) {
                timed(times, timed, "record attendance", () -> callAs(coordinator, HttpMethod.PUT, "/api/meetings/" + meeting + "/attendance/" + org,
                        Map.of("people", List.of("formand"))));
            }
            String vote = timed(times, timed, "open vote", () -> callAs(coordinator, HttpMethod.POST, "/api/meetings/" + meeting + "/votes",
                    Map.of("agendaItemId", item, "motion", "Husorden vedtages", "majority", "SIMPLE", "quorumShare", 0.5))).body().get("id").asText();
            for (String member : members) {
                timed(times, timed, "cast vote", () -> callAs(member, HttpMethod.POST, "/api/meetings/" + meeting + "/votes/" + vote + "/ballots",
                        Map.of("choice", "FOR")));
            }
            timed(times, timed, "close vote", () -> callAs(coordinator, HttpMethod.POST, "/api/meetings/" + meeting + "/votes/" + vote + "/close", null));
            timed(times, timed, "read meeting", () -> callAs(members.get(1), HttpMethod.GET, "/api/meetings/" + meeting, null));
            timed(times, timed, "draft minutes", () -> callAs(coordinator, HttpMethod.PUT, "/api/meetings/" + meeting + "/minutes",
                    Map.of("text", "Husordenen blev vedtaget.")));
            timed(times, timed, "circulate minutes", () -> callAs(coordinator, HttpMethod.POST, "/api/meetings/" + meeting + "/minutes/circulate",
                    Map.of("amendmentsUntil", start.plus(7, ChronoUnit.DAYS).toString())));
            timed(times, timed, "approve minutes", () -> callAs(coordinator, HttpMethod.POST, "/api/meetings/" + meeting + "/minutes/approve",
                    Map.of("atMeetingId", "next")));
        }
        times.report(String.format(Locale.ROOT,
                "LOGBOOK COMMAND TIMES (ms, client-side through HTTP; %d meetings after %d warm-up, one at a time; PostgreSQL + Kafka; 2 cores)", ROUNDS, WARM_UP));
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
