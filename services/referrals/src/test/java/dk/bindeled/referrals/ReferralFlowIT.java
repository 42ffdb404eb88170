package dk.bindeled.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.bindeled.events.Topics;
import dk.bindeled.referrals.api.Sealed;
import dk.bindeled.referrals.domain.PersonalDataVault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * A referral from a family consultant in Vesthimmerland to the health visitors' baby café in Morsø, through the API with
 * real tokens, PostgreSQL and Kafka: sent with consent, answered, contact made and completed, the referrer seeing the
 * outcome; another organisation seeing nothing; a revoked consent cutting the recipient off at its next read; and
 * forgetting the resident leaving none of its personal data readable anywhere the test searches.
 */
@SuppressWarnings("unchecked")
class ReferralFlowIT extends IntegrationTest {

    static final UUID FAMILY = UUID.fromString("6f1d0c2e-1a4b-4c6e-9a41-0b7c2d9e1f01");
    static final UUID HEALTH = UUID.fromString("6f1d0c2e-1a4b-4c6e-9a41-0b7c2d9e1f02");
    static final UUID OTHER = UUID.fromString("6f1d0c2e-1a4b-4c6e-9a41-0b7c2d9e1f03");

    final String mette = tokenOf("mette@vesthimmerland", FAMILY, "caseworker");
    final String sundhedsplejerske = tokenOf("hanne@sundhedsplejen", HEALTH, "partner-member");
    final String basen = tokenOf("jonas@basen", OTHER, "partner-member");

    @Autowired
    PersonalDataVault vault;

    @org.junit.jupiter.api.BeforeEach
    void offers() {
        offer(HEALTH, "Sundhedsplejen Morsø", "babycafe-morsoe", "Babycafé for unge mødre", 6, dk.bindeled.events.partner.v1.TargetGroup.YOUNG_MOTHERS);
    }

