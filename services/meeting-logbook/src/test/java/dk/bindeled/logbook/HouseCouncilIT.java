package dk.bindeled.logbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.bindeled.logbook.domain.MinutesSeal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * The house council of Foreningernes Hus adopts its house rules by vote, through the API on PostgreSQL with real tokens:
 * six member associations, four present, one voting by the proxy it gave; the roll frozen as the vote opens; the result
 * with quorum and majority; the decision; the minutes circulated to the attendees, amended, approved and frozen under a
 * SHA-256; a correction after that a new amendment. Bad input is 400 naming the field and stores nothing.
 */
class HouseCouncilIT extends IntegrationTest {

    static final UUID HUS = UUID.fromString("9c4a2e51-4d7e-4f91-8d74-3e0a5b2c4c01");
    static final UUID SOMALI = UUID.fromString("9c4a2e51-4d7e-4f91-8d74-3e0a5b2c4c02");
    static final UUID WOMEN = UUID.fromString("9c4a2e51-4d7e-4f91-8d74-3e0a5b2c4c03");
    static final UUID HOMEWORK = UUID.fromString("9c4a2e51-4d7e-4f91-8d74-3e0a5b2c4c04");
    static final UUID YOUTH = UUID.fromString("9c4a2e51-4d7e-4f91-8d74-3e0a5b2c4c05");
    static final UUID SENIORS = UUID.fromString("9c4a2e51-4d7e-4f91-8d74-3e0a5b2c4c06");

    final String coordinator = tokenOf("karin@foreningernes-hus", HUS, "coordinator");
    final String somali = tokenOf("hodan@somalisk-forening", SOMALI, "partner-admin");
    final String women = tokenOf("fatima@kvindernes-netvaerk", WOMEN, "partner-admin");
    final String homework = tokenOf("ole@lektiecafeen", HOMEWORK, "partner-member");
    final String youth = tokenOf("ali@ungdomsklubben", YOUTH, "partner-admin");
    final String viewer = ISSUER.token(dk.bindeled.testsupport.TestIssuer.caller("gaest").roles("viewer"));

    @Test
    void theHouseCouncilAdoptsItsRulesByVoteWithAProxyAndFreezesItsMinutes() {
        List<Map<String, Object>> partners = new ArrayList<>();
        for (UUID org : List.of(SOMALI, WOMEN, HOMEWORK, YOUTH, SENIORS)) {
            partners.add(Map.of("org", org.toString(), "role", "PARTICIPANT"));
        }
        String collaboration = expect(201, callAs(coordinator, HttpMethod.POST, "/api/collaborations", Map.of("title", "Husrådet i Foreningernes Hus",
                "purpose", "Foreningerne driver huset sammen, én stemme pr. forening", "form", "SAMORDNE",
                "coordinator", Map.of("name", "Karin Holm", "role", "husets koordinator"), "partners", partners))).body().get("id").asText();
        JsonNode started = expect(200, callAs(viewer, HttpMethod.GET, "/api/collaborations/" + collaboration, null)).body();
        assertThat(started.get("partners")).hasSize(6);
        assertThat(started.get("partners").get(0).get("role").asText()).isEqualTo("LEAD");

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String meeting = expect(201, callAs(coordinator, HttpMethod.POST, "/api/collaborations/" + collaboration + "/meetings",
                Map.of("type", "HOUSE_COUNCIL", "title", "Husrådsmøde: husorden", "startsAt", now.toString(), "place", "Salen"))).body().get("id").asText();
        // Only the coordinator runs the meeting.
        assertThat(callAs(homework, HttpMethod.POST, "/api/meetings/" + meeting + "/agenda", Map.of("title", "Husorden")).status()).isEqualTo(409);
        String item = expect(201, callAs(coordinator, HttpMethod.POST, "/api/meetings/" + meeting + "/agenda", Map.of("title", "Husorden"))).body()
                .get("id").asText();
        for (UUID org : List.of(HUS, SOMALI, WOMEN, HOMEWORK)) {
            expect(204, callAs(coordinator, HttpMethod.PUT, "/api/meetings/" + meeting + "/attendance/" + org, Map.of("people", List.of("formand"))));
        }
        // The youth club cannot come and gives its vote to the homework café; the café cannot carry a second.
        expect(204, callAs(youth, HttpMethod.POST, "/api/meetings/" + meeting + "/proxies", Map.of("fromOrg", YOUTH.toString(), "toOrg", HOMEWORK.toString())));
        Response second = callAs(coordinator, HttpMethod.POST, "/api/meetings/" + meeting + "/proxies", Map.of("fromOrg", SENIORS.toString(), "toOrg", HOMEWORK.toString()));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body().get("rule").asText()).isEqualTo("proxy-not-allowed");

