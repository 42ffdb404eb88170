package dk.bindeled.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.bindeled.security.app.GuardedApplication;
import dk.bindeled.testsupport.TestIssuer;
import dk.bindeled.testsupport.TestIssuer.TestCaller;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The rules, the token checks and the refusals of security-support, over real HTTP with real signed tokens. */
@SpringBootTest(classes = GuardedApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "management.endpoints.web.exposure.include=health",
                // As every service has it (and its ProblemHandler besides): a MissingRightException as problem+json.
                "spring.mvc.problemdetails.enabled=true"})
class EndpointAccessTest {

    static final TestIssuer ISSUER = TestIssuer.shared();
    static final UUID CAFE = UUID.randomUUID();
    static final UUID OTHER = UUID.randomUUID();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        ISSUER.springProperties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    final HttpClient http = HttpClient.newHttpClient();

    record Answer(int status, String body, String contentType, String challenge, String retryAfter) {
    }

    Answer call(String method, String path, String token) throws IOException, InterruptedException {
        return call(port, method, path, token);
    }

    Answer call(int onPort, String method, String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + onPort + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Function<String, String> header = name -> response.headers().firstValue(name).orElse(null);
        return new Answer(response.statusCode(), response.body(), header.apply("Content-Type"), header.apply("WWW-Authenticate"),
                header.apply("Retry-After"));
    }

    static TestCaller cafeAdmin() {
        return TestIssuer.caller("leyla").name("Leyla").org(CAFE).orgCvr("12345678").roles(Roles.PARTNER_ADMIN).centres("motalavej");
    }

    @Test
    void publicReadsNeedNoToken() throws Exception {
        Answer open = call("GET", "/open/directory", null);
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.body()).contains("\"caller\":\"anonymous\"");
        assertThat(call("GET", "/v3/api-docs", null).status()).isNotIn(401, 403);
    }

    @Test
    void aMissingTokenIs401WithABearerChallengeAndAProblem() throws Exception {
        Answer answer = call("GET", "/me", null);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.challenge()).isEqualTo("Bearer realm=\"bindeled\"");
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"type\":\"https://bindeled.dk/problems/unauthenticated\"", "\"status\":401");
    }

    @Test
    void theCallerComesFromTheToken() throws Exception {
        Answer me = call("GET", "/me", ISSUER.token(cafeAdmin()));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body()).contains("\"subject\":\"leyla\"", "\"name\":\"Leyla\"", "\"org\":\"" + CAFE + "\"", "\"orgCvr\":\"12345678\"",
                "\"roles\":[\"partner-admin\"]", "\"centres\":[\"motalavej\"]");
    }

    @Test
    void theCommandActorIsTheTokensSubject() throws Exception {
        assertThat(call("GET", "/me/actor", ISSUER.token(cafeAdmin())).body()).isEqualTo("{\"actor\":\"leyla\"}");
        assertThat(new TokenCommandActor().current()).isEqualTo("anonymous");
    }

    @Test
    void everyBadTokenIs401InvalidTokenNever500() throws Exception {
        TestCaller caller = cafeAdmin();
        for (String bad : new String[] {ISSUER.expiredToken(caller), ISSUER.wrongIssuerToken(caller), ISSUER.wrongAudienceToken(caller),
                ISSUER.unsignedToken(caller), ISSUER.tamperedToken(caller), ISSUER.otherKeyToken(caller),
                ISSUER.otherKeySameKidToken(caller), "not-a-jwt", "a.b.c"}) {
            Answer answer = call("GET", "/me", bad);
            assertThat(answer.status()).as(bad).isEqualTo(401);
            assertThat(answer.challenge()).as(bad).startsWith("Bearer realm=\"bindeled\", error=\"invalid_token\", error_description=");
            assertThat(answer.body()).as(bad).contains("\"type\":\"https://bindeled.dk/problems/invalid-token\"");
            // Even on a public endpoint a bad token is refused: it was sent to be believed.
            assertThat(call("GET", "/open/directory", bad).status()).as(bad).isEqualTo(401);
        }
        assertThat(call("GET", "/me", ISSUER.expiredToken(caller)).challenge()).contains("expired");
    }

    @Test
    void aMissingRoleIs403NamingIt() throws Exception {
        Answer answer = call("POST", "/centres/motalavej/approve", ISSUER.token(cafeAdmin()));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"right\":\"role:centre-manager|admin\"", "missing-right");
        assertThat(call("POST", "/centres/motalavej/approve", null).status()).isEqualTo(401);
    }

    @Test
    void aPermissionsClassRefusalIs403NamingTheRight() throws Exception {
        String manager = ISSUER.token(TestIssuer.caller("bente").roles(Roles.CENTRE_MANAGER).centres("motalavej").org(OTHER));
        assertThat(call("POST", "/centres/motalavej/approve", manager).status()).isEqualTo(200);
        Answer otherCentre = call("POST", "/centres/hedemarken/approve", manager);
        assertThat(otherCentre.status()).isEqualTo(403);
        assertThat(otherCentre.contentType()).startsWith("application/problem+json");
        assertThat(otherCentre.body()).contains("\"right\":\"centre-manager-of-centre\"");

        assertThat(call("POST", "/partners/" + CAFE + "/profile", ISSUER.token(cafeAdmin())).status()).isEqualTo(200);
        Answer foreign = call("POST", "/partners/" + OTHER + "/profile", ISSUER.token(cafeAdmin()));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.body()).contains("\"right\":\"partner-admin-of-partner\"");
    }

    @Test
    void anEndpointWithoutARuleIsRefused() throws Exception {
        assertThat(call("GET", "/actor", null).status()).isEqualTo(401);
        Answer signedIn = call("GET", "/actor", ISSUER.token(TestIssuer.admin("birgitte")));
        assertThat(signedIn.status()).isEqualTo(403);
        assertThat(signedIn.body()).contains("\"right\":\"endpoint-not-open\"");
        // A method the rule does not name is not opened by it either.
        assertThat(call("DELETE", "/me", ISSUER.token(cafeAdmin())).status()).isEqualTo(403);
    }

    @Test
    void adminEndpointsAreForAdminsOnly() throws Exception {
        assertThat(call("POST", "/admin/projections/replay", null).status()).isEqualTo(401);
        Answer partner = call("POST", "/admin/projections/replay", ISSUER.token(cafeAdmin()));
        assertThat(partner.status()).isEqualTo(403);
        assertThat(partner.body()).contains("\"right\":\"role:admin\"");
        assertThat(call("POST", "/admin/projections/replay", ISSUER.token(TestIssuer.admin("birgitte"))).status()).isEqualTo(200);
    }

    @Test
    void theManagementServerIsUnaffected() throws Exception {
        assertThat(call(managementPort, "GET", "/actuator/health", null).status()).isEqualTo(200);
    }
}
