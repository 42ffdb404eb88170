package dk.bindeled.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.bindeled.security.app.GuardedApplication;
import dk.bindeled.testsupport.TestIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service starts while the identity provider is down, and a token it cannot check is a 503, not a 401 or a 500. */
@SpringBootTest(classes = GuardedApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdentityUnavailableTest {

    static final TestIssuer DOWN = TestIssuer.start();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        DOWN.springProperties().forEach((k, v) -> registry.add(k, () -> v));
        DOWN.close();
    }

    @LocalServerPort
    int port;

    @Test
    void aTokenThatCannotBeCheckedIs503WithRetryAfter() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/me"))
                .header("Authorization", "Bearer " + DOWN.token(TestIssuer.admin("birgitte"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("https://bindeled.dk/problems/identity-unavailable");
        // Public reads go on without the provider.
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/open/directory")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }
}
