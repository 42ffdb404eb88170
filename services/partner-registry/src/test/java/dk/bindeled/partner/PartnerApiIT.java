package dk.bindeled.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** The REST API end to end on real PostgreSQL: bad input, broken rules, queries, HSDS, history, metrics. */
class PartnerApiIT extends IntegrationTest {

    @Test
    void invalidInputIsA400NamingEveryFieldAndStoresNothing() {
        long before = storedEvents();
        Map<String, Object> body = new HashMap<>();
        body.put("name", " ");
        body.put("sector", "PUBLIC");
        body.put("kind", "LIBRARY");
        body.put("cvr", "1234");
        body.put("email", "not-an-email");
        body.put("website", "ftp://x");

        Response response = call(HttpMethod.POST, "/api/partners", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(fields(response)).containsExactlyInAnyOrder("cvr", "email", "name", "website");
        assertThat(response.body().get("errors").get(0).get("reason").asText()).isNotBlank();
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void anUnknownEnumValueOrACvrFailingItsChecksumIsA400OnThatField() {
        Map<String, Object> body = Fixtures.profile("Forkert sektor", null);
        body.put("sector", "GOVERNMENT");
        Response badEnum = call(HttpMethod.POST, "/api/partners", body);
        assertThat(badEnum.status()).isEqualTo(400);
        assertThat(fields(badEnum)).containsExactly("sector");
        assertThat(badEnum.body().get("errors").get(0).get("reason").asText()).contains("THIRD_SECTOR");

        long before = storedEvents();
        Response checksum = call(HttpMethod.POST, "/api/partners", Fixtures.profile("Forkert CVR", "12345678"));
        assertThat(checksum.status()).isEqualTo(400);
        assertThat(fields(checksum)).containsExactly("cvr");
        assertThat(storedEvents()).isEqualTo(before);

        Response malformed = call(HttpMethod.POST, "/api/partners", "{not json");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(fields(malformed)).containsExactly("body");
    }

    @Test
    void anInvalidOfferNamesItsNestedFields() {
        String id = register(Fixtures.profile("Sundhedsplejen Morsø", null));
        Map<String, Object> offer = Fixtures.babyCafe();
        offer.put("targetGroups", List.of());
        offer.put("schedules", List.of(Map.of("byDay", List.of(), "opensAt", "09:30", "closesAt", "11:30")));
        offer.put("capacity", Map.of("maximum", -1));
        Response response = call(HttpMethod.POST, "/api/partners/" + id + "/offers", offer);
        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactlyInAnyOrder("capacity.maximum", "schedules[0].byDay", "targetGroups");

        offer = Fixtures.babyCafe();
        offer.put("capacity", Map.of("maximum", 5, "available", 9));
        Response domainRule = call(HttpMethod.POST, "/api/partners/" + id + "/offers", offer);
        assertThat(domainRule.status()).isEqualTo(400);
        assertThat(fields(domainRule)).containsExactly("capacity.available");
    }

    @Test
    void anOffersReferralTermsAreCheckedKeptAndShownAndLeftOutMeansTheDefault() {
        String id = register(Fixtures.profile("Sundhedsplejen Morsø", null));
        Map<String, Object> offer = Fixtures.babyCafe();
        offer.put("referralTerms", Map.of("answerWorkingDays", 0, "contactDays", 400));
        long before = storedEvents();
        Response bad = call(HttpMethod.POST, "/api/partners/" + id + "/offers", offer);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).containsExactlyInAnyOrder("referralTerms.answerWorkingDays", "referralTerms.contactDays");
        assertThat(storedEvents()).isEqualTo(before);

        offer.put("referralTerms", Map.of("answerWorkingDays", 2, "contactDays", 7));
        String offerId = call(HttpMethod.POST, "/api/partners/" + id + "/offers", offer).body().get("id").asText();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
            com.fasterxml.jackson.databind.JsonNode shown = call(HttpMethod.GET, "/api/offers/" + offerId, null).body();
            assertThat(shown.get("referralTerms").get("answerWorkingDays").asInt()).isEqualTo(2);
            assertThat(shown.get("referralTerms").get("contactDays").asInt()).isEqualTo(7);
        });
        // An update that leaves the terms out goes back to the defaults: the registry replaces offers whole.
        assertThat(call(HttpMethod.PUT, "/api/partners/" + id + "/offers/" + offerId, Fixtures.babyCafe()).status()).isEqualTo(204);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(call(HttpMethod.GET, "/api/offers/" + offerId, null).body().get("referralTerms").isNull()).isTrue());
    }

    @Test
    void unknownIdsAre404() {
        String unknown = UUID.randomUUID().toString();
        assertThat(call(HttpMethod.GET, "/api/partners/" + unknown, null).status()).isEqualTo(404);
        assertThat(call(HttpMethod.GET, "/api/partners/" + unknown + "/history", null).status()).isEqualTo(404);
        Response command = call(HttpMethod.POST, "/api/partners/" + unknown + "/offers", Fixtures.babyCafe());
        assertThat(command.status()).isEqualTo(404);
        assertThat(command.contentType()).startsWith("application/problem+json");
        String id = register(Fixtures.profile("Foreningernes Hus", null));
        assertThat(call(HttpMethod.DELETE, "/api/partners/" + id + "/contacts/nobody", null).status()).isEqualTo(404);
        assertThat(call(HttpMethod.GET, "/hsds/services/" + unknown, null).status()).isEqualTo(404);
    }

    @Test
    void brokenRulesAre409AndStoreNothing() {
        String id = register(Fixtures.profile("Boligsocial helhedsplan Motalavej", null));
        assertThat(call(HttpMethod.POST, "/api/partners/" + id + "/deactivation", Map.of("reason", "Helhedsplanen udløb")).status())
                .isEqualTo(204);
        long before = storedEvents();
        Response offer = call(HttpMethod.POST, "/api/partners/" + id + "/offers", Fixtures.babyCafe());
        assertThat(offer.status()).isEqualTo(409);
        assertThat(offer.body().get("detail").asText()).contains("deactivated");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void noTwoActivePartnersShareACvrEvenWhenTheyRegisterAtOnce() throws Exception {
        String cvr = validCvr();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            Callable<Integer> task = () -> call(HttpMethod.POST, "/api/partners", Fixtures.profile("Kandidat " + n, cvr)).status();
            results.add(pool.submit(task));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : results) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cvr_claim WHERE cvr = ?").param(cvr).query(Long.class).single()).isEqualTo(1);

        // Deactivating the holder frees the number for the next partner.
        String holder = jdbc.sql("SELECT partner_id FROM cvr_claim WHERE cvr = ?").param(cvr).query(String.class).single();
        assertThat(call(HttpMethod.POST, "/api/partners/" + holder + "/deactivation", null).status()).isEqualTo(204);
        register(Fixtures.profile("Efterfølger", cvr));
    }

    @Test
    void theDirectorySearchesByTextSectorTargetGroupCentreAndFreeCapacity() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> library = Fixtures.profile("Morsø Bibliotek " + tag, null);
        library.put("sector", "PUBLIC");
        library.put("kind", "LIBRARY");
        String libraryId = register(library);
        assertThat(call(HttpMethod.POST, "/api/partners/" + libraryId + "/offers", Fixtures.babyCafe()).status()).isEqualTo(201);
        assertThat(call(HttpMethod.PUT, "/api/partners/" + libraryId + "/centres/morsoe-" + tag,
                Map.of("centreName", "Morsø Bibliotek", "role", "RESIDENT_ACTOR")).status()).isEqualTo(204);
        String otherId = register(Fixtures.profile("Lektiecafé " + tag, null));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(ids(call(HttpMethod.GET, "/api/partners?q=" + tag, null))).containsExactlyInAnyOrder(libraryId, otherId);
            assertThat(ids(call(HttpMethod.GET, "/api/partners?q=babycafé " , null))).contains(libraryId);
            assertThat(ids(call(HttpMethod.GET, "/api/partners?q=" + tag + "&sector=PUBLIC", null))).containsExactly(libraryId);
            assertThat(ids(call(HttpMethod.GET, "/api/partners?q=" + tag + "&targetGroup=YOUNG_MOTHERS", null))).containsExactly(libraryId);
            assertThat(ids(call(HttpMethod.GET, "/api/partners?centre=morsoe-" + tag, null))).containsExactly(libraryId);
            assertThat(ids(call(HttpMethod.GET, "/api/partners?q=" + tag + "&freeCapacity=true", null))).containsExactly(libraryId);
        });

        Response page = call(HttpMethod.GET, "/api/partners?q=" + tag + "&size=1&page=1", null);
        assertThat(page.body().get("totalItems").asLong()).isEqualTo(2);
        assertThat(page.body().get("totalPages").asInt()).isEqualTo(2);
        assertThat(page.body().get("items")).hasSize(1);

        Response badFilter = call(HttpMethod.GET, "/api/partners?targetGroup=PENGUINS&size=1000", null);
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(fields(badFilter)).contains("targetGroup");
    }

    @Test
    void theHistoryListsEveryEventInOrderWithWhoAndWhen() {
        String id = register(Fixtures.profile("Somalisk forening", null));
        call(HttpMethod.POST, "/api/partners/" + id + "/contacts", Map.of("name", "Beboerambassadør Hodan", "role", "Ambassadør"));
        call(HttpMethod.POST, "/api/partners/" + id + "/deactivation", Map.of("reason", "Slået sammen"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Response history = call(HttpMethod.GET, "/api/partners/" + id + "/history", null);
            assertThat(history.body()).hasSize(3);
            List<String> types = new ArrayList<>();
            history.body().forEach(e -> types.add(e.get("type").asText()));
            assertThat(types).containsExactly("PartnerRegistered", "ContactPersonAdded", "PartnerDeactivated");
            assertThat(history.body().get(0).get("actor").asText()).isEqualTo("tovholder@test");
            assertThat(history.body().get(0).get("occurredAt").asText()).isNotBlank();
            assertThat(history.body().get(2).get("summary").asText()).isEqualTo("Deactivated: Slået sammen");
        });
    }

    @Test
    void theHsdsExportUsesTheStandardsFieldNames() {
        Map<String, Object> profile = Fixtures.profile("Sundhedsplejen " + UUID.randomUUID(), validCvr());
        profile.put("sector", "PUBLIC");
        profile.put("kind", "MUNICIPAL_DEPARTMENT");
        String id = register(profile);
        call(HttpMethod.POST, "/api/partners/" + id + "/contacts", Map.of("name", "Mette", "role", "Sundhedsplejerske",
                "workEmail", "mette@morsoe.dk", "workPhone", "+45 99 70 71 00"));
        String offerId = call(HttpMethod.POST, "/api/partners/" + id + "/offers", Fixtures.babyCafe()).body().get("id").asText();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Response service = call(HttpMethod.GET, "/hsds/services/" + offerId, null);
            assertThat(service.status()).isEqualTo(200);
            JsonNode s = service.body();
            assertThat(s.get("organization_id").asText()).isEqualTo(id);
            assertThat(s.get("name").asText()).isEqualTo("Babycafé for unge mødre");
            assertThat(s.get("status").asText()).isEqualTo("active");
            assertThat(s.get("minimum_age").asInt()).isEqualTo(16);
            assertThat(s.get("maximum_age").asInt()).isEqualTo(30);
            assertThat(s.get("eligibility_description").asText()).contains("young mothers");
            assertThat(s.get("languages").get(0).get("code").asText()).isEqualTo("da");
            JsonNode schedule = s.get("schedules").get(0);
            assertThat(schedule.get("freq").asText()).isEqualTo("WEEKLY");
            assertThat(schedule.get("byday").asText()).isEqualTo("TU");
            assertThat(schedule.get("opens_at").asText()).isEqualTo("09:30");
            assertThat(schedule.get("closes_at").asText()).isEqualTo("11:30");
            assertThat(schedule.get("valid_from").asText()).isEqualTo("2026-01-06");
            assertThat(schedule.get("valid_to").asText()).isEqualTo("2026-12-15");
            assertThat(s.get("capacities").get(0).get("available").asInt()).isEqualTo(5);
            assertThat(s.get("capacities").get(0).get("maximum").asInt()).isEqualTo(12);
            JsonNode address = s.get("service_at_locations").get(0).get("location").get("addresses").get(0);
            assertThat(address.get("postal_code").asText()).isEqualTo("7900");
            assertThat(address.get("city").asText()).isEqualTo("Nykøbing Mors");
            assertThat(address.get("state_province").asText()).isEqualTo("Region Nordjylland");
            // Open data without contact people: the contact added above is not in it.
            assertThat(s.has("contacts")).isFalse();
            assertThat(service.text()).doesNotContain("mette@morsoe.dk").doesNotContain("+45 99 70 71 00");
        });

        Response organizations = call(HttpMethod.GET, "/hsds/organizations?per_page=500", null);
        JsonNode page = organizations.body();
        assertThat(page.get("page_number").asInt()).isEqualTo(1);
        assertThat(page.get("first_page").asBoolean()).isTrue();
        assertThat(page.has("total_items") && page.has("total_pages") && page.has("size") && page.has("last_page") && page.has("empty")).isTrue();
        JsonNode organization = null;
        for (JsonNode o : page.get("contents")) {
            if (o.get("id").asText().equals(id)) {
                organization = o;
            }
        }
        assertThat(organization).isNotNull();
        assertThat(organization.get("organization_identifiers").get(0).get("identifier_scheme").asText()).isEqualTo("DK-CVR");
        assertThat(organization.get("organization_identifiers").get(0).get("identifier").asText()).isEqualTo(profile.get("cvr"));
        assertThat(organization.get("attributes").get(0).get("value").asText()).isEqualTo("PUBLIC");
        assertThat(organization.get("website").asText()).isEqualTo("https://sumak.example.dk");

        Response services = call(HttpMethod.GET, "/hsds/services?page=1&per_page=1", null);
        assertThat(services.body().get("size").asInt()).isEqualTo(1);
        assertThat(services.body().get("contents")).hasSize(1);
    }

    @Test
    void commandsAndPublishedEventsAreCountedForPrometheus() {
        register(Fixtures.profile("Målt forening", null));
        call(HttpMethod.POST, "/api/partners/" + UUID.randomUUID() + "/contacts", Map.of("name", "Ingen"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = call(HttpMethod.GET, "/actuator/prometheus", null).text();
            assertThat(metrics).contains("bindeled_commands_total{")
                    .contains("command=\"RegisterPartner\"")
                    .contains("outcome=\"rejected\"")
                    .contains("bindeled_events_published_total{")
                    .contains("type=\"dk.bindeled.partner.PartnerRegistered.v1\"")
                    .contains("bindeled_events_publish_failures_total");
        });
        assertThat(call(HttpMethod.GET, "/actuator/health", null).body().get("status").asText()).isEqualTo("UP");
        assertThat(managementPort).isNotEqualTo(port);
        // No rule opens it on the API's port (deny by default), and nothing would answer there anyway.
        assertThat(call(port, HttpMethod.GET, "/actuator/health", null).status()).as("no actuator on the API's port").isIn(403, 404);
        assertThat(call(HttpMethod.GET, "/v3/api-docs", null).body().get("paths").has("/api/partners")).isTrue();
    }

    private static List<String> fields(Response response) {
        List<String> fields = new ArrayList<>();
        response.body().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    private static List<String> ids(Response response) {
        List<String> ids = new ArrayList<>();
        response.body().get("items").forEach(e -> ids.add(e.get("id").asText()));
        return ids;
    }

    /** A random valid CVR, so reruns on a reused database never collide. */
    private static String validCvr() {
        java.util.Random random = new java.util.Random();
        String cvr;
        do {
            cvr = String.valueOf(10_000_000 + random.nextInt(90_000_000));
        } while (!dk.bindeled.partner.domain.Cvr.isValid(cvr));
        return cvr;
    }
}