        long before = storedEvents();
        Response badRule = callAs(coordinator, HttpMethod.POST, "/api/meetings/" + meeting + "/votes",
                Map.of("agendaItemId", item, "motion", "Husorden vedtages", "majority", "SIMPLE", "quorumShare", 2));
        assertThat(badRule.status()).isEqualTo(400);
        assertThat(badRule.text()).contains("quorumShare");
        assertThat(storedEvents()).isEqualTo(before);

        String vote = expect(201, callAs(coordinator, HttpMethod.POST, "/api/meetings/" + meeting + "/votes", Map.of("agendaItemId", item,
                "motion", "Husordenen for Foreningernes Hus vedtages", "majority", "TWO_THIRDS", "quorumShare", 0.5, "quorumMinimum", 3))).body()
                .get("id").asText();
        expect(204, callAs(coordinator, HttpMethod.POST, "/api/meetings/" + meeting + "/votes/" + vote + "/ballots", Map.of("choice", "FOR")));
        expect(204, callAs(somali, HttpMethod.POST, "/api/meetings/" + meeting + "/votes/" + vote + "/ballots", Map.of("choice", "FOR")));
        expect(204, callAs(women, HttpMethod.POST, "/api/meetings/" + meeting + "/votes/" + vote + "/ballots", Map.of("choice", "AGAINST")));
        expect(204, callAs(homework, HttpMethod.POST, "/api/meetings/" + meeting + "/votes/" + vote + "/ballots", Map.of("choice", "FOR")));
        // The live standing, by the rule the vote will be closed by, before the proxy is cast.
        JsonNode standing = expect(200, callAs(viewer, HttpMethod.GET, "/api/meetings/" + meeting, null)).body().get("votes").get(0).get("standing");
        assertThat(standing.get("represented").asInt()).isEqualTo(5);
        assertThat(standing.get("forVotes").asInt()).isEqualTo(3);
        expect(204, callAs(homework, HttpMethod.POST, "/api/meetings/" + meeting + "/votes/" + vote + "/ballots",
                Map.of("forOrg", YOUTH.toString(), "choice", "FOR")));
        // The youth club's vote is its proxy's to cast; a vote twice is refused; the seniors are not on the roll.
        assertThat(callAs(youth, HttpMethod.POST, "/api/meetings/" + meeting + "/votes/" + vote + "/ballots", Map.of("choice", "AGAINST")).status())
                .isEqualTo(409);
        assertThat(callAs(somali, HttpMethod.POST, "/api/meetings/" + meeting + "/votes/" + vote + "/ballots", Map.of("choice", "AGAINST")).status())
                .isEqualTo(409);

        JsonNode closed = expect(200, callAs(coordinator, HttpMethod.POST, "/api/meetings/" + meeting + "/votes/" + vote + "/close", null)).body();
        assertThat(closed.get("closed").asBoolean()).isTrue();
        assertThat(closed.get("standing").get("members").asInt()).isEqualTo(6);
        assertThat(closed.get("standing").get("represented").asInt()).isEqualTo(5);
        assertThat(closed.get("standing").get("quorumNeeded").asInt()).isEqualTo(3);
        assertThat(closed.get("standing").get("quorumMet").asBoolean()).isTrue();
        assertThat(closed.get("standing").get("forVotes").asInt()).isEqualTo(4);
        assertThat(closed.get("standing").get("against").asInt()).isEqualTo(1);
        assertThat(closed.get("standing").get("majorityMet").asBoolean()).isTrue();
        assertThat(closed.get("standing").get("adopted").asBoolean()).isTrue();
        assertThat(closed.get("ballots").findValuesAsText("castBy")).contains(HOMEWORK.toString());
        expect(201, callAs(coordinator, HttpMethod.POST, "/api/meetings/" + meeting + "/decisions",
                Map.of("agendaItemId", item, "type", "AGREED_RULE", "text", "Husordenen er vedtaget og gælder fra 1. januar", "voteId", vote)));

