package dk.bindeled.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.bindeled.events.Topics;
import dk.bindeled.testsupport.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;

/**
 * The status link, through the API on PostgreSQL and Kafka with a clock the test moves: the job centre in Aalborg Øst
 * refers a resident to the library's homework café, whose volunteers have no accounts. A link opens without signing in,
 * shows the course of the referral and — only on a link issued to show it, and only while the consent holds — the data the
 * consent names; each such read is in the resident's access log. It stops at once when revoked, when the consent goes
 * (the data only), and when it expires; an unknown token is answered exactly like an expired one.
 */
@Import(MutableClock.Configuration.class)
class StatusLinkIT extends IntegrationTest {

    static final UUID JOB_CENTRE = UUID.fromString("8b3f1d40-3c6d-4e80-9c63-2d9e4f1a3b01");
    static final UUID LIBRARY = UUID.fromString("8b3f1d40-3c6d-4e80-9c63-2d9e4f1a3b02");
    static final UUID OTHER = UUID.fromString("8b3f1d40-3c6d-4e80-9c63-2d9e4f1a3b03");

    final String louise = tokenOf("louise@jobcenter-aalborg", JOB_CENTRE, "caseworker");
    final String lise = tokenOf("lise@biblioteket-aalborg-oest", LIBRARY, "partner-admin");
    final String stranger = tokenOf("jonas@basen", OTHER, "partner-member");

    @Autowired
    MutableClock clock;

    @Test
    void aLinkShowsTheCourseAndOnlyTheConsentedDataUntilItIsRevokedOrExpires() throws Exception {
        clock.set(java.time.Instant.now());
        offer(LIBRARY, "Biblioteket i Aalborg Øst", "lektiecafe-aalborg-oest", "Lektiecafé", null, dk.bindeled.events.partner.v1.TargetGroup.CHILDREN);
        String name = "Khadija Noor " + UUID.randomUUID().toString().substring(0, 6);
        String residentId = register(name, "+45 26 37 48 59");
        String referral = expect(201, callAs(louise, HttpMethod.POST, "/api/referrals", referral(residentId))).body().get("id").asText();

        // No link on behalf of a referral one is not a side of; nonsense is refused naming the field.
        assertThat(callAs(stranger, HttpMethod.POST, "/api/referrals/" + referral + "/status-links", Map.of()).status()).isEqualTo(404);
        Response tooLong = callAs(louise, HttpMethod.POST, "/api/referrals/" + referral + "/status-links", Map.of("expiresInDays", 90));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.text()).contains("expiresInDays");

        String volunteers = "Frivillige i lektiecaféen, Birgitte " + UUID.randomUUID().toString().substring(0, 4);
        JsonNode withData = expect(201, callAs(louise, HttpMethod.POST, "/api/referrals/" + referral + "/status-links",
                Map.of("label", volunteers, "expiresInDays", 7, "showPersonalData", true))).body();
        String token = withData.get("token").asText();
        JsonNode statusOnly = expect(201, callAs(lise, HttpMethod.POST, "/api/referrals/" + referral + "/status-links", Map.of())).body();

        // Opened by anyone holding it, without a token of the platform.
        Response opened = open(token);
        assertThat(opened.status()).as(opened.text()).isEqualTo(200);
        assertThat(opened.body().get("status").asText()).isEqualTo("SENT");
        assertThat(opened.body().get("offerTitle").asText()).isEqualTo("Lektiecafé");
        assertThat(opened.body().get("recipientName").asText()).isEqualTo("Biblioteket i Aalborg Øst");
        assertThat(opened.body().get("resident").get("name").asText()).isEqualTo(name);
        assertThat(opened.body().get("resident").path("phone").textValue()).as("not in the consent").isNull();
        assertThat(opened.text()).doesNotContain("louise@", "Bemærkning til biblioteket", volunteers);
        Response plain = open(statusOnly.get("token").asText());
        assertThat(plain.body().get("resident").isNull()).isTrue();
        assertThat(plain.body().get("residentShown").asText()).isEqualTo("NOT_ON_THIS_LINK");
        assertThat(plain.text()).doesNotContain(name);

