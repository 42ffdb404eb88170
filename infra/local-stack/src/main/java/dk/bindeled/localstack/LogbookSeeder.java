package dk.bindeled.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meeting logbook's demo data, from the seed reports' cases, made through its API as the organisations would make it,
 * each with its own client credentials (demo-identities.json): the coordinator's organisation runs a meeting, and a
 * ballot or a proxy is the organisation's own.
 * <ul>
 * <li><b>Netværksmødet Brændpunktet</b> in Aabenraa (VIDENDELE): the library's facilitator and twelve associations with
 * seniors as their target group; a network meeting three weeks ago with eight of them, a new initiative decided (a shared
 * calendar of the associations' events), an action item due in three weeks, the minutes drafted, circulated and approved at
 * the next network meeting three months on
 * once their (short) amendment period had ended.</li>
 * <li><b>The house council of Foreningernes Hus</b> (SAMORDNE) adopting its house rules by vote: six associations, four
 * present, the youth club voting through the proxy it gave the parents' association, two thirds with quorum (at least half
 * the members, never fewer than three), the agreed rule resting on the vote, an action item, the minutes circulated with an
 * amendment from the seniors' club waiting for the chair ({@code hanne}) to decide; and the next meeting four weeks later,
 * whose agenda opens with the open action item and the unfinished cleaning plan, carried over by the logbook.</li>
 * <li><b>A co-creation track in Ringkøbing-Skjern</b> (SAMSKABE): the libraries, the municipality's integration department
 * and the Somali- and Arabic-speaking groups, moved through its phases in order to co-creation 1, with goals and success
 * criteria, a theory of change, and its co-creation meeting with the four organisations invited in ten days or so.</li>
 * </ul>
 * Dates are relative to the clock, wall-clock times in Europe/Copenhagen (the logbook takes meetings in the past). Once
 * per data directory (its marker file); a collaboration the logbook already has by its title is left alone, so a seeding
 * cut short is completed, not duplicated. A refusal fails loudly with the logbook's problem+json.
 */