        // Two more items: the keys are dealt with, the cleaning plan is not (it will open the next meeting).
        String cleaning = expect(201, callAs(coordinator, HttpMethod.POST, "/api/meetings/" + meeting + "/agenda", Map.of("title", "Rengøringsplan"))).body()
                .get("id").asText();
        String keys = expect(201, callAs(coordinator, HttpMethod.POST, "/api/meetings/" + meeting + "/agenda", Map.of("title", "Nøgler til salen"))).body()
                .get("id").asText();
        expect(204, callAs(coordinator, HttpMethod.POST, "/api/meetings/" + meeting + "/agenda/" + keys + "/finish", null));
        assertThat(cleaning).isNotBlank();

        // The minutes: draft, circulated to the attendees, amended by one, the amendment of a non-attendee refused.
        String text = "Husrådet vedtog husordenen med 4 stemmer for og 1 imod (5 af 6 foreninger repræsenteret).";
        expect(204, callAs(coordinator, HttpMethod.PUT, "/api/meetings/" + meeting + "/minutes", Map.of("text", text)));
        expect(204, callAs(coordinator, HttpMethod.POST, "/api/meetings/" + meeting + "/minutes/circulate",
                Map.of("amendmentsUntil", now.plus(7, ChronoUnit.DAYS).toString())));
        String amendment = expect(201, callAs(somali, HttpMethod.POST, "/api/meetings/" + meeting + "/minutes/amendments",
                Map.of("proposedBy", "næstformand", "text", "Tilføj: ungdomsklubben stemte ved fuldmagt til lektiecaféen"))).body().get("id").asText();
        assertThat(callAs(youth, HttpMethod.POST, "/api/meetings/" + meeting + "/minutes/amendments", Map.of("text", "Noget andet")).status()).isEqualTo(409);
        assertThat(callAs(coordinator, HttpMethod.PUT, "/api/meetings/" + meeting + "/minutes", Map.of("text", "Ny tekst")).status()).isEqualTo(409);
        Response settled = callAs(coordinator, HttpMethod.POST, "/api/meetings/" + meeting + "/agenda", Map.of("title", "Glemt punkt"));
        assertThat(settled.status()).isEqualTo(409);
        assertThat(settled.body().get("detail").asText()).contains("settled once the minutes are circulated");
        expect(204, callAs(coordinator, HttpMethod.POST, "/api/meetings/" + meeting + "/minutes/amendments/" + amendment + "/decision",
                Map.of("accepted", true)));
        expect(204, callAs(coordinator, HttpMethod.POST, "/api/meetings/" + meeting + "/minutes/approve", Map.of("atMeetingId", "next-meeting")));

        JsonNode minutes = expect(200, callAs(viewer, HttpMethod.GET, "/api/meetings/" + meeting, null)).body().get("minutes");
        assertThat(minutes.get("status").asText()).isEqualTo("APPROVED");
        String content = minutes.get("content").asText();
        assertThat(content).startsWith(text).contains("ungdomsklubben stemte ved fuldmagt");
        assertThat(minutes.get("sha256").asText()).isEqualTo(MinutesSeal.sha256(content));
        assertThat(minutes.get("attendees")).hasSize(4);
        // Frozen: a correction is a new amendment, the frozen text unchanged.
        expect(201, callAs(women, HttpMethod.POST, "/api/meetings/" + meeting + "/minutes/amendments", Map.of("text", "Rettelse: mødet sluttede kl. 20")));
        JsonNode after = expect(200, callAs(viewer, HttpMethod.GET, "/api/meetings/" + meeting, null)).body().get("minutes");
        assertThat(after.get("content").asText()).isEqualTo(content);
        assertThat(after.get("amendments").get(1).get("afterFreeze").asBoolean()).isTrue();

