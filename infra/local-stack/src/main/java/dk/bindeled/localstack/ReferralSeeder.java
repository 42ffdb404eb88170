package dk.bindeled.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A handful of referrals from the seed reports' cases, made through the referrals API as their organisations would make
 * them (each with its own client credentials, demo-identities.json): the family consultants in Vesthimmerland refer a
 * young mother to the health visitors' baby café in Morsø, the health visitors refer a family back to the family
 * conversations at the library, and the job centre in Aalborg Øst refers residents to IT help, a smoking-cessation course
 * (declined: full) and Kvindernes Netværk's sewing and language café (waiting for fatima to answer). The residents are
 * invented. Once per data directory (its marker file).
 */
final class ReferralSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(ReferralSeeder.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI referrals;
    private final URI issuer;
    private final Path marker;
    private final Clock clock;
    private final Duration replicaTimeout;
    private final Map<String, JsonHttp> clients = new HashMap<>();

    ReferralSeeder(HttpClient http, URI referrals, URI issuer, Path marker, Clock clock, Duration replicaTimeout) {
        this.http = http;
        this.referrals = referrals;
        this.issuer = issuer;
        this.marker = marker;
        this.clock = clock;
        this.replicaTimeout = replicaTimeout;
    }

    /** One demo referral: who refers whom to which offer (by partner key and title), and how far it has come. */
    private record Demo(String referrer, String resident, String phone, String language, String recipient, String offerTitle,
                        String purpose, List<String> steps) {
    }

    private static final List<Demo> DEMOS = List.of(
            new Demo("familiekonsulenterne-vesthimmerland", "Jasmin Nørgaard", "+45 41 22 63 18", "dansk", "sundhedsplejen-morsoe",
                    "Babycafé for unge mødre på biblioteket", "Henvisning til babycaféen for unge mødre", List.of("accept", "contact-made")),
            new Demo("sundhedsplejen-morsoe", "Familien Rasmussen", "+45 52 19 84 07", "dansk", "familiekonsulenterne-vesthimmerland",
                    "Familiesamtaler på biblioteket", "Familiesamtale om støtte i hjemmet", List.of()),
            new Demo("jobcenter-aalborg-oest", "Abdi Farah", "+45 28 71 30 66", "somali", "it-cafeen", "IT-hjælp",
                    "Hjælp til MitID og jobnet", List.of("accept", "contact-made", "complete:GOT_HELP")),
            new Demo("jobcenter-aalborg-oest", "Tom Kristensen", "+45 60 45 12 93", "dansk", "laegehuset-oest", "Rygestopkursus",
                    "Rygestop før jobstart", List.of("decline:NO_CAPACITY")),
            new Demo("jobcenter-aalborg-oest", "Amina Yusuf", "+45 31 84 26 59", "arabisk", "kvindernes-netvaerk",
                    "Syværksted og sprogcafé", "Sprogtræning og netværk", List.of()));

    void seedOnce(DemoData data) {
        if (Files.exists(marker)) {
            LOG.info("Referral demo data already seeded (remove {} to seed again into an empty referrals service)", marker);
            return;
        }
        Map<String, String> offers = awaitOffers(data);
        int made = 0;
        for (Demo demo : DEMOS) {
            JsonHttp referrer = client(demo.referrer());
            ObjectNode resident = JSON.createObjectNode().put("name", demo.resident()).put("phone", demo.phone())
                    .put("preferredLanguage", demo.language()).put("contactPreference", "PHONE");
            String residentId = ok(referrer.send("POST", "/api/residents", resident), "resident of " + demo.referrer()).path("id").asText();
            ObjectNode consent = JSON.createObjectNode().put("purpose", demo.purpose()).put("basis", "CONSENT").put("givenBy", "RESIDENT")
                    .put("givenOn", LocalDate.now(clock).toString()).put("expiresOn", LocalDate.now(clock).plusMonths(6).toString());
            consent.putArray("sharedData").add("NAME").add("PHONE").add("PREFERRED_LANGUAGE").add("CONTACT_PREFERENCE");
            ObjectNode referral = JSON.createObjectNode().put("residentId", residentId)
                    .put("recipient", data.partner(demo.recipient()).orElseThrow().id().toString())
                    .put("offerId", offers.get(demo.recipient() + "/" + demo.offerTitle()));
            referral.set("consent", consent);
            String id = ok(referrer.send("POST", "/api/referrals", referral), "referral to " + demo.offerTitle()).path("id").asText();
            JsonHttp recipient = client(demo.recipient());
            for (String step : demo.steps()) {
                String[] parts = step.split(":");
                ObjectNode body = JSON.createObjectNode();
                if (parts.length > 1) {
                    body.put(parts[0].equals("decline") ? "reason" : "outcome", parts[1]);
                }
                ok(recipient.send("POST", "/api/referrals/" + id + "/" + parts[0], body), parts[0] + " of " + demo.offerTitle());
            }
            made++;
        }
        LOG.info("Seeded referral demo data: {} referrals", made);
        try {
            Files.writeString(marker, "Referral demo data seeded " + OffsetDateTime.now(clock) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + marker, e);
        }
    }

    /** Waits until the referrals service's replica knows every offer referred to; offer id by "partner key/title". */
    private Map<String, String> awaitOffers(DemoData data) {
        JsonHttp any = client(DEMOS.get(0).referrer());
        long deadline = System.nanoTime() + replicaTimeout.toNanos();
        while (true) {
            JsonHttp.Answer answer = any.get("/api/referrals/offers");
            Map<String, String> offers = new HashMap<>();
            if (answer.ok()) {
                for (JsonNode offer : answer.json()) {
                    for (DemoData.Partner partner : data.partners()) {
                        if (partner.id().toString().equals(offer.path("partnerId").asText())) {
                            offers.put(partner.key() + "/" + offer.path("title").asText(), offer.path("offerId").asText());
                        }
                    }
                }
                if (DEMOS.stream().allMatch(d -> offers.containsKey(d.recipient() + "/" + d.offerTitle()))) {
                    return offers;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("referrals did not learn the demo offers from Kafka within " + replicaTimeout);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private JsonHttp client(String partnerKey) {
        return clients.computeIfAbsent(partnerKey, key -> new JsonHttp(http, referrals,
                new ServiceToken(http, issuer, "seed-" + key, "demo-seed-" + key, clock)));
    }

    private static JsonNode ok(JsonHttp.Answer answer, String what) {
        if (!answer.ok()) {
            throw new IllegalStateException("Seeding " + what + " failed: " + answer);
        }
        return answer.json();
    }
}
