package dk.bindeled.ical;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The secrets behind feed addresses, which a calendar app fetches without signing in. A token is 32 random bytes
 * (base64url, no padding); only its SHA-256 is stored, in the service's table {@code feed_token}, with an id of its own
 * (to list and revoke it by), what it opens (a scope and an id within it: one room, one centre, one partner's
 * bookings or meetings), who made it and whether it was revoked. A wrong, revoked or other-scope token opens nothing,
 * exactly like a feed that does not exist. Who may make, list and revoke which token is the service's to decide.
 */
public class FeedTokenStore {

    /** A token as a list shows it: never the secret. */
    public record FeedToken(String id, String scope, String scopeId, OffsetDateTime createdAt, String createdBy, boolean revoked,
                            OffsetDateTime revokedAt) {
    }

    /** A token made just now: its id, and the secret, shown this once. */
    public record Issued(String id, String token) {
    }

    public static final String COLUMNS = "id, scope, scope_id, created_at, created_by, revoked, revoked_at";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    public FeedTokenStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Issued issue(String scope, String scopeId, String actor) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO feed_token (id, token_hash, scope, scope_id, created_at, created_by, revoked, revoked_at)
                VALUES (?, ?, ?, ?, ?, ?, FALSE, NULL)""")
                .params(id, hash(token), scope, scopeId, clock.instant().atOffset(ZoneOffset.UTC), actor)
                .update();
        return new Issued(id, token);
    }

    /** The token with this id, or with this secret. */
    public Optional<FeedToken> find(String idOrToken) {
        if (idOrToken == null || idOrToken.isBlank() || idOrToken.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM feed_token WHERE id = ? OR token_hash = ?").params(idOrToken, hash(idOrToken))
                .query((rs, n) -> token(rs)).optional();
    }

    /** Revokes the token of this id for good; revoking it again is fine. */
    public void revoke(String id) {
        jdbc.sql("UPDATE feed_token SET revoked = TRUE, revoked_at = ? WHERE id = ? AND revoked = FALSE")
                .params(clock.instant().atOffset(ZoneOffset.UTC), id).update();
    }

    /** The tokens of one scope and id, newest first. */
    public List<FeedToken> of(String scope, String scopeId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM feed_token WHERE scope = ? AND scope_id = ? ORDER BY created_at DESC, id")
                .params(scope, scopeId).query((rs, n) -> token(rs)).list();
    }

    /** Whether the token is live and opens exactly this feed. */
    public boolean opens(String token, String scope, String scopeId) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return false;
        }
        return jdbc.sql("SELECT COUNT(*) FROM feed_token WHERE token_hash = ? AND scope = ? AND scope_id = ? AND revoked = FALSE")
                .params(hash(token), scope, scopeId).query(Integer.class).single() > 0;
    }

    public static FeedToken token(ResultSet rs) throws SQLException {
        return new FeedToken(rs.getString("id"), rs.getString("scope"), rs.getString("scope_id"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("created_by"), rs.getBoolean("revoked"), rs.getObject("revoked_at", OffsetDateTime.class));
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }
}
