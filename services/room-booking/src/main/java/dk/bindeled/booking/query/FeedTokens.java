package dk.bindeled.booking.query;

import dk.bindeled.booking.domain.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The secrets behind the iCalendar feed URLs. A token is 32 random bytes (base64url, no padding); only its
 * SHA-256 is stored, with an id of its own (to list and revoke it by), what it opens (one resource, one centre or one
 * partner's bookings), who made it and whether it was revoked. A wrong, revoked or other-scope token answers exactly
 * like a feed that does not exist. Who may make, list and revoke which token is decided by the caller
 * ({@link dk.bindeled.booking.domain.BookingPermissions}).
 */
@Service
@Transactional
public class FeedTokens {

    public enum Scope {
        RESOURCE, CENTRE, PARTNER
    }

    /** A token as a list shows it: never the secret. */
    public record FeedTokenView(String id, String scope, String scopeId, OffsetDateTime createdAt, String createdBy, boolean revoked,
                                OffsetDateTime revokedAt) {
    }

    /** A token made just now: its id, and the secret, shown this once. */
    public record Issued(String id, String token) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    public FeedTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new token for the feed of the resource, centre or partner; the caller checks that it exists and may have it. */
    public Issued issue(Scope scope, String scopeId, String actor) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO feed_token (id, token_hash, scope, scope_id, created_at, created_by, revoked, revoked_at)
                VALUES (?, ?, ?, ?, ?, ?, FALSE, NULL)""")
                .params(id, hash(token), scope.name(), scopeId, clock.instant().atOffset(ZoneOffset.UTC), actor)
                .update();
        return new Issued(id, token);
    }

    /**
     * The token with this id, or (as before ids existed) with this secret; a caller decides from its scope whether the
     * asker may revoke it.
     */
    @Transactional(readOnly = true)
    public Optional<FeedTokenView> find(String idOrToken) {
        if (idOrToken == null || idOrToken.isBlank() || idOrToken.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM feed_token WHERE id = ? OR token_hash = ?").params(idOrToken, hash(idOrToken))
                .query((rs, n) -> view(rs)).optional();
    }

    /** Revokes the token of this id for good; revoking it again is fine. */
    public void revoke(String id) {
        jdbc.sql("UPDATE feed_token SET revoked = TRUE, revoked_at = ? WHERE id = ? AND revoked = FALSE")
                .params(clock.instant().atOffset(ZoneOffset.UTC), id).update();
    }

    /** A partner's feed tokens, newest first. */
    @Transactional(readOnly = true)
    public List<FeedTokenView> ofPartner(String partnerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM feed_token WHERE scope = 'PARTNER' AND scope_id = ? ORDER BY created_at DESC, id")
                .param(partnerId).query((rs, n) -> view(rs)).list();
    }

    /** A centre's feed tokens and those of its resources, newest first. */
    @Transactional(readOnly = true)
    public List<FeedTokenView> ofCentre(String centreId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM feed_token WHERE (scope = 'CENTRE' AND scope_id = ?)"
                        + " OR (scope = 'RESOURCE' AND scope_id IN (SELECT id FROM cal_resource WHERE centre_id = ?))"
                        + " ORDER BY created_at DESC, id")
                .params(centreId, centreId).query((rs, n) -> view(rs)).list();
    }

    private static final String COLUMNS = "id, scope, scope_id, created_at, created_by, revoked, revoked_at";

    private static FeedTokenView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new FeedTokenView(rs.getString("id"), rs.getString("scope"), rs.getString("scope_id"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"), rs.getBoolean("revoked"),
                rs.getObject("revoked_at", OffsetDateTime.class));
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
