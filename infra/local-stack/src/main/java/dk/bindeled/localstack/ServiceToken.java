package dk.bindeled.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * The seeders' bearer token: the OAuth2 client-credentials grant of a client of the identity provider, like any
 * service-to-service call (there is no back door). Fetched again a minute before it expires.
 */
final class ServiceToken implements Supplier<String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MARGIN = Duration.ofMinutes(1);

    private final HttpClient http;
    private final URI tokenEndpoint;
    private final String clientId;
    private final String secret;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    ServiceToken(HttpClient http, URI issuer, String clientId, String secret, Clock clock) {
        this.http = http;
        this.tokenEndpoint = URI.create(issuer.toString().replaceAll("/$", "") + "/oauth2/token");
        this.clientId = clientId;
        this.secret = secret;
        this.clock = clock;
    }

    @Override
    public synchronized String get() {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            fetch();
        }
        return token;
    }

    private void fetch() {
        String basic = Base64.getEncoder().encodeToString(
                (encode(clientId) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the identity provider refused client " + clientId + " a token: "
                        + response.statusCode() + " " + response.body());
            }
            JsonNode body = JSON.readTree(response.body());
            token = body.path("access_token").asText();
            long lifetime = body.path("expires_in").asLong(300);
            renewAt = clock.instant().plusSeconds(lifetime).minus(MARGIN);
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + tokenEndpoint + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