    @Test
    void aReferralWithConsentIsAnsweredContactedAndCompletedAndTheReferrerSeesTheOutcome() {
        String resident = register("Amira Haddad", "+45 21 43 65 87", "amira.haddad@example.dk");
        String referral = refer(resident, List.of("NAME", "PHONE", "CONTACT_PREFERENCE"));

        JsonNode received = expect(200, callAs(sundhedsplejerske, HttpMethod.GET, "/api/referrals/" + referral, null)).body();
        assertThat(received.get("side").asText()).isEqualTo("RECIPIENT");
        assertThat(received.get("residentShown").asText()).isEqualTo("SHOWN");
        assertThat(received.get("resident").get("name").asText()).isEqualTo("Amira Haddad");
        assertThat(received.get("resident").get("phone").asText()).isEqualTo("+45 21 43 65 87");
        // Only what the consent names: not the e-mail.
        assertThat(received.get("resident").path("email").textValue()).isNull();
        assertThat(received.get("resident").path("dateOfBirth").textValue()).isNull();
        assertThat(received.get("steps").toString()).contains("ACCEPT", "DECLINE", "FORWARD");
        assertThat(expect(200, callAs(sundhedsplejerske, HttpMethod.GET, "/api/referrals?box=received", null)).body().findValuesAsText("id"))
                .contains(referral);

        // Another organisation: the referral does not exist for it, and no step is possible.
        assertThat(callAs(basen, HttpMethod.GET, "/api/referrals/" + referral, null).status()).isEqualTo(404);
        assertThat(callAs(basen, HttpMethod.POST, "/api/referrals/" + referral + "/accept", Map.of()).status()).isEqualTo(404);
        assertThat(expect(200, callAs(basen, HttpMethod.GET, "/api/referrals?box=received", null)).body().findValuesAsText("id"))
                .doesNotContain(referral);
        // The referrer cannot answer its own referral.
        assertThat(callAs(mette, HttpMethod.POST, "/api/referrals/" + referral + "/accept", Map.of()).status()).isEqualTo(409);

        expect(204, callAs(sundhedsplejerske, HttpMethod.POST, "/api/referrals/" + referral + "/accept", Map.of("note", "Ringer tirsdag formiddag")));
        expect(204, callAs(sundhedsplejerske, HttpMethod.POST, "/api/referrals/" + referral + "/contact-made", Map.of()));
        expect(204, callAs(sundhedsplejerske, HttpMethod.POST, "/api/referrals/" + referral + "/complete", Map.of("outcome", "GOT_HELP")));

        JsonNode outcome = expect(200, callAs(mette, HttpMethod.GET, "/api/referrals/" + referral, null)).body();
        assertThat(outcome.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(outcome.get("timeline").findValuesAsText("step")).containsExactly("DRAFTED", "SENT", "ACCEPTED", "CONTACT_MADE", "COMPLETED");
        assertThat(outcome.get("timeline").get(4).get("detail").asText()).isEqualTo("GOT_HELP");
        assertThat(outcome.get("timeline").get(2).get("actor").asText()).isEqualTo("hanne@sundhedsplejen");
        // The recipient's note is the recipient's: the referrer sees that there is one.
        assertThat(outcome.get("timeline").get(2).get("hasNote").asBoolean()).isTrue();
        assertThat(outcome.get("timeline").get(2).get("note").isNull()).isTrue();
        assertThat(outcome.get("firstContactAt").isNull()).isFalse();

        // What left the service: the flow without any personal data.
        List<ConsumerRecord<String, byte[]>> records = consumeUntil(Topics.REFERRAL_V1,
                rs -> rs.stream().filter(r -> referral.equals(r.key())).count() >= 4, Duration.ofSeconds(30));
        assertThat(records.stream().filter(r -> referral.equals(r.key())).map(r -> header(r, "ce_type")))
                .containsExactly("dk.bindeled.referral.ReferralSent.v1", "dk.bindeled.referral.ReferralAccepted.v1",
                        "dk.bindeled.referral.ReferralContactMade.v1", "dk.bindeled.referral.ReferralCompleted.v1");
        String published = records.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).reduce("", String::concat);
        assertThat(published).doesNotContain("Amira", "21 43 65 87", "Ringer tirsdag");

        // The resident's export lists who read the data.
        JsonNode export = expect(200, callAs(mette, HttpMethod.GET, "/api/residents/" + resident + "/export", null)).body();
        assertThat(export.get("personalData").get("email").asText()).isEqualTo("amira.haddad@example.dk");
        assertThat(export.get("reads").findValuesAsText("reader")).contains("hanne@sundhedsplejen");
        assertThat(callAs(basen, HttpMethod.GET, "/api/residents/" + resident + "/export", null).status()).isEqualTo(404);
        // The same as a readable PDF: opened and its text read back.
        byte[] pdf = org.springframework.web.client.RestClient.create("http://127.0.0.1:" + port).get().uri("/api/residents/" + resident + "/export.pdf")
                .header("Authorization", "Bearer " + mette).retrieve().body(byte[].class);
        try (com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf)) {
            com.lowagie.text.pdf.parser.PdfTextExtractor text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
            String all = text.getTextFromPage(1);
            assertThat(all).contains("Indsigt i oplysninger om en borger").contains("Amira Haddad").contains("Hvem har set oplysningerne")
                    .contains("hanne@sundhedsplejen").contains("COMPLETED");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anOffersOwnReferralTermsFromThePartnerRegistrySetItsAnswerDeadline() {
        // The health visitors' open counselling answers within one working day (the default is five).
        offer(HEALTH, "Sundhedsplejen Morsø", "aaben-raadgivning-morsoe", "Åben rådgivning", 4,
                new dk.bindeled.events.partner.v1.ReferralTerms(1, 2), dk.bindeled.events.partner.v1.TargetGroup.YOUNG_MOTHERS);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT answer_working_days FROM offer_replica WHERE offer_id = 'aaben-raadgivning-morsoe'").query(Integer.class).optional()
                .filter(days -> days == 1).isPresent());
        // Within six and a half days: one working day is at most six (Wednesday before Easter to the Tuesday after), five
        // working days at least seven.
        long soonBefore = deadlinesWithin(Duration.ofHours(6 * 24 + 12));
        Map<String, Object> body = referralBody(register("Sara Nielsen", "+45 22 33 44 55", null), List.of("NAME"), LocalDate.now());
        body.put("offerId", "aaben-raadgivning-morsoe");
        expect(201, callAs(mette, HttpMethod.POST, "/api/referrals", body));
        assertThat(deadlinesWithin(Duration.ofHours(6 * 24 + 12))).isEqualTo(soonBefore + 1);
    }

    private long deadlinesWithin(Duration duration) {
        return jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE execution_time < ?")
                .param(java.time.OffsetDateTime.now().plus(duration)).query(Long.class).single();
    }