final class LogbookSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(LogbookSeeder.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");
    private static final DateTimeFormatter DANISH_DATE = DateTimeFormatter.ofPattern("d. MMMM", Locale.forLanguageTag("da-DK"));

    static final String NETWORK_TITLE = "Netværksmødet Brændpunktet";
    static final String NETWORK_COORDINATOR = "braendpunktet";
    /** The twelve associations of Brændpunktet; the first eight came to the meeting. */
    static final List<String> NETWORK_ASSOCIATIONS = List.of("aeldre-sagen-aabenraa", "pensionistforeningen-aabenraa", "seniorklub-3f-aabenraa",
            "mandemad-aabenraa", "aeldre-hjaelper-aeldre-aabenraa", "roede-kors-aabenraa", "lokalhistorisk-forening-aabenraa", "tinglev-borgerforening",
            "seniordans-aabenraa", "roedekro-seniorgymnastik", "aabenraa-sportsfiskerforening", "menighedsplejen-aabenraa");
    static final int NETWORK_PRESENT = 8;

    static final String HOUSE_TITLE = "Husrådet i Foreningernes Hus";
    /** The house council's chair runs its meetings; every member association, the chair's included, has one vote. */
    static final String HOUSE_CHAIR = "lektiehjaelpen";
    static final List<String> HOUSE_MEMBERS = List.of("kvindernes-netvaerk", "foraeldreforeningen-foreningernes-hus", "ungdomsklubben-foreningernes-hus",
            "seniorklubben-foreningernes-hus", "skakklubben-foreningernes-hus");
    static final List<String> HOUSE_PRESENT = List.of(HOUSE_CHAIR, "kvindernes-netvaerk", "foraeldreforeningen-foreningernes-hus",
            "seniorklubben-foreningernes-hus");
    static final String PROXY_FROM = "ungdomsklubben-foreningernes-hus";
    static final String PROXY_TO = "foraeldreforeningen-foreningernes-hus";
    static final String AMENDED_BY = "seniorklubben-foreningernes-hus";
    static final String ACTION_OWNER = "kvindernes-netvaerk";

    /** A ballot: cast by {@code castBy}'s own client, for {@code forOrg} (its own vote, or the one whose proxy it holds). */
    record Ballot(String castBy, String forOrg, String choice) {
    }

    static final List<Ballot> BALLOTS = List.of(new Ballot(HOUSE_CHAIR, HOUSE_CHAIR, "FOR"), new Ballot("kvindernes-netvaerk", "kvindernes-netvaerk", "FOR"),
            new Ballot(PROXY_TO, PROXY_TO, "FOR"), new Ballot(PROXY_TO, PROXY_FROM, "FOR"),
            new Ballot("seniorklubben-foreningernes-hus", "seniorklubben-foreningernes-hus", "AGAINST"));

    static final String TRACK_TITLE = "Bring biblioteket i spil over for flygtninge og indvandrere";
    static final String TRACK_COORDINATOR = "ringkoebing-skjern-bibliotekerne";
    static final List<String> TRACK_PARTNERS = List.of("integrationsafdelingen-ringkoebing-skjern", "somalisktalende-gruppe", "arabisktalende-gruppe");
    /** Phases after START_UP, in order, one at a time. */
    static final List<String> TRACK_PHASES = List.of("OBSERVATIONS_AND_RESEARCH", "CO_CREATION_1");

    private final HttpClient http;
    private final URI logbook;
    private final URI issuer;
    private final Path marker;
    private final Clock clock;
    private final Map<String, JsonHttp> clients = new HashMap<>();

    LogbookSeeder(HttpClient http, URI logbook, URI issuer, Path marker, Clock clock) {
        this.http = http;
        this.logbook = logbook;
        this.issuer = issuer;
        this.marker = marker;
        this.clock = clock;
    }

    /** The organisations that call the logbook, each with its client {@code seed-<key>}. */
    static Set<String> actingOrganisations() {
        Set<String> keys = new LinkedHashSet<>(List.of(NETWORK_COORDINATOR, HOUSE_CHAIR, PROXY_FROM, AMENDED_BY, TRACK_COORDINATOR));
        BALLOTS.forEach(b -> keys.add(b.castBy()));
        return keys;
    }

    void seedOnce(DemoData data) {
        if (Files.exists(marker)) {
            LOG.info("Logbook demo data already seeded (remove {} to seed again into an empty meeting logbook)", marker);
            return;
        }
        Set<String> existing = titles();
        if (existing.contains(NETWORK_TITLE)) {
            LOG.info("  {} is in the logbook already; left as it is", NETWORK_TITLE);
        } else {
            network(data);
        }
        if (existing.contains(HOUSE_TITLE)) {
            LOG.info("  {} is in the logbook already; left as it is", HOUSE_TITLE);
        } else {
            houseCouncil(data);
        }
        if (existing.contains(TRACK_TITLE)) {
            LOG.info("  {} is in the logbook already; left as it is", TRACK_TITLE);
        } else {
            coCreationTrack(data);
        }
        try {
            Files.writeString(marker, "Logbook demo data seeded " + OffsetDateTime.now(clock) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + marker, e);
        }
    }

    // ------------------------------------------------------------------ Brændpunktet

    private void network(DemoData data) {
        JsonHttp facilitator = client(NETWORK_COORDINATOR);
        ObjectNode start = collaboration(NETWORK_TITLE, "Foreninger og aktører med seniorer som målgruppe i Aabenraa Kommune deler planer for"
                + " arrangementer, finder samarbejdspartnere og undgår at lave det samme på samme dag. Biblioteket faciliterer og bygger bro mellem"
                + " foreningerne.", "VIDENDELE", person(data, NETWORK_COORDINATOR), "SENIORS", "MEN", "VOLUNTEERS");
        ArrayNode partners = start.putArray("partners");
        NETWORK_ASSOCIATIONS.forEach(key -> partners.addObject().put("org", id(data, key)).put("role", "PARTICIPANT"));
        String collaboration = created(facilitator.send("POST", "/api/collaborations", start), NETWORK_TITLE);
        ObjectNode goals = JSON.createObjectNode();
        ArrayNode list = goals.putArray("goals");
        goal(list, "Biblioteket prøver en ny rolle som facilitator af netværksmødet", "Fire netværksmøder om året med mindst ti foreninger");
        goal(list, "Et fællesskab mellem ligesindede aktører med erfaringsudveksling",
                "Foreningerne samarbejder om mindst tre arrangementer, de ikke ville have lavet alene");
        goal(list, "Biblioteket som brobygger mellem foreningerne i kommunen", "Henvendelser og samarbejde på tværs efter hvert møde");
        ok(facilitator.send("POST", "/api/collaborations/" + collaboration + "/goals", goals), NETWORK_TITLE + ": goals");

        LocalDate held = today().minusWeeks(3).with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY));
        ObjectNode schedule = JSON.createObjectNode().put("type", "NETWORK").put("title", "Netværksmødet Brændpunktet: foreningernes arrangementer")
                .put("startsAt", at(held, 14, 0)).put("endsAt", at(held, 16, 30)).put("place", "Aabenraa Bibliotek, salen");
        String meeting = created(facilitator.send("POST", "/api/collaborations/" + collaboration + "/meetings", schedule), NETWORK_TITLE + ": network meeting");
        String welcome = agendaItem(facilitator, meeting, "Velkomst og peptalk ved Aabenraa Kommunes landdistriktscoach");
        String events = agendaItem(facilitator, meeting, "Foreningernes arrangementer det kommende halvår");
        String next = agendaItem(facilitator, meeting, "Næste netværksmøde");

        attend(facilitator, data, meeting, NETWORK_COORDINATOR);
        List<String> present = NETWORK_ASSOCIATIONS.subList(0, NETWORK_PRESENT);
        present.forEach(key -> attend(facilitator, data, meeting, key));

        ok(facilitator.send("POST", "/api/meetings/" + meeting + "/decisions", JSON.createObjectNode().put("agendaItemId", events)
                .put("type", "NEW_INITIATIVE").put("text", "Foreningerne melder deres arrangementer ind til en fælles kalender, som biblioteket samler og"
                        + " sender ud med nyhedsbrevet før hvert netværksmøde. Arrangementer for samme målgruppe på samme dag aftales på mødet.")),
                NETWORK_TITLE + ": decision");
        ok(facilitator.send("POST", "/api/meetings/" + meeting + "/action-items", JSON.createObjectNode()
                .put("title", "Saml foreningernes arrangementer for det kommende halvår i den fælles kalender").put("ownerOrg", id(data, NETWORK_COORDINATOR))
                .put("ownerPerson", contact(data, NETWORK_COORDINATOR)).put("dueDate", today().plusWeeks(3).toString())), NETWORK_TITLE + ": action item");
        finish(facilitator, meeting, welcome);
        finish(facilitator, meeting, next);

        String minutes = "Netværksmødet Brændpunktet " + held.format(DANISH_DATE) + " på Aabenraa Bibliotek. Til stede: " + (present.size() + 1)
                + " af netværkets " + (NETWORK_ASSOCIATIONS.size() + 1) + " parter.\n"
                + "1. Aabenraa Kommunes landdistriktscoach holdt en peptalk om mulighederne og udbyttet ved at samarbejde i yderområderne.\n"
                + "2. Foreningerne fortalte om deres arrangementer det kommende halvår. Flere vidste ikke, at de kan samarbejde med biblioteket om"
                + " arrangementer og økonomien til dem. Beslutning: en fælles kalender, som biblioteket samler og sender ud med nyhedsbrevet.\n"
                + "3. Næste netværksmøde holdes om tre måneder; Frivilligcenter Aabenraa inviteres med.";
        ok(facilitator.send("PUT", "/api/meetings/" + meeting + "/minutes", JSON.createObjectNode().put("text", minutes)), NETWORK_TITLE + ": minutes");
        circulate(facilitator, meeting, NETWORK_TITLE);
        // The next network meeting, three months on, approves them (no attendee asked for a change) and they are frozen;
        // its agenda opens with the open action item.
        LocalDate nextMeeting = held.plusMonths(3).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        String following = created(facilitator.send("POST", "/api/collaborations/" + collaboration + "/meetings", JSON.createObjectNode()
                .put("type", "NETWORK").put("title", "Netværksmødet Brændpunktet: fælles kalender og Frivilligcenter Aabenraa")
                .put("startsAt", at(nextMeeting, 14, 0)).put("endsAt", at(nextMeeting, 16, 30)).put("place", "Aabenraa Bibliotek, salen")),
                NETWORK_TITLE + ": next network meeting");
        ok(facilitator.send("POST", "/api/meetings/" + meeting + "/minutes/approve", JSON.createObjectNode().put("atMeetingId", following)),
                NETWORK_TITLE + ": approval");
        LOG.info("Seeded logbook demo data: {} (VIDENDELE, {} partners) with its network meeting on {} ({} present, a new initiative,"
                + " an action item due {}, minutes approved at the next meeting on {})", NETWORK_TITLE, NETWORK_ASSOCIATIONS.size() + 1, held,
                present.size() + 1, today().plusWeeks(3), nextMeeting);
    }

    // ------------------------------------------------------------------ Foreningernes Hus

    private void houseCouncil(DemoData data) {
        JsonHttp chair = client(HOUSE_CHAIR);
        ObjectNode start = collaboration(HOUSE_TITLE, "Foreningerne i Foreningernes Hus mødes hver måned i husrådet, hvor hver forening har én stemme:"
                + " de vedtager husregler ved demokratisk afstemning, afstemmer brugen af huset og løser konflikter.", "SAMORDNE",
                person(data, HOUSE_CHAIR, "Formand for husrådet"), "ALL_RESIDENTS", "VOLUNTEERS");
        ArrayNode partners = start.putArray("partners");
        partners.addObject().put("org", id(data, HOUSE_CHAIR)).put("role", "LEAD");
        HOUSE_MEMBERS.forEach(key -> partners.addObject().put("org", id(data, key)).put("role", "PARTICIPANT"));
        String collaboration = created(chair.send("POST", "/api/collaborations", start), HOUSE_TITLE);

        LocalDate held = today().minusWeeks(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String meeting = created(chair.send("POST", "/api/collaborations/" + collaboration + "/meetings", JSON.createObjectNode().put("type", "HOUSE_COUNCIL")
                .put("title", "Husrådsmøde: husorden").put("startsAt", at(held, 19, 0)).put("endsAt", at(held, 21, 0))
                .put("place", "Foreningernes Hus, salen")), HOUSE_TITLE + ": meeting");
        String rules = agendaItem(chair, meeting, "Husorden");
        agendaItem(chair, meeting, "Rengøringsplan for køkkenet");
        String news = agendaItem(chair, meeting, "Nyt fra foreningerne");
        HOUSE_PRESENT.forEach(key -> attend(chair, data, meeting, key));
        ok(client(PROXY_FROM).send("POST", "/api/meetings/" + meeting + "/proxies", JSON.createObjectNode().put("fromOrg", id(data, PROXY_FROM))
                .put("toOrg", id(data, PROXY_TO))), HOUSE_TITLE + ": proxy of " + PROXY_FROM);

        String vote = created(chair.send("POST", "/api/meetings/" + meeting + "/votes", JSON.createObjectNode().put("agendaItemId", rules)
                .put("motion", "Husordenen for Foreningernes Hus vedtages som foreslået af arbejdsgruppen").put("majority", "TWO_THIRDS")
                .put("quorumShare", 0.5).put("quorumMinimum", 3)), HOUSE_TITLE + ": vote");
        for (Ballot ballot : BALLOTS) {
            ObjectNode body = JSON.createObjectNode().put("choice", ballot.choice());
            if (!ballot.forOrg().equals(ballot.castBy())) {
                body.put("forOrg", id(data, ballot.forOrg()));
            }
            ok(client(ballot.castBy()).send("POST", "/api/meetings/" + meeting + "/votes/" + vote + "/ballots", body),
                    HOUSE_TITLE + ": ballot of " + ballot.forOrg());
        }
        JsonNode standing = ok(chair.send("POST", "/api/meetings/" + meeting + "/votes/" + vote + "/close", JSON.createObjectNode()),
                HOUSE_TITLE + ": closing the vote").path("standing");
        if (!standing.path("adopted").asBoolean()) {
            throw new IllegalStateException("Seeding " + HOUSE_TITLE + ": the house rules were not adopted: " + standing);
        }
        LocalDate inForce = today().plusMonths(1).withDayOfMonth(1);
        ok(chair.send("POST", "/api/meetings/" + meeting + "/decisions", JSON.createObjectNode().put("agendaItemId", rules).put("type", "AGREED_RULE")
                .put("text", "Husordenen er vedtaget og gælder fra " + inForce.format(DANISH_DATE) + ": stilletid efter kl. 22, lokaler ryddes og"
                        + " gøres rent efter brug, nøgler kvitteres for i husets kontor.").put("voteId", vote)), HOUSE_TITLE + ": decision");
        finish(chair, meeting, news);
        LocalDate due = today().plusWeeks(2);
        ok(chair.send("POST", "/api/meetings/" + meeting + "/action-items", JSON.createObjectNode()
                .put("title", "Oversæt husordenen til somali og arabisk og hæng den op i alle lokaler").put("ownerOrg", id(data, ACTION_OWNER))
                .put("ownerPerson", contact(data, ACTION_OWNER)).put("dueDate", due.toString())), HOUSE_TITLE + ": action item");

        String minutes = "Husrådsmøde " + held.format(DANISH_DATE) + " i Foreningernes Hus. Til stede: " + HOUSE_PRESENT.size() + " af husrådets "
                + (HOUSE_MEMBERS.size() + 1) + " foreninger; Ungdomsklubben var repræsenteret ved fuldmagt til Forældreforeningen.\n"
                + "1. Husorden: husordenen blev vedtaget med " + standing.path("forVotes").asInt(4) + " stemmer for og " + standing.path("against").asInt(1)
                + " imod (to tredjedele af de afgivne stemmer; " + standing.path("represented").asInt(5) + " af " + standing.path("members").asInt(6)
                + " foreninger repræsenteret). Kvindernes Netværk oversætter den til somali og arabisk.\n"
                + "2. Rengøringsplan for køkkenet: udsat til næste møde.\n"
                + "3. Nyt fra foreningerne: Skakklubben holder åbent hus, og Seniorklubben søger frivillige til sommerudflugten.";
        ok(chair.send("PUT", "/api/meetings/" + meeting + "/minutes", JSON.createObjectNode().put("text", minutes)), HOUSE_TITLE + ": minutes");
        // A week for the attendees' amendments: the round is left open, with one amendment for the chair to decide on.
        circulate(chair, meeting, HOUSE_TITLE);
        ok(client(AMENDED_BY).send("POST", "/api/meetings/" + meeting + "/minutes/amendments", JSON.createObjectNode()
                .put("proposedBy", contact(data, AMENDED_BY)).put("text", "Tilføj under punkt 1: Seniorklubben stemte imod, fordi stilletiden efter"
                        + " kl. 22 også bør gælde fredag og lørdag.")), HOUSE_TITLE + ": amendment");

        LocalDate nextDay = held.plusWeeks(4);
        String nextMeeting = created(chair.send("POST", "/api/collaborations/" + collaboration + "/meetings", JSON.createObjectNode()
                .put("type", "HOUSE_COUNCIL").put("title", "Husrådsmøde").put("startsAt", at(nextDay, 19, 0)).put("endsAt", at(nextDay, 21, 0))
                .put("place", "Foreningernes Hus, salen")), HOUSE_TITLE + ": next meeting");
        int carried = 0;
        for (JsonNode item : ok(chair.get("/api/meetings/" + nextMeeting), HOUSE_TITLE + ": next meeting").path("agenda")) {
            if (item.hasNonNull("carriedOverFrom")) {
                carried++;
            }
        }
        LOG.info("Seeded logbook demo data: {} (SAMORDNE, {} associations) with its meeting on {} (house rules adopted by two thirds, {} of {}"
                + " represented, one by proxy; minutes circulated with an amendment to decide) and the next on {} ({} items carried over to its"
                + " agenda)", HOUSE_TITLE, HOUSE_MEMBERS.size() + 1, held, standing.path("represented").asInt(), standing.path("members").asInt(), nextDay,
                carried);
    }

    // ------------------------------------------------------------------ Ringkøbing-Skjern

    private void coCreationTrack(DemoData data) {
        JsonHttp library = client(TRACK_COORDINATOR);
        ObjectNode start = collaboration(TRACK_TITLE, "Biblioteket, kommunens integrationsafdeling og den somalisktalende og den arabisktalende gruppe"
                + " finder sammen ud af, hvordan grupperne oplever folkebiblioteket, og skaber tilbud, de kan bruge – med en ambassadør fra hver gruppe"
                + " på biblioteket.", "SAMSKABE", person(data, TRACK_COORDINATOR), "REFUGEES_AND_ASYLUM_SEEKERS", "ETHNIC_MINORITIES");
        start.put("coCreationTrack", true);
        ArrayNode partners = start.putArray("partners");
        TRACK_PARTNERS.forEach(key -> partners.addObject().put("org", id(data, key)).put("role", "PARTICIPANT"));
        String collaboration = created(library.send("POST", "/api/collaborations", start), TRACK_TITLE);

        ObjectNode goals = JSON.createObjectNode();
        ArrayNode list = goals.putArray("goals");
        goal(list, "Grupperne ved, at biblioteket også er for dem – et sted at møde andre, også danskere",
                "Hver gruppe har en ambassadør på biblioteket, og begge grupper kommer til mindst ét arrangement i halvåret");
        goal(list, "Materialer på modersmålet, så forældre kan tale med deres børn om danske forhold",
                "Ordbøger og børnebøger på somali og arabisk er købt ind og lånt ud mindst 100 gange det første år");
        goal(list, "Et fast samarbejde med integrationsafdelingen", "Et fælles møde hvert kvartal, og integrationskonsulenterne henviser til biblioteket");
        ok(library.send("POST", "/api/collaborations/" + collaboration + "/goals", goals), TRACK_TITLE + ": goals");
        ObjectNode theory = JSON.createObjectNode();
        strings(theory.putArray("resources"), "Bibliotekets rum, materialer og medarbejdere", "Integrationskonsulenternes kontakt til grupperne",
                "Beboerambassadører fra de to grupper");
        strings(theory.putArray("activities"), "Fokusgruppemøder med den somalisktalende og den arabisktalende gruppe",
                "Co-creation-møder med ambassadørerne og integrationsafdelingen", "Rundvisninger og fortælling om bibliotekets tilbud på modersmålet");
        strings(theory.putArray("results"), "En ambassadør fra hver gruppe på biblioteket", "Ordbøger og børnebøger på somali og arabisk",
                "Flere besøg fra grupperne – ikke kun ved computerne og kopimaskinen");
        strings(theory.putArray("effects"), "Biblioteket er et sted, grupperne kommer og møder andre, også danskere",
                "Forældre kan tale med deres børn om danske forhold og begreber på modersmålet",
                "Integrationsafdelingen arbejder med borgerne som en ressource");
        ok(library.send("POST", "/api/collaborations/" + collaboration + "/theory-of-change", theory), TRACK_TITLE + ": theory of change");
        for (String phase : TRACK_PHASES) {
            ok(library.send("POST", "/api/collaborations/" + collaboration + "/phase", JSON.createObjectNode().put("phase", phase)),
                    TRACK_TITLE + ": phase " + phase);
        }

        LocalDate day = today().plusDays(7).with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY));
        ObjectNode meeting = JSON.createObjectNode().put("type", "CO_CREATION").put("title", "Co-creation 1: biblioteket på somali og arabisk")
                .put("startsAt", at(day, 16, 0)).put("endsAt", at(day, 18, 0)).put("place", "Skjern Bibliotek, mødelokalet");
        ArrayNode invited = meeting.putArray("invited");
        invited.add(id(data, TRACK_COORDINATOR));
        TRACK_PARTNERS.forEach(key -> invited.add(id(data, key)));
        JsonNode scheduled = ok(library.send("POST", "/api/collaborations/" + collaboration + "/meetings", meeting), TRACK_TITLE + ": co-creation meeting");
        LOG.info("Seeded logbook demo data: {} (SAMSKABE, co-creation track at {}, {} goals, a theory of change) with its co-creation meeting on {}"
                + " ({} invited{})", TRACK_TITLE, TRACK_PHASES.get(TRACK_PHASES.size() - 1), list.size(), day, invited.size(),
                scheduled.path("warnings").isEmpty() ? "" : "; warnings " + scheduled.path("warnings"));
    }

    // ------------------------------------------------------------------ helpers

    private static ObjectNode collaboration(String title, String purpose, String form, ObjectNode coordinator, String... targetGroups) {
        ObjectNode body = JSON.createObjectNode().put("title", title).put("purpose", purpose).put("form", form);
        strings(body.putArray("targetGroups"), targetGroups);
        body.set("coordinator", coordinator);
        return body;
    }

    /** The coordinator: the organisation's demo contact person, in their work role. */
    private static ObjectNode person(DemoData data, String key) {
        return person(data, key, partner(data, key).contacts().get(0).path("role").asText());
    }

    private static ObjectNode person(DemoData data, String key, String role) {
        return JSON.createObjectNode().put("org", id(data, key)).put("name", contact(data, key)).put("role", role);
    }

    private static void goal(ArrayNode goals, String goal, String successCriterion) {
        goals.addObject().put("goal", goal).put("successCriterion", successCriterion);
    }

    private static void strings(ArrayNode array, String... values) {
        for (String value : values) {
            array.add(value);
        }
    }

    private static String agendaItem(JsonHttp coordinator, String meeting, String title) {
        return created(coordinator.send("POST", "/api/meetings/" + meeting + "/agenda", JSON.createObjectNode().put("title", title)), "agenda item " + title);
    }

    private static void finish(JsonHttp coordinator, String meeting, String item) {
        ok(coordinator.send("POST", "/api/meetings/" + meeting + "/agenda/" + item + "/finish", JSON.createObjectNode()), "finishing agenda item " + item);
    }

    private static void attend(JsonHttp coordinator, DemoData data, String meeting, String key) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("people").add(contact(data, key));
        ok(coordinator.send("PUT", "/api/meetings/" + meeting + "/attendance/" + id(data, key), body), "attendance of " + key);
    }

    /** Circulates the minutes to the attendees for a week of amendments. */
    private void circulate(JsonHttp coordinator, String meeting, String what) {
        ok(coordinator.send("POST", "/api/meetings/" + meeting + "/minutes/circulate",
                JSON.createObjectNode().put("amendmentsUntil", clock.instant().plus(Duration.ofDays(7)).toString())), what + ": circulating the minutes");
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    private static String at(LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day, LocalTime.of(hour, minute), ZONE).toInstant().toString();
    }

    private static DemoData.Partner partner(DemoData data, String key) {
        return data.partner(key).orElseThrow(() -> new IllegalStateException("demo data: no partner " + key));
    }

    private static String id(DemoData data, String key) {
        return partner(data, key).id().toString();
    }

    private static String contact(DemoData data, String key) {
        DemoData.Partner partner = partner(data, key);
        if (partner.contacts().isEmpty()) {
            throw new IllegalStateException("demo data: " + key + " has no contact person");
        }
        return partner.contacts().get(0).path("name").asText();
    }

    private Set<String> titles() {
        Set<String> titles = new HashSet<>();
        for (JsonNode collaboration : ok(client(HOUSE_CHAIR).get("/api/collaborations"), "the logbook's collaborations")) {
            titles.add(collaboration.path("title").asText());
        }
        return titles;
    }

    private JsonHttp client(String partnerKey) {
        return clients.computeIfAbsent(partnerKey, key -> new JsonHttp(http, logbook,
                new ServiceToken(http, issuer, "seed-" + key, "demo-seed-" + key, clock)));
    }

    private static String created(JsonHttp.Answer answer, String what) {
        String id = ok(answer, what).path("id").asText("");
        if (id.isBlank()) {
            throw new IllegalStateException("Seeding " + what + " failed: the logbook answered without an id: " + answer);
        }
        return id;
    }

    private static JsonNode ok(JsonHttp.Answer answer, String what) {
        if (!answer.ok()) {
            throw new IllegalStateException("Seeding " + what + " failed: " + answer);
        }
        return answer.json();
    }
}
