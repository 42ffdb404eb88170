package dk.bindeled.partner.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.bindeled.partner.Fixtures;
import dk.bindeled.partner.IntegrationTest;
import dk.bindeled.testsupport.TestIssuer;
import dk.bindeled.testsupport.TestIssuer.TestCaller;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * Tokens through the real validation path: a missing or bad one is a 401 with a Bearer challenge, never a 500;
 * the actor on every event is the token's subject; contact people are not open data; a registration may choose its id.
 */
class TokenRefusalIT extends IntegrationTest {

    record Raw(int status, String challenge, String contentType, String body) {
    }

    Raw raw(String method, String path, String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Raw(response.statusCode(), response.headers().firstValue("WWW-Authenticate").orElse(null),
                response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    @Test
    void aMissingTokenIs401WithAChallenge() throws Exception {
        Raw answer = raw("POST", "/api/partners", null, json(Fixtures.profile("Uden token", null)));
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.challenge()).startsWith("Bearer");
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(raw("POST", "/api/partners", "Basic dXNlcjpwYXNz", json(Fixtures.profile("Basic", null))).status()).isEqualTo(401);
    }

    @Test
    void everyBadTokenIs401NeverA500() throws Exception {
        long before = storedEvents();
        TestCaller admin = TestIssuer.admin("birgitte");
        Map<String, String> bad = Map.of(
                "expired", ISSUER.expiredToken(admin),
                "wrong issuer", ISSUER.wrongIssuerToken(admin),
                "wrong audience", ISSUER.wrongAudienceToken(admin),
                "alg none", ISSUER.unsignedToken(admin),
                "tampered", ISSUER.tamperedToken(TestIssuer.caller("viewer@test").roles("viewer")),
                "another key", ISSUER.otherKeyToken(admin),
                "another key under our kid", ISSUER.otherKeySameKidToken(admin),
                "garbage", "x.y.z");
        bad.forEach((kind, token) -> {
            try {
                Raw answer = raw("POST", "/api/partners", "Bearer " + token, json(Fixtures.profile("Med " + kind, null)));
                assertThat(answer.status()).as(kind).isEqualTo(401);
                assertThat(answer.challenge()).as(kind).contains("error=\"invalid_token\"");
                assertThat(answer.contentType()).as(kind).startsWith("application/problem+json");
            } catch (Exception e) {
                throw new AssertionError(kind, e);
            }
        });
        assertThat(storedEvents()).as("nothing stored for a refused token").isEqualTo(before);
    }

    @Test
    void theActorOnEveryEventIsTheTokensSubject() {
        String id = register(Fixtures.profile("Café Sumak", null));
        String leyla = ISSUER.token(TestIssuer.caller("leyla@cafe-sumak").roles("partner-admin").org(UUID.fromString(id)));
        assertThat(callAs(leyla, HttpMethod.PUT, "/api/partners/" + id + "/profile", Fixtures.profile("Café Sumak ApS", null)).status())
                .isEqualTo(204);
        List<String> metadata = jdbc.sql("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")
                .param(id).query((rs, n) -> new String(rs.getBytes(1), java.nio.charset.StandardCharsets.UTF_8)).list();
        assertThat(metadata).hasSize(2);
        assertThat(metadata.get(0)).contains("\"actor\":\"" + ACTOR + "\"");
        assertThat(metadata.get(1)).contains("\"actor\":\"leyla@cafe-sumak\"");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Response history = callAs(leyla, HttpMethod.GET, "/api/partners/" + id + "/history", null);
            assertThat(history.body()).hasSize(2);
            assertThat(history.body().get(1).get("actor").asText()).isEqualTo("leyla@cafe-sumak");
        });
    }

    @Test
    void contactPeopleAreShownToThePartnersOwnMembersAndTheAdminOnly() {
        String id = register(Fixtures.profile("Lektiehjælpen", null));
        assertThat(call(HttpMethod.POST, "/api/partners/" + id + "/contacts", Map.of("name", "Hanne Holm", "workEmail", "hanne@lektie.dk"))
                .status()).isEqualTo(201);
        String member = ISSUER.token(TestIssuer.caller("sara").roles("partner-member").org(UUID.fromString(id)));
        String stranger = ISSUER.token(TestIssuer.caller("ahmed").roles("partner-admin").org(UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(callAs(member, HttpMethod.GET, "/api/partners/" + id, null).body().get("contacts")).hasSize(1));
        assertThat(call(HttpMethod.GET, "/api/partners/" + id, null).body().get("contacts")).hasSize(1);
        for (String outsider : new String[] {null, stranger}) {
            Response open = callAs(outsider, HttpMethod.GET, "/api/partners/" + id, null);
            assertThat(open.status()).isEqualTo(200);
            assertThat(open.body().get("contacts")).isEmpty();
            assertThat(open.text()).doesNotContain("Hanne", "hanne@lektie.dk");
        }
        Response hsds = callAs(null, HttpMethod.GET, "/hsds/organizations", null);
        assertThat(hsds.status()).isEqualTo(200);
        assertThat(hsds.text()).doesNotContain("Hanne", "hanne@lektie.dk");
        Response refused = callAs(stranger, HttpMethod.POST, "/api/partners/" + id + "/contacts", Map.of("name", "Indtrænger"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("right").asText()).isEqualTo("partner-admin-of-partner");
    }

    @Test
    void anAdminMayRegisterUnderAChosenIdOnce() {
        UUID id = UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(Fixtures.profile("Demo-partner", null));
        body.put("id", id.toString());
        Response first = call(HttpMethod.POST, "/api/partners", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().get("id").asText()).isEqualTo(id.toString());
        assertThat(call(HttpMethod.POST, "/api/partners", body).status()).isEqualTo(409);
        String partnerAdmin = ISSUER.token(TestIssuer.caller("leyla").roles("partner-admin").org(id));
        Response refused = callAs(partnerAdmin, HttpMethod.POST, "/api/partners", Fixtures.profile("Ikke admin", null));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("right").asText()).isEqualTo("role:admin");
    }
}