        // An action item for the homework café, and an item left unfinished: both open the next meeting's agenda.
        Response pastDue = callAs(coordinator, HttpMethod.POST, "/api/meetings/" + meeting + "/action-items",
                Map.of("title", "Lav en nøgleliste", "ownerOrg", HOMEWORK.toString(), "dueDate", "2020-01-01"));
        assertThat(pastDue.status()).isEqualTo(400);
        assertThat(pastDue.text()).contains("dueDate");
        String actionItem = expect(201, callAs(coordinator, HttpMethod.POST, "/api/meetings/" + meeting + "/action-items", Map.of("title", "Lav en nøgleliste",
                "ownerOrg", HOMEWORK.toString(), "ownerPerson", "kasserer", "dueDate", java.time.LocalDate.now().plusDays(14).toString()))).body()
                .get("id").asText();
        String next = expect(201, callAs(coordinator, HttpMethod.POST, "/api/collaborations/" + collaboration + "/meetings",
                Map.of("type", "HOUSE_COUNCIL", "title", "Husrådsmøde januar", "startsAt", now.plus(30, ChronoUnit.DAYS).toString()))).body()
                .get("id").asText();
        JsonNode agenda = expect(200, callAs(viewer, HttpMethod.GET, "/api/meetings/" + next, null)).body().get("agenda");
        // The open action item and the unfinished cleaning plan; not the decided house rules, not the finished keys.
        assertThat(agenda.findValuesAsText("title")).containsExactly("Opfølgning: Lav en nøgleliste", "Rengøringsplan");
        assertThat(agenda.get(0).get("carriedOverFrom").asText()).isEqualTo("action-item:" + actionItem);
        assertThat(agenda.get(1).get("carriedOverFrom").asText()).isEqualTo(meeting + "/" + cleaning);
        // The owner completes it; someone else cannot.
        assertThat(callAs(somali, HttpMethod.POST, "/api/action-items/" + actionItem + "/complete", null).status()).isEqualTo(409);
        expect(204, callAs(homework, HttpMethod.POST, "/api/action-items/" + actionItem + "/complete", null));
        assertThat(expect(200, callAs(viewer, HttpMethod.GET, "/api/collaborations/" + collaboration, null)).body().get("actionItems").get(0)
                .get("status").asText()).isEqualTo("DONE");

