package dk.bindeled.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dk.bindeled.identity.domain.DemoPartnerIds;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The provider over real HTTP, as the services and the web app will use it: discovery, JWKS, client credentials,
 * the browser's authorization code flow with PKCE through the Danish login form, refresh, userinfo, logout, and a
 * signing key that outlives a restart. Every token is checked with Nimbus against the published JWKS.
 */
class IdentityFlowIT {

    private static final String REDIRECT = "http://localhost:8080/app/login/oauth2/code/bindeled";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    static Path keyDir;

    private static IdentityServer server;

    @BeforeAll
    static void start() {
        server = IdentityServer.start(keyDir);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void discoveryNamesTheIssuerAndEveryEndpointAndTheJwksHoldsOneRs256Key() throws Exception {
        Http http = new Http();
        HttpResponse<String> discovery = http.get(server.url("/.well-known/openid-configuration"), "application/json");
        assertThat(discovery.statusCode()).isEqualTo(200);
        JsonNode document = Http.json(discovery);
        assertThat(document.get("issuer").asString()).isEqualTo(server.issuer());
        assertThat(document.get("authorization_endpoint").asString()).isEqualTo(server.url("/oauth2/authorize"));
        assertThat(document.get("token_endpoint").asString()).isEqualTo(server.url("/oauth2/token"));
        assertThat(document.get("jwks_uri").asString()).isEqualTo(server.url("/oauth2/jwks"));
        assertThat(document.get("userinfo_endpoint").asString()).isEqualTo(server.url("/userinfo"));
        assertThat(document.get("end_session_endpoint").asString()).isEqualTo(server.url("/connect/logout"));
        assertThat(strings(document.get("grant_types_supported")))
                .contains("authorization_code", "refresh_token", "client_credentials");
        assertThat(strings(document.get("code_challenge_methods_supported"))).contains("S256");
        assertThat(strings(document.get("id_token_signing_alg_values_supported"))).contains("RS256");

        JWKSet jwks = JWKSet.parse(http.get(server.url("/oauth2/jwks"), "application/json").body());
        assertThat(jwks.getKeys()).hasSize(1);
        assertThat(jwks.getKeys().get(0).getKeyID()).isNotBlank();
        assertThat(jwks.getKeys().get(0).getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwks.getKeys().get(0).toRSAKey().size()).isEqualTo(2048);
        assertThat(jwks.getKeys().get(0).isPrivate()).as("only the public half is published").isFalse();
    }

    @Test
    void aClientCredentialsTokenIsSignedForBindeledAndCarriesTheClientsClaims() throws Exception {
        Http http = new Http();
        JWTClaimsSet seeder = verify(clientToken(http, "local-stack"), "bindeled");
        assertThat(seeder.getSubject()).isEqualTo("local-stack");
        assertThat(seeder.getStringListClaim("roles")).containsExactly("admin", "centre-manager");
        assertThat(seeder.getStringListClaim("centres"))
                .containsExactly("motalavej", "foreningernes-hus", "hedemarken", "sundheds-og-kvartershuset");
        assertThat(seeder.getClaims()).doesNotContainKeys("org", "org_cvr");
        assertThat(Duration.between(seeder.getIssueTime().toInstant(), seeder.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(15));

        JWTClaimsSet script = verify(clientToken(http, "script-cafe-sumak"), "bindeled");
        assertThat(script.getSubject()).isEqualTo("script-cafe-sumak");
        assertThat(script.getStringListClaim("roles")).containsExactly("partner-admin");
        assertThat(script.getStringClaim("org")).isEqualTo(DemoPartnerIds.of("cafe-sumak").toString());
        assertThat(script.getClaims()).doesNotContainKey("org_cvr");
        assertThat(script.getStringListClaim("centres")).isEmpty();

        HttpResponse<String> wrongSecret = http.token(server.url("/oauth2/token"), "local-stack", "not-the-secret",
                Map.of("grant_type", "client_credentials"));
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(Http.json(wrongSecret).get("error").asString()).isEqualTo("invalid_client");

        HttpResponse<String> anonymous = http.postAnyAccept(server.url("/oauth2/token"), Map.of("grant_type", "client_credentials"));
        assertThat(anonymous.statusCode()).as("a script is answered 401, not sent to the login page").isEqualTo(401);
    }

    @Test
    void theBrowserFlowWithPkceGivesAccessIdAndRefreshTokensWithTheUsersClaimsAndRefreshRotates() throws Exception {
        Http browser = new Http();
        String verifier = randomUrlSafe(32);
        String nonce = randomUrlSafe(12);
        String code = signIn(browser, "hanne", "demo-hanne", challenge(verifier), nonce);

        HttpResponse<String> exchange = browser.token(server.url("/oauth2/token"), "bindeled-web", "demo-bindeled-web",
                Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT,
                        "code_verifier", verifier));
        assertThat(exchange.statusCode()).as(exchange.body()).isEqualTo(200);
        JsonNode tokens = Http.json(exchange);
        assertThat(tokens.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(tokens.get("refresh_token").asString()).isNotBlank();

        JWTClaimsSet access = verify(tokens.get("access_token").asString(), "bindeled");
        assertHanne(access);
        assertThat(access.getAudience()).containsExactly("bindeled");
        JWTClaimsSet id = verify(tokens.get("id_token").asString(), "bindeled-web");
        assertHanne(id);
        assertThat(id.getStringClaim("nonce")).isEqualTo(nonce);

        HttpResponse<String> userInfo = browser.getWithBearer(server.url("/userinfo"), tokens.get("access_token").asString());
        assertThat(userInfo.statusCode()).as(userInfo.body()).isEqualTo(200);
        JsonNode info = Http.json(userInfo);
        assertThat(info.get("sub").asString()).isEqualTo("hanne");
        assertThat(info.get("org_cvr").asString()).isEqualTo("12972997");
        assertThat(strings(info.get("roles"))).containsExactly("partner-admin");

        String refreshToken = tokens.get("refresh_token").asString();
        HttpResponse<String> refreshed = browser.token(server.url("/oauth2/token"), "bindeled-web", "demo-bindeled-web",
                Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        JsonNode renewed = Http.json(refreshed);
        JWTClaimsSet renewedAccess = verify(renewed.get("access_token").asString(), "bindeled");
        assertHanne(renewedAccess);
        assertThat(renewedAccess.getJWTID()).isNotEqualTo(access.getJWTID());
        assertHanne(verify(renewed.get("id_token").asString(), "bindeled-web"));
        assertThat(renewed.get("refresh_token").asString()).isNotEqualTo(refreshToken);

        HttpResponse<String> reused = browser.token(server.url("/oauth2/token"), "bindeled-web", "demo-bindeled-web",
                Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
        assertThat(reused.statusCode()).as("a used refresh token is spent").isEqualTo(400);
        assertThat(Http.json(reused).get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void aWrongPasswordShowsTheDanishErrorOnTheLoginPage() {
        Http browser = new Http();
        HttpResponse<String> login = browser.get(server.url("/login"), "text/html");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("lang=\"da\"", "<label for=\"username\">Brugernavn</label>",
                "<label for=\"password\">Adgangskode</label>", ">Log ind</button>", "autofocus")
                .doesNotContain("Forkert brugernavn eller adgangskode");

        HttpResponse<String> refused = browser.postForm(server.url("/login"),
                Map.of("username", "hanne", "password", "demo-someone-else", "_csrf", csrf(login.body())));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(Http.location(refused)).endsWith("/login?error");

        HttpResponse<String> again = browser.get(resolve(Http.location(refused)), "text/html");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("role=\"alert\">Forkert brugernavn eller adgangskode</p>",
                "aria-describedby=\"login-error\"", "aria-invalid=\"true\"");
    }

    @Test
    void anAuthorizationRequestWithoutPkceIsRefused() {
        HttpResponse<String> answer = new Http().get(server.url("/oauth2/authorize?response_type=code&client_id=bindeled-web"
                + "&scope=openid&state=s1&redirect_uri=" + Http.encode(REDIRECT)), "text/html");
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(Http.location(answer)).startsWith(REDIRECT + "?error=invalid_request").contains("state=s1");
    }

    @Test
    void rpInitiatedLogoutEndsTheSessionAndReturnsToTheApp() throws Exception {
        Http browser = new Http();
        String verifier = randomUrlSafe(32);
        String code = signIn(browser, "bente", "demo-bente", challenge(verifier), "n1");
        JsonNode tokens = Http.json(browser.token(server.url("/oauth2/token"), "bindeled-web", "demo-bindeled-web",
                Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT, "code_verifier", verifier)));

        HttpResponse<String> logout = browser.get(server.url("/connect/logout?id_token_hint=" + tokens.get("id_token").asString()
                + "&post_logout_redirect_uri=" + Http.encode("http://localhost:8080/app/signed-out") + "&state=bye"), "text/html");
        assertThat(logout.statusCode()).as(logout.body()).isEqualTo(302);
        assertThat(Http.location(logout)).isEqualTo("http://localhost:8080/app/signed-out?state=bye");

        HttpResponse<String> authorizeAgain = browser.get(authorizeUrl(challenge(randomUrlSafe(32)), "n2"), "text/html");
        assertThat(authorizeAgain.statusCode()).isEqualTo(302);
        assertThat(Http.location(authorizeAgain)).as("signed out: the login page again").endsWith("/login");
    }

    @Test
    void theSigningKeySurvivesARestartSoEarlierTokensStillVerify(@TempDir Path ownKeyDir) throws Exception {
        String kid;
        String token;
        int port;
        try (IdentityServer first = IdentityServer.start(ownKeyDir)) {
            port = first.port();
            Http http = new Http();
            kid = JWKSet.parse(http.get(first.url("/oauth2/jwks"), "application/json").body()).getKeys().get(0).getKeyID();
            token = clientToken(http, first, "script-familieraadgivningen-albertslund");
        }
        try (IdentityServer second = IdentityServer.start(ownKeyDir, port)) {
            JWKSet jwks = JWKSet.parse(new Http().get(second.url("/oauth2/jwks"), "application/json").body());
            assertThat(jwks.getKeys()).hasSize(1);
            assertThat(jwks.getKeys().get(0).getKeyID()).isEqualTo(kid);
            assertThat(SignedJWT.parse(token).getHeader().getKeyID()).isEqualTo(kid);
            JWTClaimsSet claims = verify(second, token, "bindeled");
            assertThat(claims.getSubject()).isEqualTo("script-familieraadgivningen-albertslund");
            assertThat(claims.getStringListClaim("roles")).containsExactly("caseworker");
            assertThat(claims.getStringClaim("org")).isEqualTo(DemoPartnerIds.of("familieraadgivningen-albertslund").toString());
        }
    }

    // --- the browser's steps -----------------------------------------------------------------------------------

    /** GET /oauth2/authorize → login form → POST credentials with CSRF → the saved request → the code at the app. */
    private static String signIn(Http browser, String username, String password, String challenge, String nonce) {
        HttpResponse<String> authorize = browser.get(authorizeUrl(challenge, nonce), "text/html");
        assertThat(authorize.statusCode()).as(authorize.body()).isEqualTo(302);
        assertThat(Http.location(authorize)).endsWith("/login");

        HttpResponse<String> form = browser.get(resolve(Http.location(authorize)), "text/html");
        assertThat(form.statusCode()).isEqualTo(200);
        HttpResponse<String> signedIn = browser.postForm(server.url("/login"),
                Map.of("username", username, "password", password, "_csrf", csrf(form.body())));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        assertThat(Http.location(signedIn)).as("back to the authorization request").contains("/oauth2/authorize");

        HttpResponse<String> granted = browser.get(resolve(Http.location(signedIn)), "text/html");
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(302);
        URI redirect = URI.create(Http.location(granted));
        assertThat(redirect.toString()).startsWith(REDIRECT + "?");
        Map<String, String> query = query(redirect);
        assertThat(query).containsEntry("state", "st-" + nonce);
        return query.get("code");
    }

    private static String authorizeUrl(String challenge, String nonce) {
        return server.url("/oauth2/authorize?response_type=code&client_id=bindeled-web"
                + "&scope=" + Http.encode("openid profile")
                + "&redirect_uri=" + Http.encode(REDIRECT)
                + "&state=st-" + nonce + "&nonce=" + nonce
                + "&code_challenge=" + challenge + "&code_challenge_method=S256");
    }

    private static void assertHanne(JWTClaimsSet claims) throws Exception {
        assertThat(claims.getSubject()).isEqualTo("hanne");
        assertThat(claims.getStringClaim("name")).isEqualTo("Hanne Sørensen");
        assertThat(claims.getStringClaim("org")).isEqualTo(DemoPartnerIds.of("lektiehjaelpen").toString());
        assertThat(claims.getStringClaim("org_cvr")).isEqualTo("12972997");
        assertThat(claims.getStringListClaim("roles")).containsExactly("partner-admin");
        assertThat(claims.getStringListClaim("centres")).isEmpty();
    }

    // --- tokens ------------------------------------------------------------------------------------------------

    private static String clientToken(Http http, String clientId) {
        return clientToken(http, server, clientId);
    }

    private static String clientToken(Http http, IdentityServer at, String clientId) {
        HttpResponse<String> response = http.token(at.url("/oauth2/token"), clientId, "demo-" + clientId,
                Map.of("grant_type", "client_credentials"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = Http.json(response);
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asInt()).isBetween(890, 900);
        return body.get("access_token").asString();
    }

    private static JWTClaimsSet verify(String token, String audience) throws Exception {
        return verify(server, token, audience);
    }

    /** Signature (RS256, key from the published JWKS), iss, aud, exp, as a resource server would check them. */
    private static JWTClaimsSet verify(IdentityServer at, String token, String audience) throws Exception {
        JWKSet jwks = JWKSet.parse(new Http().get(at.url("/oauth2/jwks"), "application/json").body());
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(jwks)));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(at.issuer()).build(), Set.of("sub", "iat", "exp")));
        assertThat(SignedJWT.parse(token).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        return processor.process(token, null);
    }

    // --- small helpers -----------------------------------------------------------------------------------------

    private static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a CSRF field in the form").isTrue();
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }

    private static String resolve(String location) {
        return URI.create(server.issuer() + "/").resolve(location).toString();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            values.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String challenge(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(node -> values.add(node.asString()));
        return values;
    }
}
