package dk.bindeled.gateway;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the gateway's own refusals as RFC 9457 problem+json, with the same type URIs as the services
 * ({@code https://bindeled.dk/problems/<type>}). The detail is always a fixed sentence, never an exception's
 * message, so nothing internal leaks.
 */
final class Problems {

    private final JsonMapper json;

    Problems(JsonMapper json) {
        this.json = json;
    }

    /** One problem: {@code retryAfter} null for none; {@code extra} members are added after the standard ones. */
    record Problem(HttpStatus status, String type, String title, String detail, Duration retryAfter,
                   Map<String, Object> extra) {

        Problem(HttpStatus status, String type, String title, String detail) {
            this(status, type, title, detail, null, Map.of());
        }
    }

    Mono<Void> write(ServerWebExchange exchange, Problem problem) {
        ServerHttpResponse response = exchange.getResponse();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://bindeled.dk/problems/" + problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status().value());
        body.put("detail", problem.detail());
        body.put("instance", exchange.getRequest().getPath().value());
        body.putAll(problem.extra());
        byte[] bytes = json.writeValueAsBytes(body);

        // Whatever a backend or an earlier filter put there describes another answer than this one; only the
        // Allow of a 405 belongs to this answer.
        String allow = response.getHeaders().getFirst(HttpHeaders.ALLOW);
        response.getHeaders().clear();
        if (allow != null) {
            response.getHeaders().set(HttpHeaders.ALLOW, allow);
        }
        response.setStatusCode(problem.status());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(bytes.length);
        if (problem.retryAfter() != null) {
            long seconds = Math.max(1, (problem.retryAfter().toMillis() + 999) / 1000);
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        }
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }
}
