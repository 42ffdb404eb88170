package dk.bindeled.partner.access;

import static dk.bindeled.testsupport.AccessMatrix.ROLES;

import dk.bindeled.partner.Fixtures;
import dk.bindeled.partner.IntegrationTest;
import dk.bindeled.testsupport.AccessMatrix;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the partner registry × every role × the caller's own partner or another: the one table of
 * who may do what here. An endpoint added without a row fails this test.
 */
class PartnerAccessMatrixIT extends IntegrationTest {

    static final String ADMIN = ROLES.get(0);
    static final String PARTNER_ADMIN = "partner-admin";
    static final String PARTNER_MEMBER = "partner-member";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointRefusesAndAllowsAsTheTableSays() {
        UUID own = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        register(withId(own, "Café Sumak"));
        register(withId(other, "Lektiehjælpen"));
        AccessMatrix matrix = AccessMatrix.of("partner-registry", mappings).orgs(own, other);
        String profile = json(Fixtures.profile("Café Sumak", null));

        // Open data: anyone, signed in or not.
        matrix.row("GET /api/partners").path("/api/partners?q=caf").anyone();
        matrix.row("GET /api/partners/{partnerId}").path(t -> "/api/partners/" + t.org()).anyone();
        matrix.row("GET /api/offers/{offerId}").path("/api/offers/" + UUID.randomUUID()).anyone();
        for (String hsds : new String[] {"", "/", "/organizations", "/services", "/service_at_locations", "/taxonomies", "/taxonomy_terms"}) {
            matrix.row("GET /hsds" + hsds).path("/hsds" + hsds).anyone();
        }
        for (String hsds : new String[] {"/organizations", "/services", "/service_at_locations", "/taxonomies", "/taxonomy_terms"}) {
            matrix.row("GET /hsds" + hsds + "/{id}").path("/hsds" + hsds + "/" + UUID.randomUUID()).anyone();
        }
        // Who changed what, contact people included: the partner's own people and the admin.
        matrix.row("GET /api/partners/{partnerId}/history").path(t -> "/api/partners/" + t.org() + "/history")
                .allow(ADMIN).allowOwn(PARTNER_ADMIN, PARTNER_MEMBER);
        // The partner's own admins edit it (and the platform admin).
        matrix.row("PUT /api/partners/{partnerId}/profile").path(t -> "/api/partners/" + t.org() + "/profile").body(profile)
                .allow(ADMIN).allowOwn(PARTNER_ADMIN);
        matrix.row("POST /api/partners/{partnerId}/contacts").path(t -> "/api/partners/" + t.org() + "/contacts")
                .body("{\"name\":\"Hodan\",\"role\":\"Ambassadør\"}").allow(ADMIN).allowOwn(PARTNER_ADMIN);
        matrix.row("DELETE /api/partners/{partnerId}/contacts/{contactPersonId}")
                .path(t -> "/api/partners/" + t.org() + "/contacts/" + UUID.randomUUID()).allow(ADMIN).allowOwn(PARTNER_ADMIN);
        matrix.row("POST /api/partners/{partnerId}/offers").path(t -> "/api/partners/" + t.org() + "/offers")
                .body(json(Fixtures.babyCafe())).allow(ADMIN).allowOwn(PARTNER_ADMIN);
        matrix.row("PUT /api/partners/{partnerId}/offers/{offerId}").path(t -> "/api/partners/" + t.org() + "/offers/" + UUID.randomUUID())
                .body(json(Fixtures.babyCafe())).allow(ADMIN).allowOwn(PARTNER_ADMIN);
        matrix.row("POST /api/partners/{partnerId}/offers/{offerId}/withdrawal")
                .path(t -> "/api/partners/" + t.org() + "/offers/" + UUID.randomUUID() + "/withdrawal").allow(ADMIN).allowOwn(PARTNER_ADMIN);
        matrix.row("POST /api/partners/{partnerId}/resources").path(t -> "/api/partners/" + t.org() + "/resources")
                .body("{\"name\":\"Køkkenet\",\"category\":\"KITCHEN\"}").allow(ADMIN).allowOwn(PARTNER_ADMIN);
        matrix.row("DELETE /api/partners/{partnerId}/resources/{resourceId}")
                .path(t -> "/api/partners/" + t.org() + "/resources/" + UUID.randomUUID()).allow(ADMIN).allowOwn(PARTNER_ADMIN);
        // The platform admin registers partners, manages centre membership, deactivates, replays.
        matrix.row("POST /api/partners").path("/api/partners").body(t -> json(Fixtures.profile("Ny forening " + UUID.randomUUID(), null)))
                .allow(ADMIN);
        matrix.row("PUT /api/partners/{partnerId}/centres/{centreId}").path(t -> "/api/partners/" + t.org() + "/centres/motalavej")
                .body("{\"centreName\":\"Kvarterhuset på Motalavej\",\"role\":\"RESIDENT_ACTOR\"}").allow(ADMIN);
        matrix.row("DELETE /api/partners/{partnerId}/centres/{centreId}").path(t -> "/api/partners/" + t.org() + "/centres/hedemarken")
                .allow(ADMIN);
        matrix.row("GET /admin/projections/directory").path("/admin/projections/directory").allow(ADMIN);
        matrix.row("POST /admin/projections/directory/replay").path("/admin/projections/directory/replay").allow(ADMIN);
        // Last, so the partners stay active for the rows above.
        matrix.row("POST /api/partners/{partnerId}/deactivation").path(t -> "/api/partners/" + t.org() + "/deactivation")
                .body("{\"reason\":\"Matrix\"}").allow(ADMIN);
        // The platform's: API docs and the error page are public.
        for (String endpoint : matrix.endpoints()) {
            if (endpoint.contains("/v3/api-docs") || endpoint.contains("swagger")) {
                matrix.row(endpoint).path(endpoint.substring(endpoint.indexOf(' ') + 1).replace("{group}", "x")).anyone();
            }
        }
        matrix.row("ANY /error").path("/error").anyone();
        matrix.verify("http://127.0.0.1:" + port, ISSUER);
    }

    static Map<String, Object> withId(UUID id, String name) {
        Map<String, Object> body = new HashMap<>(Fixtures.profile(name, null));
        body.put("id", id.toString());
        return body;
    }
}
