package dk.bindeled.partner.hsds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dk.bindeled.partner.Fixtures;
import dk.bindeled.partner.IntegrationTest;
import dk.bindeled.partner.domain.Cvr;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;

/**
 * The HSDS export checked against our own HSDS 3.0 requirement schemas, always, and against the official Open
 * Referral HSDS 3.0 schemas when they are present (see {@link HsdsSchemas}): every endpoint, lists and single
 * items, every object in them, on a directory shaped like the demo data (centres with and without a street
 * address, offers without a place, partners without description, CVR, phone or website). Also: what the lists
 * hide stays hidden by id, contact people never appear, and each endpoint sends the same number of SQL
 * statements whatever the page size.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(StatementCounting.class)
class HsdsExportIT extends IntegrationTest {

    private static final int ACTIVE_PARTNERS = 24;
    private static final String[] SECTORS = {"PUBLIC", "PRIVATE", "THIRD_SECTOR", "INFORMAL"};
    private static final String[] KINDS = {"MUNICIPAL_DEPARTMENT", "SOCIAL_ECONOMY_BUSINESS", "ASSOCIATION", "INFORMAL_GROUP"};

    private final HsdsSchemas schemas = new HsdsSchemas();
    private final List<String> contactTexts = new ArrayList<>();
    private String inactivePartner;
    private String offerOfInactivePartner;
    private String withdrawnOffer;
    private int openOffers;
    private int openOffersWithPlace;

    @BeforeAll
    void aDirectoryLikeTheDemoData() {
        System.out.println(schemas.describe());
        for (int i = 0; i < ACTIVE_PARTNERS; i++) {
            String id = register(profile(i));
            addContact(id, i);
            offer(id, i);
            if (i % 6 == 0) {
                offer(id, i + 1);
            }
        }
        inactivePartner = register(profile(100));
        addContact(inactivePartner, 100);
        offerOfInactivePartner = offer(inactivePartner, 0);
        assertThat(call(HttpMethod.POST, "/api/partners/" + inactivePartner + "/deactivation", Map.of("reason", "Helhedsplanen udløb"))
                .status()).isEqualTo(204);
        openOffers--;
        openOffersWithPlace--;

        String withWithdrawn = register(profile(101));
        offer(withWithdrawn, 1);
        withdrawnOffer = offer(withWithdrawn, 2);
        assertThat(call(HttpMethod.POST, "/api/partners/" + withWithdrawn + "/offers/" + withdrawnOffer + "/withdrawal",
                Map.of("reason", "Holdet er nedlagt")).status()).isEqualTo(204);
        openOffers--;
        openOffersWithPlace--;

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(call(HttpMethod.GET, "/hsds/organizations?per_page=1", null).body().path("total_items").asInt())
                    .isEqualTo(ACTIVE_PARTNERS + 1);
            assertThat(call(HttpMethod.GET, "/hsds/services?per_page=1", null).body().path("total_items").asInt()).isEqualTo(openOffers);
            assertThat(call(HttpMethod.GET, "/hsds/services/" + withdrawnOffer + "?include_inactive=true", null).body()
                    .path("status").asText()).isEqualTo("defunct");
        });
    }

    @Test
    void everyObjectOfEveryEndpointIsValidAgainstTheHsds30Schemas() {
        JsonNode root = get("/hsds/");
        assertValid(HsdsSchemas.API_ROOT, root);
        assertThat(root.path("version").asText()).isEqualTo("3.0");
        assertThat(root.path("profile").asText()).startsWith("https://");
        assertThat(root.path("openapi_url").asText()).startsWith("http");

        List<JsonNode> organizations = everyItem("/hsds/organizations", 7, ACTIVE_PARTNERS + 1);
        for (JsonNode organization : organizations) {
            assertValid("compiled/organization_list.json", organization);
            assertValid("organization.json", organization);
            JsonNode single = get("/hsds/organizations/" + organization.path("id").asText());
            assertValid("organization.json", single);
            single.path("services").forEach(service -> assertValid("service.json", service));
        }
        assertThat(organizations).anySatisfy(o -> assertThat(o.path("organization_identifiers")).isNotEmpty());

        List<JsonNode> services = everyItem("/hsds/services", 8, openOffers);
        for (JsonNode service : services) {
            assertValid("compiled/service_list.json", service);
            assertValid("service.json", service);
            assertValid("service.json", get("/hsds/services/" + service.path("id").asText()));
        }
        assertThat(services).anySatisfy(s -> assertThat(s.path("service_at_locations").path(0).path("location").path("addresses")).isNotEmpty());
        assertThat(services).anySatisfy(s -> assertThat(s.path("schedules")).isNotEmpty());

        List<JsonNode> placements = everyItem("/hsds/service_at_locations", 9, openOffersWithPlace);
        for (JsonNode placement : placements) {
            assertValid("compiled/service_at_location_list.json", placement);
            assertValid("service_at_location.json", placement);
            // The API description names compiled/service.json for this endpoint; what it answers is a service_at_location.
            assertValid("service_at_location.json", get("/hsds/service_at_locations/" + placement.path("id").asText()));
        }

        List<JsonNode> taxonomies = everyItem("/hsds/taxonomies", 1, 2);
        for (JsonNode taxonomy : taxonomies) {
            assertValid("taxonomy.json", taxonomy);
            assertValid("taxonomy.json", get("/hsds/taxonomies/" + taxonomy.path("id").asText()));
        }
        List<JsonNode> terms = everyItem("/hsds/taxonomy_terms", 5, 4 + 15);
        for (JsonNode term : terms) {
            assertValid("taxonomy_term.json", term);
            assertValid("taxonomy_term.json", get("/hsds/taxonomy_terms/" + term.path("id").asText()));
        }
        JsonNode ofOneTaxonomy = get("/hsds/taxonomy_terms?taxonomy_id=" + taxonomies.get(0).path("id").asText() + "&per_page=50");
        assertValid(HsdsSchemas.PAGE, ofOneTaxonomy);
        ofOneTaxonomy.path("contents").forEach(t -> assertThat(t.path("taxonomy_id").asText()).isEqualTo(taxonomies.get(0).path("id").asText()));
    }

    @Test
    void pagesSayHowManyItemsTheyHoldAndWhereTheyAre() {
        JsonNode last = get("/hsds/services?page=4&per_page=" + (openOffers / 4 + 1));
        assertThat(last.path("page_number").asInt()).isEqualTo(4);
        assertThat(last.path("total_pages").asInt()).isEqualTo(4);
        assertThat(last.path("size").asInt()).isEqualTo(last.path("contents").size()).isLessThan(openOffers / 4 + 1);
        assertThat(last.path("first_page").asBoolean()).isFalse();
        assertThat(last.path("last_page").asBoolean()).isTrue();
        assertThat(last.path("empty").asBoolean()).isFalse();

        JsonNode beyond = get("/hsds/organizations?page=99&per_page=10");
        assertValid(HsdsSchemas.PAGE, beyond);
        assertThat(beyond.path("size").asInt()).isZero();
        assertThat(beyond.path("contents")).isEmpty();
        assertThat(beyond.path("total_items").asInt()).isEqualTo(ACTIVE_PARTNERS + 1);
    }

    @Test
    void derivedIdsAreTheSameOnEveryCall() {
        JsonNode first = get("/hsds/services?per_page=100");
        JsonNode second = get("/hsds/services?per_page=100");
        assertThat(second).isEqualTo(first);
        assertThat(get("/hsds/organizations?per_page=100")).isEqualTo(get("/hsds/organizations?per_page=100"));

        Map<String, String> locationByName = new HashMap<>();
        first.path("contents").forEach(s -> s.path("service_at_locations").forEach(sal -> {
            String name = sal.path("location").path("name").asText();
            String id = sal.path("location").path("id").asText();
            assertThat(locationByName.putIfAbsent(name, id)).as("one id for the place %s", name).isIn(null, id);
        }));
        assertThat(locationByName).containsKey("Morsø Bibliotek");
        Map<String, String> termByCode = new HashMap<>();
        first.path("contents").forEach(s -> s.path("attributes").forEach(a -> {
            String code = a.path("taxonomy_term").path("code").asText();
            assertThat(termByCode.putIfAbsent(code, a.path("taxonomy_term_id").asText())).isIn(null, a.path("taxonomy_term_id").asText());
        }));
        assertThat(termByCode).containsKey("YOUNG_MOTHERS");
    }

    @Test
    void whatTheListsHideIsNotFoundByIdUnlessAskedFor() {
        assertThat(ids("/hsds/organizations?per_page=100")).doesNotContain(inactivePartner);
        assertThat(ids("/hsds/services?per_page=100")).doesNotContain(withdrawnOffer, offerOfInactivePartner);

        assertNotFound("/hsds/organizations/" + inactivePartner);
        assertNotFound("/hsds/services/" + withdrawnOffer);
        assertNotFound("/hsds/services/" + offerOfInactivePartner);
        assertNotFound("/hsds/service_at_locations/" + withdrawnOffer);
        assertNotFound("/hsds/organizations/" + UUID.randomUUID());
        assertNotFound("/hsds/taxonomies/" + UUID.randomUUID());
        assertNotFound("/hsds/taxonomy_terms/" + UUID.randomUUID());

        JsonNode inactive = get("/hsds/organizations/" + inactivePartner + "?include_inactive=true");
        assertValid("organization.json", inactive);
        assertThat(inactive.path("id").asText()).isEqualTo(inactivePartner);
        JsonNode withdrawn = get("/hsds/services/" + withdrawnOffer + "?include_inactive=true");
        assertValid("service.json", withdrawn);
        assertThat(withdrawn.path("status").asText()).isEqualTo("defunct");
        assertThat(get("/hsds/services/" + offerOfInactivePartner + "?include_inactive=true").path("status").asText()).isEqualTo("defunct");
        String placement = get("/hsds/services/" + withdrawnOffer + "?include_inactive=true").path("service_at_locations").path(0).path("id").asText();
        assertValid("service_at_location.json", get("/hsds/service_at_locations/" + placement + "?include_inactive=true"));
    }

    @Test
    void badParametersAreProblemsNamingTheField() {
        for (String query : List.of("/hsds/organizations?page=0", "/hsds/services?per_page=0", "/hsds/service_at_locations?per_page=501",
                "/hsds/taxonomy_terms?page=x", "/hsds/services/" + withdrawnOffer + "?include_inactive=perhaps")) {
            Response response = call(HttpMethod.GET, query, null);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            String field = query.substring(query.indexOf('?') + 1, query.indexOf('='));
            assertThat(response.body().path("errors").path(0).path("field").asText()).as(query).isEqualTo(field);
        }
    }

    @Test
    void contactPeopleNeverAppearInTheExport() {
        List<String> bodies = new ArrayList<>();
        for (String list : List.of("/hsds/organizations", "/hsds/services", "/hsds/service_at_locations")) {
            JsonNode page = get(list + "?per_page=100");
            bodies.add(page.toString());
            page.path("contents").forEach(item -> bodies.add(call(HttpMethod.GET, list + "/" + item.path("id").asText(), null).text()));
        }
        bodies.add(call(HttpMethod.GET, "/hsds/organizations/" + inactivePartner + "?include_inactive=true", null).text());
        assertThat(contactTexts).isNotEmpty();
        for (String body : bodies) {
            assertThat(body).doesNotContain("\"contacts\"");
            for (String text : contactTexts) {
                assertThat(body).doesNotContain(text);
            }
        }
    }

    @Test
    void eachEndpointSendsAFixedNumberOfStatementsWhateverThePageSize() {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (String list : List.of("/hsds/organizations", "/hsds/services", "/hsds/service_at_locations", "/hsds/taxonomies",
                "/hsds/taxonomy_terms")) {
            int one = statements(list + "?per_page=1");
            int twenty = statements(list + "?per_page=20");
            counts.put(list, new int[] {one, twenty});
        }
        String organization = ids("/hsds/organizations?per_page=1").get(0);
        String service = ids("/hsds/services?per_page=1").get(0);
        String placement = ids("/hsds/service_at_locations?per_page=1").get(0);
        counts.put("/hsds/organizations/{id}", new int[] {statements("/hsds/organizations/" + organization)});
        counts.put("/hsds/services/{id}", new int[] {statements("/hsds/services/" + service)});
        counts.put("/hsds/service_at_locations/{id}", new int[] {statements("/hsds/service_at_locations/" + placement)});
        counts.put("/hsds/", new int[] {statements("/hsds/")});
        counts.forEach((endpoint, n) -> System.out.println("SQL statements " + endpoint + " " + java.util.Arrays.toString(n)));

        counts.forEach((endpoint, n) -> {
            assertThat(n[n.length - 1]).as("statements of %s", endpoint).isEqualTo(n[0]).isLessThanOrEqualTo(6);
        });
    }

    private int statements(String path) {
        String key = UUID.randomUUID().toString();
        int status = RestClient.create("http://127.0.0.1:" + port).get().uri(path).header(StatementCounting.HEADER, key)
                .exchange((request, response) -> response.getStatusCode().value());
        assertThat(status).as(path).isEqualTo(200);
        return StatementCounting.statements(key);
    }

    /** Walks every page of a list, checking each page's metadata, and returns the items of all pages. */
    private List<JsonNode> everyItem(String list, int perPage, int expectedTotal) {
        List<JsonNode> items = new ArrayList<>();
        int pages = (expectedTotal + perPage - 1) / perPage;
        for (int number = 1; number <= pages; number++) {
            JsonNode page = get(list + "?page=" + number + "&per_page=" + perPage);
            assertValid(HsdsSchemas.PAGE, page);
            assertThat(page.path("total_items").asInt()).as(list).isEqualTo(expectedTotal);
            assertThat(page.path("total_pages").asInt()).as(list).isEqualTo(pages);
            assertThat(page.path("page_number").asInt()).isEqualTo(number);
            assertThat(page.path("size").asInt()).as("items on page %d of %s", number, list)
                    .isEqualTo(page.path("contents").size())
                    .isEqualTo(number < pages ? perPage : expectedTotal - (pages - 1) * perPage);
            assertThat(page.path("first_page").asBoolean()).isEqualTo(number == 1);
            assertThat(page.path("last_page").asBoolean()).isEqualTo(number == pages);
            assertThat(page.path("empty").asBoolean()).isFalse();
            page.path("contents").forEach(items::add);
        }
        assertThat(items).extracting(i -> i.path("id").asText()).doesNotHaveDuplicates().hasSize(expectedTotal);
        return items;
    }

    private JsonNode get(String path) {
        Response response = call(HttpMethod.GET, path, null);
        assertThat(response.status()).as("GET %s: %s", path, response.text()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        return response.body();
    }

    private List<String> ids(String path) {
        List<String> ids = new ArrayList<>();
        get(path).path("contents").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private void assertNotFound(String path) {
        Response response = call(HttpMethod.GET, path, null);
        assertThat(response.status()).as(path).isEqualTo(404);
        assertThat(response.contentType()).as(path).startsWith("application/problem+json");
        assertThat(response.body().path("status").asInt()).isEqualTo(404);
    }

    private void assertValid(String schema, JsonNode node) {
        assertThat(schemas.violations(schema, node)).as("%s against %s", node, schema).isEmpty();
    }

    private Map<String, Object> profile(int i) {
        Map<String, Object> profile = Fixtures.profile("Aktør " + i + " " + UUID.randomUUID().toString().substring(0, 6), null);
        profile.put("sector", SECTORS[i % 4]);
        profile.put("kind", KINDS[i % 4]);
        if (i % 4 == 1) {
            profile.remove("description");
        }
        if (i % 3 == 0 && i % 4 != 3) {
            profile.put("cvr", validCvr());
        }
        if (i % 2 == 1) {
            profile.remove("phone");
        }
        if (i % 5 == 2) {
            profile.put("website", "https://bydelsmødre-" + i + ".example.dk/om-os");
        } else if (i % 5 == 3) {
            profile.remove("website");
            profile.remove("email");
        }
        return profile;
    }

    private void addContact(String partnerId, int i) {
        String name = "Kontaktperson" + i + "x" + partnerId.substring(0, 4);
        String email = "kontakt" + i + "." + partnerId.substring(0, 8) + "@privat.example.dk";
        String phone = "+45 70 " + (10 + i % 90) + " " + partnerId.replaceAll("\\D", "0").substring(0, 2) + " 99";
        contactTexts.add(name);
        contactTexts.add(email);
        contactTexts.add(phone);
        Response response = call(HttpMethod.POST, "/api/partners/" + partnerId + "/contacts",
                Map.of("name", name, "role", "Koordinator", "workEmail", email, "workPhone", phone));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
    }

    /** Offers in the shapes the demo data has: at a centre with a street address, an address only, a centre without a street, no place. */
    private String offer(String partnerId, int i) {
        Map<String, Object> offer = Fixtures.babyCafe();
        offer.put("title", "Tilbud " + i + " " + UUID.randomUUID().toString().substring(0, 6));
        switch (i % 5) {
            case 1 -> offer.put("location", Map.of("address", "Motalavej, 4220 Korsør"));
            case 2 -> offer.put("location", Map.of("centreId", "sundheds-og-kvartershuset", "centreName", "Sundheds- og Kvartershuset",
                    "address", "9220 Aalborg Øst"));
            case 3 -> {
                offer.put("location", Map.of("centreId", "foreningernes-hus", "centreName", "Foreningernes Hus", "address", "Aarhus"));
                offer.put("schedules", List.of());
                offer.remove("capacity");
                offer.remove("languages");
                offer.remove("minimumAge");
                offer.remove("maximumAge");
                offer.remove("cost");
                offer.remove("description");
            }
            case 4 -> {
                offer.remove("location");
                offer.put("status", "TEMPORARILY_CLOSED");
                offer.put("schedules", List.of(Map.of("byDay", List.of("MONDAY", "WEDNESDAY"), "opensAt", "13:00", "closesAt", "15:00")));
            }
            default -> {
            }
        }
        Response response = call(HttpMethod.POST, "/api/partners/" + partnerId + "/offers", offer);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        openOffers++;
        if (offer.containsKey("location")) {
            openOffersWithPlace++;
        }
        return response.body().get("id").asText();
    }

    private static String validCvr() {
        Random random = new Random();
        String cvr;
        do {
            cvr = String.valueOf(10_000_000 + random.nextInt(90_000_000));
        } while (!Cvr.isValid(cvr));
        return cvr;
    }
}