    @Test
    void aRevokedConsentHidesTheResidentFromTheRecipientAtItsNextRead() {
        String resident = register("Lina Petersen", "+45 30 11 22 33", null);
        String referral = refer(resident, List.of("NAME", "PHONE"));
        assertThat(expect(200, callAs(sundhedsplejerske, HttpMethod.GET, "/api/referrals/" + referral, null)).body()
                .get("resident").get("name").asText()).isEqualTo("Lina Petersen");
        String consent = expect(200, callAs(mette, HttpMethod.GET, "/api/referrals/" + referral, null)).body()
                .get("consents").get(0).get("consentId").asText();

        expect(204, callAs(mette, HttpMethod.POST, "/api/referrals/" + referral + "/consents/" + consent + "/revoke", null));

        JsonNode after = expect(200, callAs(sundhedsplejerske, HttpMethod.GET, "/api/referrals/" + referral, null)).body();
        assertThat(after.get("resident").isNull()).isTrue();
        assertThat(after.get("residentShown").asText()).isEqualTo("CONSENT_NOT_VALID");
        assertThat(after.toString()).doesNotContain("Lina", "30 11 22 33");
        assertThat(jdbc.sql("SELECT shared_data FROM referrals WHERE referral_id = ?").param(referral)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1))).single()).isEmpty();
        List<ConsumerRecord<String, byte[]>> records = consumeUntil(Topics.REFERRAL_V1,
                rs -> rs.stream().anyMatch(r -> referral.equals(r.key()) && "dk.bindeled.referral.ReferralConsentRevoked.v1".equals(header(r, "ce_type"))),
                Duration.ofSeconds(30));
        assertThat(records).anyMatch(r -> referral.equals(r.key()) && "dk.bindeled.referral.ReferralConsentRevoked.v1".equals(header(r, "ce_type")));
    }

    @Test
    void aReferralWithoutAValidConsentIsRefusedAndStoresNothing() {
        String resident = register("Omar Yusuf", "+45 40 50 60 70", null);
        long events = storedEvents();
        Map<String, Object> body = referralBody(resident, List.of("NAME"), LocalDate.now().plusDays(3));
        var refused = callAs(mette, HttpMethod.POST, "/api/referrals", body);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("rule").asText()).isEqualTo("no-valid-consent");
        Map<String, Object> blanket = referralBody(resident, List.of(), LocalDate.now());
        var invalid = callAs(mette, HttpMethod.POST, "/api/referrals", blanket);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().get("errors").get(0).get("field").asText()).isEqualTo("consent.sharedData");
        assertThat(storedEvents()).isEqualTo(events);
        // A resident registered by another organisation cannot be referred by this one.
        assertThat(callAs(basen, HttpMethod.POST, "/api/referrals", referralBody(resident, List.of("NAME"), LocalDate.now())).status())
                .isEqualTo(404);
    }

    @Test
    void aFullOfferIsRefusedWithAlternativesAndASecondReferralToTheSameOfferWithALinkToTheFirst() {
        offer(HEALTH, "Sundhedsplejen Morsø", "fyldt-raadgivning", "Åben rådgivning", 0, dk.bindeled.events.partner.v1.TargetGroup.YOUNG_MOTHERS);
        offer(OTHER, "Basen", "basens-mødregruppe", "Mødregruppe", 3, dk.bindeled.events.partner.v1.TargetGroup.YOUNG_MOTHERS);
        String resident = register("Sara Nielsen", "+45 22 44 66 88", null);
        Map<String, Object> toFull = referralBody(resident, List.of("NAME"), LocalDate.now());
        toFull.put("offerId", "fyldt-raadgivning");
        var full = callAs(mette, HttpMethod.POST, "/api/referrals", toFull);
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.body().get("rule").asText()).isEqualTo("offer-full");
        assertThat(full.body().get("alternatives").findValuesAsText("offerId")).contains("babycafe-morsoe", "basens-mødregruppe")
                .doesNotContain("fyldt-raadgivning");
        toFull.put("capacityOverrideReason", "Aftalt med sundhedsplejersken");
        assertThat(callAs(mette, HttpMethod.POST, "/api/referrals", toFull).status()).isEqualTo(201);

        String first = refer(resident, List.of("NAME"));
        var again = callAs(mette, HttpMethod.POST, "/api/referrals", referralBody(resident, List.of("NAME"), LocalDate.now()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("rule").asText()).isEqualTo("duplicate-referral");
        assertThat(again.body().get("referralId").asText()).isEqualTo(first);
        // The same target group at another organisation: a warning for the referrer, naming nothing of the other referral.
        Map<String, Object> toBasen = referralBody(resident, List.of("NAME"), LocalDate.now());
        toBasen.put("recipient", OTHER.toString());
        toBasen.put("offerId", "basens-mødregruppe");
        ((Map<String, Object>) toBasen.get("consent")).put("purpose", "Henvisning til mødregruppen");
        JsonNode warned = expect(201, callAs(mette, HttpMethod.POST, "/api/referrals", toBasen)).body();
        assertThat(warned.get("warnings").toString()).isEqualTo("[\"open-referral-same-target-group\"]");
        // A referral naming no target group is for its offer's.
        Map<String, Object> unnamed = referralBody(register("Ida Holm", "+45 20 20 20 20", null), List.of("NAME"), LocalDate.now());
        unnamed.remove("targetGroup");
        String unnamedId = expect(201, callAs(mette, HttpMethod.POST, "/api/referrals", unnamed)).body().get("id").asText();
        assertThat(expect(200, callAs(mette, HttpMethod.GET, "/api/referrals/" + unnamedId, null)).body().get("targetGroup").asText())
                .isEqualTo("YOUNG_MOTHERS");
        // The offers a form can choose from.
        assertThat(expect(200, callAs(mette, HttpMethod.GET, "/api/referrals/offers?targetGroup=YOUNG_MOTHERS", null)).body()
                .findValuesAsText("offerId")).contains("babycafe-morsoe", "basens-mødregruppe").doesNotContain("fyldt-raadgivning");
    }

    @Test
    void forgettingTheResidentLeavesNoReadablePersonalDataAnywhere() throws Exception {
        String name = "Fatima Al-Sayed " + UUID.randomUUID().toString().substring(0, 6);
        String phone = "+45 61 72 83 94";
        String email = "fatima." + UUID.randomUUID().toString().substring(0, 6) + "@example.dk";
        String note = "Har brug for tolk til arabisk " + UUID.randomUUID().toString().substring(0, 6);
        String resident = register(name, phone, email);
        String referral = refer(resident, List.of("NAME", "PHONE", "EMAIL"));
        expect(204, callAs(sundhedsplejerske, HttpMethod.POST, "/api/referrals/" + referral + "/accept", Map.of("note", note)));
        // The health visitors hand a status link to the volunteer who will meet her; its label names the volunteer.
        String volunteer = "Frivillig Karen " + UUID.randomUUID().toString().substring(0, 6);
        String link = expect(201, callAs(sundhedsplejerske, HttpMethod.POST, "/api/referrals/" + referral + "/status-links",
                Map.of("label", volunteer, "showPersonalData", true))).body().get("token").asText();
        assertThat(statusLink(link).get("resident").get("name").asText()).isEqualTo(name);
        String sealedRecord = jdbc.sql("SELECT data FROM residents WHERE resident_id = ? AND controller = ?").params(resident, FAMILY.toString())
                .query(String.class).single();
        assertThat(vault.open(resident, new Sealed(FAMILY.toString(), sealedRecord))).isPresent();

        // The municipality keeps its case record under its duty to keep records; the health visitors erase.
        assertThat(callAs(mette, HttpMethod.POST, "/api/residents/" + resident + "/forget", Map.of("decision", "REFUSE")).status()).isEqualTo(400);
        expect(204, callAs(mette, HttpMethod.POST, "/api/residents/" + resident + "/forget",
                Map.of("decision", "REFUSE", "legalBasis", "Journaliseringspligt, forvaltningsloven § 15")));
        expect(204, callAs(sundhedsplejerske, HttpMethod.POST, "/api/residents/" + resident + "/forget", Map.of("decision", "ERASE")));
        JsonNode recipientView = expect(200, callAs(sundhedsplejerske, HttpMethod.GET, "/api/referrals/" + referral, null)).body();
        assertThat(recipientView.get("resident").isNull()).isTrue();
        assertThat(recipientView.get("residentShown").asText()).isEqualTo("FORGOTTEN");
        assertThat(recipientView.get("statusLinks").get(0).get("hasLabel").asBoolean()).isFalse();
        JsonNode onTheLink = statusLink(link);
        assertThat(onTheLink.get("residentShown").asText()).isEqualTo("FORGOTTEN");
        assertThat(onTheLink.toString()).doesNotContain(name);
        assertThat(expect(200, callAs(mette, HttpMethod.GET, "/api/referrals/" + referral, null)).body().get("resident").get("name").asText())
                .isEqualTo(name);
        // Then the municipality's record too, when its duty ends.
        expect(204, callAs(mette, HttpMethod.POST, "/api/residents/" + resident + "/forget", Map.of("decision", "ERASE")));
        assertThat(callAs(mette, HttpMethod.POST, "/api/residents/" + resident + "/forget", Map.of("decision", "ERASE")).status()).isEqualTo(409);

        // The ciphertext in the event store is still there; its key is not.
        assertThat(vault.open(resident, new Sealed(FAMILY.toString(), sealedRecord))).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM resident_keys WHERE resident_id = ?").param(resident).query(Long.class).single()).isZero();
        JsonNode export = expect(200, callAs(mette, HttpMethod.GET, "/api/residents/" + resident + "/export", null)).body();
        assertThat(export.get("forgotten").asBoolean()).isTrue();
        assertThat(export.get("personalData").isNull()).isTrue();
        assertThat(export.get("erasures").findValuesAsText("decision")).containsExactly("REFUSED", "ERASED", "ERASED");

        List<String> secrets = List.of(name, phone, email, note, "Fatima", "Første barn", volunteer);
        // Every row of every table: the event store (payloads and metadata), snapshots, tokens, projections, the keys.
        List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")
                .query(String.class).list();
        assertThat(tables).contains("domain_event_entry", "snapshot_event_entry", "referrals", "referral_steps", "residents");
        StringBuilder everything = new StringBuilder();
        for (String table : tables) {
            jdbc.sql("SELECT * FROM " + table).query(rs -> {
                int columns = rs.getMetaData().getColumnCount();
                for (int i = 1; i <= columns; i++) {
                    Object value = rs.getObject(i);
                    everything.append(value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value)).append('\n');
                }
            });
        }
        assertThat(everything.toString()).contains(resident).doesNotContain(secrets);
        // Every record of the service's topics, the dead-letter topics included.
        List<String> topics = new ArrayList<>();
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers",
                dk.bindeled.testsupport.TestInfrastructure.kafka().bootstrapServers()))) {
            admin.listTopics().names().get().stream().filter(t -> t.startsWith(Topics.REFERRAL_V1)).forEach(topics::add);
        }
        assertThat(topics).contains(Topics.REFERRAL_V1);
        for (String topic : topics) {
            for (ConsumerRecord<String, byte[]> record : consumeUntil(topic, rs -> false, Duration.ofSeconds(3))) {
                StringBuilder text = new StringBuilder(new String(record.value(), StandardCharsets.UTF_8));
                for (Header h : record.headers()) {
                    text.append(new String(h.value(), StandardCharsets.UTF_8));
                }
                assertThat(text.toString()).as(topic).doesNotContain(secrets);
            }
        }
        // The application's log, at DEBUG for the service, Spring MVC and Axon.
        String log = Files.readString(Path.of("target/referrals-test.log"));
        assertThat(log).contains(referral).doesNotContain(secrets);
    }

    // --- helpers

    private JsonNode statusLink(String token) {
        return expect(200, openStatusLink(token)).body();
    }

    private String register(String name, String phone, String email) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("name", name);
        body.put("phone", phone);
        body.put("email", email);
        body.put("dateOfBirth", "1998-04-17");
        body.put("preferredLanguage", "arabisk");
        body.put("contactPreference", "SMS");
        return expect(201, callAs(mette, HttpMethod.POST, "/api/residents", body)).body().get("id").asText();
    }

    private String refer(String resident, List<String> fields) {
        return expect(201, callAs(mette, HttpMethod.POST, "/api/referrals", referralBody(resident, fields, LocalDate.now()))).body().get("id").asText();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> referralBody(String resident, List<String> fields, LocalDate givenOn) {
        Map<String, Object> consent = new java.util.HashMap<>();
        consent.put("purpose", "Henvisning til babycaféen for unge mødre");
        consent.put("sharedData", fields);
        consent.put("basis", "CONSENT");
        consent.put("givenBy", "RESIDENT");
        consent.put("givenOn", givenOn.toString());
        consent.put("expiresOn", givenOn.plusMonths(6).toString());
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("residentId", resident);
        body.put("recipient", HEALTH.toString());
        body.put("offerId", "babycafe-morsoe");
        body.put("targetGroup", "YOUNG_MOTHERS");
        body.put("note", "Første barn, 3 måneder");
        body.put("consent", consent);
        return body;
    }

    private Response expect(int status, Response response) {
        if (response.status() != status) {
            throw new AssertionError("Expected " + status + " but got " + response.status() + ": " + response.text());
        }
        return response;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
