package dk.bindeled.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dk.bindeled.events.logbook.v1.CoCreationPhase;
import dk.bindeled.events.logbook.v1.CollaborationForm;
import dk.bindeled.events.logbook.v1.DecisionType;
import dk.bindeled.events.logbook.v1.Majority;
import dk.bindeled.events.logbook.v1.MeetingType;
import dk.bindeled.events.logbook.v1.VoteChoice;
import dk.bindeled.events.partner.v1.TargetGroup;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The logbook's demo data must be accepted on the first try at every start of a fresh stack: the partners it names are in
 * the demo data, every organisation that calls the logbook has its seed client with a role that writes there, the house
 * rules' vote adopts them by the logbook's rule, and the seeder sends what the API takes (checked against the published
 * enums) with each organisation's own token, fails loudly on a refusal and seeds once. The logbook is played by a small
 * HTTP server here, which also issues the tokens (one per client, named by it).
 */
class LogbookDemoDataTest {

    private static final DemoData DATA = DemoData.load();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code AccessConfig.WORKERS} of the meeting logbook: the roles that write there. */
    private static final Set<String> WRITERS = Set.of("coordinator", "centre-staff", "centre-manager", "partner-admin", "partner-member", "caseworker");
    /** A Wednesday noon in Copenhagen, in winter time. */
    private static final Instant NOW = Instant.parse("2026-03-11T11:00:00Z");

    @TempDir
    Path dir;
    private FakeLogbook logbook;

    @BeforeEach
    void start() throws IOException {
        logbook = new FakeLogbook();
    }

    @AfterEach
    void stop() {
        logbook.server.stop(0);
    }

    @Test
    void everyPartnerNamedIsInTheDemoDataAndBrændpunktetHasTwelveAssociations() {
        List<String> named = new ArrayList<>(LogbookSeeder.NETWORK_ASSOCIATIONS);
        named.add(LogbookSeeder.NETWORK_COORDINATOR);
        named.add(LogbookSeeder.HOUSE_CHAIR);
        named.addAll(LogbookSeeder.HOUSE_MEMBERS);
        named.add(LogbookSeeder.TRACK_COORDINATOR);
        named.addAll(LogbookSeeder.TRACK_PARTNERS);
        assertThat(named).allSatisfy(key -> assertThat(DATA.partner(key)).as(key).isPresent()
                .hasValueSatisfying(p -> assertThat(p.contacts()).as(key + " has a contact person, who attends").isNotEmpty()));
        assertThat(LogbookSeeder.NETWORK_ASSOCIATIONS).hasSize(12).doesNotHaveDuplicates()
                .allSatisfy(key -> assertThat(DATA.partner(key).orElseThrow().profile().path("kind").asText()).as(key).isEqualTo("ASSOCIATION"));
        assertThat(LogbookSeeder.NETWORK_PRESENT).isBetween(2, 11);
        // The house council's members are the associations of Foreningernes Hus, the chair's included.
        assertThat(LogbookSeeder.HOUSE_MEMBERS).contains(LogbookSeeder.PROXY_FROM, LogbookSeeder.PROXY_TO, LogbookSeeder.AMENDED_BY,
                LogbookSeeder.ACTION_OWNER).doesNotContain(LogbookSeeder.HOUSE_CHAIR);
        for (String key : houseMembers()) {
            DemoData.Partner p = DATA.partner(key).orElseThrow();
            assertThat(p.profile().path("kind").asText()).as(key).isEqualTo("ASSOCIATION");
            assertThat(p.centres()).as(key).extracting(DemoData.Membership::centreId).contains("foreningernes-hus");
        }
        assertThat(LogbookSeeder.HOUSE_PRESENT).contains(LogbookSeeder.PROXY_TO, LogbookSeeder.AMENDED_BY, LogbookSeeder.ACTION_OWNER)
                .doesNotContain(LogbookSeeder.PROXY_FROM);
        // A co-creation meeting works best with 3 to 10 participants: the coordinator's organisation and its partners are invited.
        assertThat(LogbookSeeder.TRACK_PARTNERS.size() + 1).isBetween(3, 10);
    }

    @Test
    void everyOrganisationThatCallsTheLogbookHasItsSeedClientWithARoleThatWritesThere() throws IOException {
        JsonNode identities = JSON.readTree(Path.of("").toAbsolutePath().getParent().getParent().resolve(DemoUsers.FILE).toFile());
        Set<String> organisations = new HashSet<>();
        identities.path("organisations").forEach(o -> organisations.add(o.path("key").asText()));
        for (String key : LogbookSeeder.actingOrganisations()) {
            JsonNode client = null;
            for (JsonNode c : identities.path("clients")) {
                if (c.path("clientId").asText().equals("seed-" + key)) {
                    client = c;
                }
            }
            assertThat(client).as("client seed-" + key + " in demo-identities.json").isNotNull();
            assertThat(client.path("secret").asText()).isEqualTo("demo-seed-" + key);
            assertThat(client.path("org").asText()).isEqualTo(key);
            assertThat(organisations).as("organisation " + key + " in demo-identities.json").contains(key);
            assertThat(strings(client.path("grants"))).contains("client_credentials");
            assertThat(strings(client.path("roles"))).as("roles of seed-" + key).containsAnyElementsOf(WRITERS);
        }
    }

    /** The logbook's VoteRule, as the seeder's vote is opened: two thirds of those for and against, quorum half the members, at least 3. */
    @Test
    void theHouseRulesAreAdoptedByTwoThirdsWithQuorum() {
        List<String> members = houseMembers();
        Set<String> roll = new HashSet<>(LogbookSeeder.HOUSE_PRESENT);
        roll.add(LogbookSeeder.PROXY_FROM);
        assertThat(LogbookSeeder.BALLOTS).extracting(LogbookSeeder.Ballot::forOrg).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(roll);
        assertThat(LogbookSeeder.BALLOTS).allSatisfy(b -> assertThat(b.castBy())
                .isEqualTo(b.forOrg().equals(LogbookSeeder.PROXY_FROM) ? LogbookSeeder.PROXY_TO : b.forOrg()));
        long forVotes = LogbookSeeder.BALLOTS.stream().filter(b -> b.choice().equals("FOR")).count();
        long against = LogbookSeeder.BALLOTS.stream().filter(b -> b.choice().equals("AGAINST")).count();
        assertThat(roll.size()).isGreaterThanOrEqualTo(Math.max(3, (int) Math.ceil(0.5 * members.size())));
        assertThat(3 * forVotes).isGreaterThanOrEqualTo(2 * (forVotes + against));
        assertThat(against).as("not unanimous: the vote shows a two-thirds majority").isPositive();
        assertThat(roll).as("one member is neither present nor represented").hasSize(members.size() - 1);
    }

    @Test
    void seedsTheThreeCollaborationsThroughTheApiEachOrganisationWithItsOwnTokenAndOnlyOnce() {
        Path marker = dir.resolve("demo-logbook.seeded");
        seeder(marker).seedOnce(DATA);

        List<Call> started = logbook.calls("POST", "/api/collaborations");
        assertThat(started).extracting(Call::client).containsExactly("seed-braendpunktet", "seed-lektiehjaelpen", "seed-ringkoebing-skjern-bibliotekerne");
        assertThat(started).extracting(c -> c.body().path("form").asText()).containsExactly("VIDENDELE", "SAMORDNE", "SAMSKABE");
        started.forEach(c -> c.body().path("targetGroups").forEach(g -> TargetGroup.valueOf(g.asText())));
        JsonNode network = started.get(0).body();
        assertThat(network.path("title").asText()).isEqualTo("Netværksmødet Brændpunktet");
        assertThat(network.path("partners")).hasSize(12).allSatisfy(p -> assertThat(p.path("role").asText()).isEqualTo("PARTICIPANT"));
        assertThat(network.path("partners").findValuesAsText("org")).doesNotContain(id("braendpunktet"))
                .containsExactlyElementsOf(LogbookSeeder.NETWORK_ASSOCIATIONS.stream().map(LogbookDemoDataTest::id).toList());
        assertThat(network.path("coordinator").path("name").asText()).isEqualTo("Jette Iversen");
        JsonNode house = started.get(1).body();
        assertThat(house.path("partners").findValuesAsText("org")).containsExactlyElementsOf(houseMembers().stream().map(LogbookDemoDataTest::id).toList());
        JsonNode track = started.get(2).body();
        assertThat(track.path("coCreationTrack").asBoolean()).isTrue();

        // Every enum the seeder sends is one the logbook knows.
        logbook.calls.forEach(c -> {
            JsonNode b = c.body();
            if (b.has("form")) {
                CollaborationForm.valueOf(b.path("form").asText());
            }
            if (c.path().endsWith("/meetings")) {
                MeetingType.valueOf(b.path("type").asText());
            }
            if (c.path().endsWith("/decisions")) {
                DecisionType.valueOf(b.path("type").asText());
            }
            if (b.has("majority")) {
                Majority.valueOf(b.path("majority").asText());
            }
            if (b.has("choice")) {
                VoteChoice.valueOf(b.path("choice").asText());
            }
            if (b.has("phase")) {
                CoCreationPhase.valueOf(b.path("phase").asText());
            }
        });

        // Brændpunktet: a network meeting held in the past, its minutes circulated and approved at the next one; an action item due ahead.
        List<Call> meetings = logbook.calls("POST", "/api/collaborations/*/meetings");
        assertThat(meetings).extracting(c -> c.body().path("type").asText())
                .containsExactly("NETWORK", "NETWORK", "HOUSE_COUNCIL", "HOUSE_COUNCIL", "CO_CREATION");
        assertThat(startsAt(meetings.get(0))).isBefore(NOW.minus(Duration.ofDays(20)));
        assertThat(startsAt(meetings.get(1))).isAfter(NOW);
        String held = meetings.get(0).answeredId();
        assertThat(logbook.callsBy("seed-braendpunktet")).extracting(Call::path).containsSubsequence("/api/meetings/" + held + "/minutes",
                "/api/meetings/" + held + "/minutes/circulate", "/api/meetings/" + held + "/minutes/approve");
        assertThat(logbook.calls("POST", "/api/meetings/" + held + "/minutes/approve").get(0).body().path("atMeetingId").asText())
                .isEqualTo(meetings.get(1).answeredId());
        assertThat(logbook.calls("PUT", "/api/meetings/" + held + "/attendance/*")).hasSize(LogbookSeeder.NETWORK_PRESENT + 1);
        List<Call> actionItems = logbook.calls("POST", "/api/meetings/*/action-items");
        assertThat(actionItems).hasSize(2).allSatisfy(c -> assertThat(LocalDate.parse(c.body().path("dueDate").asText()))
                .isAfter(LocalDate.ofInstant(NOW, LogbookSeeder.ZONE)));
        assertThat(logbook.calls("POST", "/api/meetings/*/decisions")).extracting(c -> c.body().path("type").asText())
                .containsExactly("NEW_INITIATIVE", "AGREED_RULE");

        // The house council: held last week; a proxy by its giver; two thirds, quorum half the members and at least 3; each ballot by its organisation.
        Call council = meetings.get(2);
        assertThat(startsAt(council)).isBefore(NOW).isAfter(NOW.minus(Duration.ofDays(14)));
        // Four weeks later at the same wall-clock time (across a change to summer time, in March).
        assertThat(startsAt(meetings.get(3))).isEqualTo(startsAt(council).atZone(LogbookSeeder.ZONE).plusWeeks(4).toInstant());
        assertThat(logbook.calls("POST", "/api/meetings/*/agenda")).extracting(c -> c.body().path("title").asText()).contains("Husorden");
        Call proxy = logbook.calls("POST", "/api/meetings/*/proxies").get(0);
        assertThat(proxy.client()).isEqualTo("seed-" + LogbookSeeder.PROXY_FROM);
        assertThat(proxy.body().path("fromOrg").asText()).isEqualTo(id(LogbookSeeder.PROXY_FROM));
        assertThat(proxy.body().path("toOrg").asText()).isEqualTo(id(LogbookSeeder.PROXY_TO));
        JsonNode vote = logbook.calls("POST", "/api/meetings/*/votes").get(0).body();
        assertThat(vote.path("majority").asText()).isEqualTo("TWO_THIRDS");
        assertThat(vote.path("quorumShare").asDouble()).isEqualTo(0.5);
        assertThat(vote.path("quorumMinimum").asInt()).isEqualTo(3);
        assertThat(vote.path("agendaItemId").asText()).isNotBlank();
        List<Call> ballots = logbook.calls("POST", "/api/meetings/*/votes/*/ballots");
        assertThat(ballots).extracting(c -> c.client() + " for " + c.body().path("forOrg").asText("itself") + ": " + c.body().path("choice").asText())
                .containsExactlyElementsOf(LogbookSeeder.BALLOTS.stream().map(b -> "seed-" + b.castBy() + " for "
                        + (b.forOrg().equals(b.castBy()) ? "itself" : id(b.forOrg())) + ": " + b.choice()).toList());
        JsonNode rule = logbook.calls("POST", "/api/meetings/*/decisions").get(1).body();
        assertThat(rule.path("voteId").asText()).isEqualTo(logbook.idOf("POST", "/api/meetings/*/votes"));
        // Its minutes circulated for a week, not approved; an amendment from an attendee left for the chair.
        List<Call> circulated = logbook.calls("POST", "/api/meetings/*/minutes/circulate");
        assertThat(Instant.parse(circulated.get(1).body().path("amendmentsUntil").asText())).isAfter(NOW.plus(Duration.ofDays(6)));
        assertThat(logbook.calls("POST", "/api/meetings/*/minutes/approve")).hasSize(1);
        Call amendment = logbook.calls("POST", "/api/meetings/*/minutes/amendments").get(0);
        assertThat(amendment.client()).isEqualTo("seed-" + LogbookSeeder.AMENDED_BY);
        assertThat(logbook.calls("POST", "/api/meetings/*/minutes/amendments/*/decision")).isEmpty();

        // The co-creation track: its phases one at a time, in order, goals with success criteria, a theory of change, 4 invited.
        assertThat(logbook.calls("POST", "/api/collaborations/*/phase")).extracting(c -> c.body().path("phase").asText())
                .containsExactly("OBSERVATIONS_AND_RESEARCH", "CO_CREATION_1");
        assertThat(logbook.calls("POST", "/api/collaborations/*/goals")).hasSize(2)
                .allSatisfy(c -> assertThat(c.body().path("goals")).allSatisfy(g -> assertThat(g.path("successCriterion").asText()).isNotBlank()));
        JsonNode theory = logbook.calls("POST", "/api/collaborations/*/theory-of-change").get(0).body();
        assertThat(List.of("resources", "activities", "results", "effects")).allSatisfy(f -> assertThat(theory.path(f)).as(f).isNotEmpty());
        Call coCreation = meetings.get(4);
        assertThat(coCreation.client()).isEqualTo("seed-ringkoebing-skjern-bibliotekerne");
        assertThat(coCreation.body().path("invited").size()).isBetween(3, 10);

        // Once: the marker is written, and the next start calls nothing.
        assertThat(marker).exists();
        int calls = logbook.calls.size();
        seeder(marker).seedOnce(DATA);
        assertThat(logbook.calls).hasSize(calls);
    }

    @Test
    void aRefusalFailsLoudlyWithTheLogbooksProblemAndLeavesNoMarker() {
        logbook.refuse = c -> c.path().endsWith("/decisions");
        Path marker = dir.resolve("demo-logbook.seeded");
        assertThatThrownBy(() -> seeder(marker).seedOnce(DATA)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Netværksmødet Brændpunktet: decision").hasMessageContaining("409")
                .hasMessageContaining("meeting-rule").hasMessageContaining("Only the coordinator may record a decision");
        assertThat(marker).doesNotExist();
    }

    @Test
    void aCollaborationTheLogbookHasByTitleIsLeftAlone() {
        logbook.existing = List.of(LogbookSeeder.NETWORK_TITLE, LogbookSeeder.HOUSE_TITLE);
        seeder(dir.resolve("demo-logbook.seeded")).seedOnce(DATA);
        assertThat(logbook.calls("POST", "/api/collaborations")).extracting(c -> c.body().path("title").asText())
                .containsExactly(LogbookSeeder.TRACK_TITLE);
    }

    // ------------------------------------------------------------------ helpers

    private LogbookSeeder seeder(Path marker) {
        URI base = URI.create("http://127.0.0.1:" + logbook.server.getAddress().getPort());
        return new LogbookSeeder(HttpClient.newHttpClient(), base, base, marker, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static List<String> houseMembers() {
        List<String> members = new ArrayList<>(List.of(LogbookSeeder.HOUSE_CHAIR));
        members.addAll(LogbookSeeder.HOUSE_MEMBERS);
        return members;
    }

    private static String id(String key) {
        return DATA.partner(key).orElseThrow().id().toString();
    }

    private static Instant startsAt(Call meeting) {
        return Instant.parse(meeting.body().path("startsAt").asText());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** A call the seeder made: by which client (the token names it), method, path and body. */
    record Call(String client, String method, String path, JsonNode body, String answeredId) {
    }

    /**
     * The logbook as the seeder sees it: 201 with a new id for every POST ({@code id-1}, {@code id-2}, …), 204 for a PUT,
     * a vote's standing (adopted) when it is closed, the carried-over agenda for a meeting read; the token endpoint too.
     */
    static final class FakeLogbook {

        final HttpServer server;
        final List<Call> calls = new CopyOnWriteArrayList<>();
        final AtomicInteger ids = new AtomicInteger();
        volatile Predicate<Call> refuse = c -> false;
        volatile List<String> existing = List.of();

        FakeLogbook() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::handle);
            server.start();
        }

        List<Call> calls(String method, String pattern) {
            String regex = pattern.replace("*", "[^/]+");
            return calls.stream().filter(c -> c.method().equals(method) && c.path().matches(regex)).toList();
        }

        List<Call> callsBy(String client) {
            return calls.stream().filter(c -> c.client().equals(client)).toList();
        }

        String idOf(String method, String pattern) {
            return calls(method, pattern).get(0).answeredId();
        }

        private void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (path.equals("/oauth2/token")) {
                String basic = exchange.getRequestHeaders().getFirst("Authorization").substring("Basic ".length());
                String user = new String(Base64.getDecoder().decode(basic), StandardCharsets.UTF_8).split(":")[0];
                String clientId = URLDecoder.decode(user, StandardCharsets.UTF_8);
                answer(exchange, 200, "application/json", JSON.createObjectNode().put("access_token", clientId).put("expires_in", 300).toString());
                return;
            }
            String client = exchange.getRequestHeaders().getFirst("Authorization").substring("Bearer ".length());
            JsonNode body = text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
            String id = method.equals("POST") && !path.endsWith("/close") ? "id-" + ids.incrementAndGet() : null;
            Call call = new Call(client, method, path, body, id);
            if (!method.equals("GET")) {
                calls.add(call);
            }
            if (refuse.test(call)) {
                answer(exchange, 409, "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"Rule violated\",\"status\":409,"
                        + "\"detail\":\"Only the coordinator may record a decision\",\"rule\":\"meeting-rule\"}");
                return;
            }
            if (method.equals("GET") && path.equals("/api/collaborations")) {
                ArrayNode list = JSON.createArrayNode();
                existing.forEach(title -> list.addObject().put("id", "old").put("title", title));
                answer(exchange, 200, "application/json", list.toString());
            } else if (method.equals("GET") && path.startsWith("/api/meetings/")) {
                ObjectNode meeting = JSON.createObjectNode();
                ArrayNode agenda = meeting.putArray("agenda");
                agenda.addObject().put("title", "Opfølgning: Oversæt husordenen").put("carriedOverFrom", "action-item:a");
                agenda.addObject().put("title", "Rengøringsplan for køkkenet").put("carriedOverFrom", "m/i");
                answer(exchange, 200, "application/json", meeting.toString());
            } else if (path.endsWith("/close")) {
                answer(exchange, 200, "application/json", "{\"closed\":true,\"standing\":{\"members\":6,\"represented\":5,\"quorumNeeded\":3,"
                        + "\"quorumMet\":true,\"forVotes\":4,\"against\":1,\"abstain\":0,\"majorityMet\":true,\"adopted\":true}}");
            } else if (method.equals("POST")) {
                answer(exchange, 201, "application/json", JSON.createObjectNode().put("id", id).set("warnings", JSON.createArrayNode()).toString());
            } else {
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            }
        }

        private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }
    }
}