        // The viewer reads but does not write; an unknown meeting is 404 as problem+json.
        assertThat(callAs(viewer, HttpMethod.POST, "/api/meetings/" + meeting + "/agenda", Map.of("title", "X")).status()).isEqualTo(403);
        Response unknown = callAs(coordinator, HttpMethod.POST, "/api/meetings/" + UUID.randomUUID() + "/agenda", Map.of("title", "X"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).contains("problem+json");
        assertThat(callAs(viewer, HttpMethod.GET, "/api/meetings/" + UUID.randomUUID(), null).status()).isEqualTo(404);
        assertThat(callAs(null, HttpMethod.GET, "/api/meetings/" + meeting, null).status()).isEqualTo(401);

        // What left the logbook: organisations, categories and counts on bindeled.logbook.v1; none of the words.
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> records = dk.bindeled.testsupport.TopicRecords.until(
                dk.bindeled.events.Topics.LOGBOOK_V1, rs -> rs.stream().anyMatch(r -> meeting.equals(r.key())
                        && "dk.bindeled.logbook.MinutesApproved.v1".equals(dk.bindeled.testsupport.TopicRecords.header(r, "ce_type"))), java.time.Duration.ofSeconds(30));
        assertThat(records.stream().filter(r -> meeting.equals(r.key())).map(r -> dk.bindeled.testsupport.TopicRecords.header(r, "ce_type")))
                .containsSubsequence("dk.bindeled.logbook.MeetingScheduled.v1", "dk.bindeled.logbook.MeetingAttended.v1", "dk.bindeled.logbook.VoteClosed.v1",
                        "dk.bindeled.logbook.DecisionRecorded.v1", "dk.bindeled.logbook.MinutesApproved.v1");
        String closedVote = records.stream().filter(r -> "dk.bindeled.logbook.VoteClosed.v1".equals(dk.bindeled.testsupport.TopicRecords.header(r, "ce_type"))
                && meeting.equals(r.key())).map(r -> new String(r.value(), java.nio.charset.StandardCharsets.UTF_8)).findFirst().orElseThrow();
        assertThat(closedVote).contains("\"adopted\":true", "\"represented\":5", "\"majority\":\"TWO_THIRDS\"");
        String published = records.stream().map(r -> new String(r.value(), java.nio.charset.StandardCharsets.UTF_8)).reduce("", String::concat);
        assertThat(published).contains(collaboration).doesNotContain("Karin Holm", "husets koordinator", "formand", "Husordenen for Foreningernes Hus vedtages",
                "Husordenen er vedtaget", "fuldmagt til lektiecaféen", "nøgleliste", "kasserer", text);

        // The timeline to take away: JSON shaped after OParl, and a PDF opened and read back.
        JsonNode oparl = expect(200, callAs(viewer, HttpMethod.GET, "/api/collaborations/" + collaboration + "/export.json", null)).body();
        assertThat(oparl.get("type").asText()).isEqualTo("https://schema.oparl.org/1.1/Organization");
        JsonNode first = oparl.get("meeting").get(0);
        assertThat(first.get("type").asText()).isEqualTo("https://schema.oparl.org/1.1/Meeting");
        assertThat(first.get("meetingState").asText()).isEqualTo("completed");
        assertThat(first.get("agendaItem").get(0).get("name").asText()).isEqualTo("Husorden");
        assertThat(first.get("agendaItem").get(0).get("resolutionText").asText()).isEqualTo("Husordenen er vedtaget og gælder fra 1. januar");
        assertThat(first.get("agendaItem").get(0).get("vote").get("adopted").asBoolean()).isTrue();
        assertThat(first.get("verbatimProtocol").get("sha256Checksum").asText()).isEqualTo(MinutesSeal.sha256(content));
        assertThat(oparl.get("meeting")).hasSize(2);
        byte[] pdf = org.springframework.web.client.RestClient.create("http://127.0.0.1:" + port).get()
                .uri("/api/collaborations/" + collaboration + "/export.pdf").header("Authorization", "Bearer " + viewer).retrieve().body(byte[].class);
        try (com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf)) {
            com.lowagie.text.pdf.parser.PdfTextExtractor extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
            StringBuilder all = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                all.append(extractor.getTextFromPage(page)).append('\n');
            }
            assertThat(all.toString()).contains("Logbog for samarbejdet Husrådet i Foreningernes Hus", "Husrådsmøde", "Husordenen er vedtaget",
                    "4 for, 1 imod", "Vedtaget.", MinutesSeal.sha256(content), "Lav en nøgleliste", "udført");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        // The homework café's meetings in its calendar app: a feed token, the feed fetched without signing in.
        JsonNode issued = expect(201, callAs(homework, HttpMethod.POST, "/api/feeds", null)).body();
        String path = issued.get("path").asText();
        assertThat(path).startsWith("/ical/partners/" + HOMEWORK + ".ics?token=");
        Response ics = callAs(null, HttpMethod.GET, path, null);
        assertThat(ics.status()).isEqualTo(200);
        assertThat(ics.contentType()).startsWith("text/calendar");
        assertThat(ics.text()).contains("BEGIN:VCALENDAR", "BEGIN:VTIMEZONE", "TZID:Europe/Copenhagen", "UID:" + meeting + "@bindeled.dk",
                "UID:" + next + "@bindeled.dk", "SUMMARY:Husrådsmøde: husorden", "DTSTART;TZID=Europe/Copenhagen:", "LOCATION:Salen",
                "Husrådsmøde. Dagsorden: 1. Husorden");
        assertThat(ics.text().split("\r\n")).allMatch(line -> line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75);
        // Another's token, a wrong one and a revoked one open nothing.
        String somaliPath = expect(201, callAs(somali, HttpMethod.POST, "/api/feeds", null)).body().get("path").asText();
        assertThat(callAs(null, HttpMethod.GET, "/ical/partners/" + HOMEWORK + ".ics?token=" + somaliPath.substring(somaliPath.indexOf("token=") + 6), null)
                .status()).isEqualTo(404);
        assertThat(callAs(null, HttpMethod.GET, "/ical/partners/" + HOMEWORK + ".ics?token=nope", null).status()).isEqualTo(404);
        assertThat(callAs(somali, HttpMethod.POST, "/api/feeds/" + issued.get("id").asText() + "/revoke", null).status()).isEqualTo(404);
        expect(204, callAs(homework, HttpMethod.POST, "/api/feeds/" + issued.get("id").asText() + "/revoke", null));
        assertThat(callAs(null, HttpMethod.GET, path, null).status()).isEqualTo(404);
        assertThat(expect(200, callAs(homework, HttpMethod.GET, "/api/feeds", null)).body().get(0).get("revoked").asBoolean()).isTrue();

