package dk.bindeled.booking.query;

import dk.bindeled.ical.FeedTokenStore;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Room booking's feed tokens: the shared store of ical-support ({@link FeedTokenStore}: 32 random bytes, only the SHA-256
 * kept, an id to list and revoke by) with room booking's scopes — one resource, one centre or one partner's bookings —
 * and a centre's list, which includes its resources'. Who may make, list and revoke which token is decided by the caller
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

    private final JdbcClient jdbc;
    private final FeedTokenStore store;

    public FeedTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.store = new FeedTokenStore(jdbc, clock);
    }

    /** A new token for the feed of the resource, centre or partner; the caller checks that it exists and may have it. */
    public Issued issue(Scope scope, String scopeId, String actor) {
        FeedTokenStore.Issued issued = store.issue(scope.name(), scopeId, actor);
        return new Issued(issued.id(), issued.token());
    }

    /**
     * The token with this id, or (as before ids existed) with this secret; a caller decides from its scope whether the
     * asker may revoke it.
     */
    @Transactional(readOnly = true)
    public Optional<FeedTokenView> find(String idOrToken) {
        return store.find(idOrToken).map(FeedTokens::view);
    }

    /** Revokes the token of this id for good; revoking it again is fine. */
    public void revoke(String id) {
        store.revoke(id);
    }

    /** A partner's feed tokens, newest first. */
    @Transactional(readOnly = true)
    public List<FeedTokenView> ofPartner(String partnerId) {
        return store.of(Scope.PARTNER.name(), partnerId).stream().map(FeedTokens::view).toList();
    }

    /** A centre's feed tokens and those of its resources, newest first. */
    @Transactional(readOnly = true)
    public List<FeedTokenView> ofCentre(String centreId) {
        return jdbc.sql("SELECT " + FeedTokenStore.COLUMNS + " FROM feed_token WHERE (scope = 'CENTRE' AND scope_id = ?)"
                        + " OR (scope = 'RESOURCE' AND scope_id IN (SELECT id FROM cal_resource WHERE centre_id = ?))"
                        + " ORDER BY created_at DESC, id")
                .params(centreId, centreId).query((rs, n) -> view(FeedTokenStore.token(rs))).list();
    }

    private static FeedTokenView view(FeedTokenStore.FeedToken t) {
        return new FeedTokenView(t.id(), t.scope(), t.scopeId(), t.createdAt(), t.createdBy(), t.revoked(), t.revokedAt());
    }

    /** Whether the token is live and opens exactly this feed. */
    @Transactional(readOnly = true)
    public boolean opens(String token, Scope scope, String scopeId) {
        return store.opens(token, scope.name(), scopeId);
    }

    static String hash(String token) {
        return FeedTokenStore.hash(token);
    }
}
