package dk.bindeled.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/** JSON over HTTP for the seeders: every answer is returned with its status, whatever it is. */
final class JsonHttp {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: the status, the body as JSON (an empty object when there is none or it is not JSON) and as text. */
    record Answer(int status, JsonNode json, String text) {
        boolean ok() {
            return status / 100 == 2;
        }

        @Override
        public String toString() {
            String flat = text == null ? "" : text.replaceAll("\\s+", " ");
            return status + " " + (flat.length() > 400 ? flat.substring(0, 400) + " ..." : flat);
        }
    }

    private final HttpClient http;
    private final URI base;
    private final Supplier<String> token;

    /** Every request carries {@code token}'s bearer token: the seeders are a client like any other. */
    JsonHttp(HttpClient http, URI base, Supplier<String> token) {
        this.http = http;
        this.base = base;
        this.token = token;
    }

    URI base() {
        return base;
    }

    Answer get(String path) {
        return exchange(HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Accept", "application/json")
                .header("Authorization", "Bearer " + token.get()).GET().build());
    }

    Answer send(String method, String path, JsonNode body) {
        return exchange(HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token.get())
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build());
    }

    private Answer exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), parse(response.body()), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.createObjectNode();
        }
    }
}