        // The collaboration lists its meeting; its history holds what changed.
        JsonNode view = expect(200, callAs(viewer, HttpMethod.GET, "/api/collaborations/" + collaboration, null)).body();
        assertThat(view.get("meetings").get(0).get("minutesStatus").asText()).isEqualTo("APPROVED");
        assertThat(view.get("meetings")).hasSize(2);
        assertThat(view.get("history").findValuesAsText("kind")).containsExactly("STARTED");
    }

    @Test
    void aCollaborationsFormGoalsAndCoCreationPhaseChangeWithTheirHistoryKept() {
        UUID library = UUID.randomUUID();
        String anne = tokenOf("anne@bibliotek-rks", library, "partner-admin");
        String id = expect(201, callAs(anne, HttpMethod.POST, "/api/collaborations", Map.of("title", "Biblioteket på somali og arabisk",
                "purpose", "Flere borgere bruger biblioteket", "form", "SAMSKABE", "coCreationTrack", true,
                "coordinator", Map.of("name", "Anne Sørensen", "role", "bibliotekar"), "targetGroups", List.of("ETHNIC_MINORITIES")))).body().get("id").asText();
        expect(204, callAs(anne, HttpMethod.POST, "/api/collaborations/" + id + "/goals",
                Map.of("goals", List.of(Map.of("goal", "Flere besøgende", "successCriterion", "50 lån om måneden")))));
        expect(204, callAs(anne, HttpMethod.POST, "/api/collaborations/" + id + "/goals",
                Map.of("goals", List.of(Map.of("goal", "Flere besøgende", "successCriterion", "80 lån om måneden")))));
        Response noCriterion = callAs(anne, HttpMethod.POST, "/api/collaborations/" + id + "/goals", Map.of("goals", List.of(Map.of("goal", "Noget"))));
        assertThat(noCriterion.status()).isEqualTo(400);
        assertThat(noCriterion.text()).contains("goals[0].successCriterion");
        Response skipped = callAs(anne, HttpMethod.POST, "/api/collaborations/" + id + "/phase", Map.of("phase", "CO_CREATION_2"));
        assertThat(skipped.status()).isEqualTo(409);
        assertThat(skipped.body().get("rule").asText()).isEqualTo("co-creation-phase");
        expect(204, callAs(anne, HttpMethod.POST, "/api/collaborations/" + id + "/phase", Map.of("phase", "OBSERVATIONS_AND_RESEARCH")));
        expect(204, callAs(anne, HttpMethod.POST, "/api/collaborations/" + id + "/form", Map.of("form", "SAMORDNE", "reason", "Grupperne planlægger selv")));
        assertThat(callAs(tokenOf("x@andre", UUID.randomUUID(), "partner-admin"), HttpMethod.POST, "/api/collaborations/" + id + "/form",
                Map.of("form", "VIDENDELE", "reason", "x")).status()).isEqualTo(404);

        JsonNode view = expect(200, callAs(anne, HttpMethod.GET, "/api/collaborations/" + id, null)).body();
        assertThat(view.get("form").asText()).isEqualTo("SAMORDNE");
        assertThat(view.get("phase").asText()).isEqualTo("OBSERVATIONS_AND_RESEARCH");
        assertThat(view.get("goalsVersion").asInt()).isEqualTo(2);
        assertThat(view.get("goals").get(0).get("successCriterion").asText()).isEqualTo("80 lån om måneden");
        assertThat(view.get("history").findValuesAsText("kind"))
                .containsExactly("STARTED", "GOALS_REVISED", "GOALS_REVISED", "PHASE_REACHED", "FORM_CHANGED");
        assertThat(view.get("history").get(4).get("detail").get("from").asText()).isEqualTo("SAMSKABE");
        assertThat(view.get("history").get(1).get("detail").get("goals").get(0).get("successCriterion").asText()).isEqualTo("50 lån om måneden");
        // A co-creation meeting of two is scheduled with a warning.
        JsonNode created = expect(201, callAs(anne, HttpMethod.POST, "/api/collaborations/" + id + "/meetings", Map.of("type", "CO_CREATION",
                "title", "Co-creation 1", "startsAt", Instant.now().toString(), "invited", List.of(library.toString(), "ambassadoer")))).body();
        assertThat(created.get("warnings").toString()).contains("co-creation-size");
        assertThat(expect(200, callAs(anne, HttpMethod.GET, "/api/collaborations?mine=true", null)).body().findValuesAsText("id")).contains(id);
    }
}
