package dk.bindeled.booking.query;

import dk.bindeled.booking.domain.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The secrets behind the iCalendar feed URLs. A token is 32 random bytes (base64url, no padding); only its
 * SHA-256 is stored, with what it opens (one resource or one centre) and whether it was revoked. A wrong,
 * revoked or other-scope token answers exactly like a feed that does not exist.
 */
@Service
@Transactional
public class FeedTokens {

    public enum Scope {
        RESOURCE, CENTRE
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    public FeedTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new token for the feed of the resource or centre; the caller checks that it exists. Returns the token itself. */
    public String issue(Scope scope, String scopeId, String actor) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.sql("""
                INSERT INTO feed_token (token_hash, scope, scope_id, created_at, created_by, revoked, revoked_at)
                VALUES (?, ?, ?, ?, ?, FALSE, NULL)""")
                .params(hash(token), scope.name(), scopeId, clock.instant().atOffset(ZoneOffset.UTC), actor)
                .update();
        return token;
    }

    /** Revokes the token for good; revoking it again is fine. An unknown token is 404. */
    public void revoke(String token) {
        if (token == null || token.isBlank()) {
            throw new NotFoundException("No such feed token");
        }
        String hash = hash(token);
        int found = jdbc.sql("SELECT COUNT(*) FROM feed_token WHERE token_hash = ?").param(hash).query(Integer.class).single();
        if (found == 0) {
            throw new NotFoundException("No such feed token");
        }
        jdbc.sql("UPDATE feed_token SET revoked = TRUE, revoked_at = ? WHERE token_hash = ? AND revoked = FALSE")
                .params(clock.instant().atOffset(ZoneOffset.UTC), hash).update();
    }

    /** Whether the token is live and opens exactly this feed. */
    @Transactional(readOnly = true)
    public boolean opens(String token, Scope scope, String scopeId) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return false;
        }
        return jdbc.sql("SELECT COUNT(*) FROM feed_token WHERE token_hash = ? AND scope = ? AND scope_id = ? AND revoked = FALSE")
                .params(hash(token), scope.name(), scopeId).query(Integer.class).single() > 0;
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }
}