        // The course moves on and the link follows.
        expect(204, callAs(lise, HttpMethod.POST, "/api/referrals/" + referral + "/accept", Map.of("note", "Mødes torsdag kl. 15")));
        assertThat(open(token).body().get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(open(token).body().get("timeline").findValuesAsText("step")).containsExactly("DRAFTED", "SENT", "ACCEPTED");
        assertThat(open(token).text()).doesNotContain("torsdag");

        // Each side sees the links, the label only its issuer, and how often each was opened.
        JsonNode asReferrer = expect(200, callAs(louise, HttpMethod.GET, "/api/referrals/" + referral, null)).body().get("statusLinks");
        assertThat(asReferrer).hasSize(2);
        assertThat(asReferrer.get(0).get("label").asText()).isEqualTo(volunteers);
        assertThat(asReferrer.get(0).get("opened").asInt()).isEqualTo(4);
        assertThat(asReferrer.get(0).get("usable").asBoolean()).isTrue();
        JsonNode asRecipient = expect(200, callAs(lise, HttpMethod.GET, "/api/referrals/" + referral, null)).body().get("statusLinks");
        assertThat(asRecipient.get(0).get("label").isNull()).isTrue();
        assertThat(asRecipient.get(0).get("hasLabel").asBoolean()).isTrue();
        // The resident's export names the link as a reader of the data, for the organisation that handed it out.
        JsonNode reads = expect(200, callAs(louise, HttpMethod.GET, "/api/residents/" + residentId + "/export", null)).body().get("reads");
        assertThat(reads.findValuesAsText("reader")).contains("status-link:" + withData.get("linkId").asText());
        assertThat(reads.findValuesAsText("reader")).doesNotContain("status-link:" + statusOnly.get("linkId").asText());
        // Issuing a link reads no personal data: nothing is added to the access log by it.
        long before = jdbc.sql("SELECT COUNT(*) FROM personal_data_reads WHERE resident_id = ?").param(residentId).query(Long.class).single();
        expect(201, callAs(louise, HttpMethod.POST, "/api/referrals/" + referral + "/status-links", Map.of("showPersonalData", true)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM personal_data_reads WHERE resident_id = ?").param(residentId).query(Long.class).single())
                .as("reads logged by issuing a link").isEqualTo(before);

        // A revoked consent takes the data off the link at its next opening; the course stays.
        String consent = expect(200, callAs(louise, HttpMethod.GET, "/api/referrals/" + referral, null)).body().get("consents").get(0).get("consentId").asText();
        expect(204, callAs(louise, HttpMethod.POST, "/api/referrals/" + referral + "/consents/" + consent + "/revoke", null));
        Response afterConsent = open(token);
        assertThat(afterConsent.body().get("resident").isNull()).isTrue();
        assertThat(afterConsent.body().get("residentShown").asText()).isEqualTo("CONSENT_NOT_VALID");
        assertThat(afterConsent.text()).doesNotContain(name);

        // Revoked by the other side: gone at once, told as for any unknown link.
        expect(204, callAs(lise, HttpMethod.POST, "/api/referrals/" + referral + "/status-links/" + withData.get("linkId").asText() + "/revoke", null));
        Response revoked = open(token);
        assertThat(revoked.status()).isEqualTo(404);
        assertThat(revoked.contentType()).contains("problem+json");
        assertThat(callAs(louise, HttpMethod.POST, "/api/referrals/" + referral + "/status-links/" + withData.get("linkId").asText() + "/revoke", null)
                .status()).isEqualTo(409);
        Response unknown = open(dk.bindeled.referrals.domain.StatusLinkPolicy.newToken());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("detail").asText()).isEqualTo(revoked.body().get("detail").asText());
        assertThat(open(null).status()).isEqualTo(404);
        assertThat(open("x").status()).isEqualTo(404);

        // Expiry: the library's link was for the default fourteen days.
        clock.advance(Duration.ofDays(14).minusMinutes(1));
        assertThat(open(statusOnly.get("token").asText()).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(2));
        assertThat(open(statusOnly.get("token").asText()).status()).isEqualTo(404);
        assertThat(expect(200, callAs(lise, HttpMethod.GET, "/api/referrals/" + referral, null)).body().get("statusLinks").get(1).get("usable").asBoolean())
                .isFalse();

        // The token is kept nowhere: not in a table, not on the topic, not in the log (only its hash is stored).
        String hash = dk.bindeled.referrals.domain.StatusLinkPolicy.hash(token);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM status_links WHERE token_hash = ?").param(hash).query(Long.class).single()).isEqualTo(1);
        List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'").query(String.class).list();
        for (String table : tables) {
            String rows = jdbc.sql("SELECT CAST(t AS TEXT) FROM \"" + table + "\" t").query(String.class).list().toString();
            assertThat(rows).as(table).doesNotContain(token);
        }
        String published = consumeUntil(Topics.REFERRAL_V1, rs -> rs.stream().anyMatch(r -> referral.equals(r.key())), Duration.ofSeconds(30))
                .stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).reduce("", String::concat);
        assertThat(published).doesNotContain(token, hash, volunteers);
        assertThat(Files.readString(Path.of("target/referrals-test.log"))).contains(referral).doesNotContain(token, volunteers, name);
    }

    /** Opened as by someone without an account; never to be cached. */
    private Response open(String token) {
        Response response = openStatusLink(token);
        assertThat(response.headers().getCacheControl()).as("never cached").contains("no-store");
        return response;
    }

    private String register(String name, String phone) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("phone", phone);
        body.put("contactPreference", "PHONE");
        return expect(201, callAs(louise, HttpMethod.POST, "/api/residents", body)).body().get("id").asText();
    }

    private Map<String, Object> referral(String residentId) {
        Map<String, Object> consent = Map.of("purpose", "Lektiehjælp til borgerens søn", "sharedData", List.of("NAME"), "basis", "CONSENT",
                "givenBy", "RESIDENT", "givenOn", LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Copenhagen"))).toString());
        return Map.of("residentId", residentId, "recipient", LIBRARY.toString(), "offerId", "lektiecafe-aalborg-oest", "consent", consent,
                "note", "Bemærkning til biblioteket");
    }

    private Response expect(int status, Response response) {
        if (response.status() != status) {
            throw new AssertionError("Expected " + status + " but got " + response.status() + ": " + response.text());
        }
        return response;
    }
}
