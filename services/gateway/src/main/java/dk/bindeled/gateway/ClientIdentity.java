package dk.bindeled.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rate limiter's name for the holder of a bearer token, read from the JWT's claims WITHOUT verifying its
 * signature. That is safe only because the name grants nothing: every service verifies the token itself, and a
 * forged token can at most pick which bucket it drains, so the per-address bucket stays in force for every write.
 *
 * <p>The name is the client ({@code azp}, else {@code client_id}) together with the subject ({@code sub}): a
 * client-credentials token is its client, and the users of one app (the staff web app holds every user's token)
 * do not share one bucket. Hashed, so a claim's characters or length never reach a Redis key.
 */
final class ClientIdentity {

    /** Longer than any token our identity providers issue; a bigger header is not parsed at all. */
    private static final int MAX_TOKEN_LENGTH = 16 * 1024;

    private final JsonMapper json;

    ClientIdentity(JsonMapper json) {
        this.json = json;
    }

    Optional<String> of(ServerHttpRequest request) {
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.length() > MAX_TOKEN_LENGTH
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String[] parts = authorization.substring(7).trim().split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
            String client = text(claims, "azp");
            if (client == null) {
                client = text(claims, "client_id");
            }
            String subject = text(claims, "sub");
            if (client == null && subject == null) {
                return Optional.empty();
            }
            return Optional.of(hash((client == null ? "" : client) + "\u0000" + (subject == null ? "" : subject)));
        } catch (RuntimeException notAJwt) {
            // Not base64url, not JSON: not a JWT we can name; the address limit still applies.
            return Optional.empty();
        }
    }

    private static String text(JsonNode claims, String name) {
        JsonNode value = claims.get(name);
        return value != null && value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }

    private static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
