package dk.bindeled.booking.web;

import dk.bindeled.booking.domain.BookingPermissions;
import dk.bindeled.booking.domain.NotFoundException;
import dk.bindeled.booking.domain.Viewer;
import dk.bindeled.booking.query.CalendarFeeds;
import dk.bindeled.booking.query.CalendarQueries;
import dk.bindeled.booking.query.FeedTokens;
import dk.bindeled.booking.query.FeedTokens.FeedTokenView;
import dk.bindeled.booking.query.FeedTokens.Issued;
import dk.bindeled.booking.query.FeedTokens.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * iCalendar feeds to subscribe to, each behind a secret token in its URL: the token is the capability, so a feed
 * is read without signing in. The token is shown once, when it is made; the service keeps only its hash. A wrong or
 * revoked token is a plain 404, whether or not the resource, centre or partner exists.
 * <p>
 * Tokens of a centre and of its resources are made, listed and revoked by the centre's staff; tokens of a partner's
 * bookings by the partner's members ({@link BookingPermissions}).
 */
@RestController
@Tag(name = "Calendar feeds", description = "iCalendar (RFC 5545) feeds of a resource, a centre or a partner, and their secret tokens")
public class FeedController {

    /** {@code text/calendar; charset=utf-8}. */
    public static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar; charset=utf-8");

    /** A new token: its id (to list and revoke it by), the secret and the feed's URL holding it, shown this once. */
    public record FeedTokenCreated(String id, String token, String url) {
    }

    private final CalendarFeeds feeds;
    private final FeedTokens tokens;
    private final CalendarQueries queries;
    private final Access access;

    public FeedController(CalendarFeeds feeds, FeedTokens tokens, CalendarQueries queries, Access access) {
        this.feeds = feeds;
        this.tokens = tokens;
        this.queries = queries;
        this.access = access;
    }

    @PostMapping("/api/resources/{resourceId}/feed-tokens")
    @Operation(summary = "A new secret feed URL for a resource's calendar (shown once); the centre's staff")
    public ResponseEntity<FeedTokenCreated> resourceToken(@PathVariable String resourceId) {
        String centreId = queries.requireResource(resourceId).centreId();
        mayManageCentreFeeds(centreId);
        return created(tokens.issue(Scope.RESOURCE, resourceId, access.actor()), "/ical/resources/" + resourceId + ".ics");
    }

    @PostMapping("/api/centres/{centreId}/feed-tokens")
    @Operation(summary = "A new secret feed URL for a centre's calendar, every resource (shown once); the centre's staff")
    public ResponseEntity<FeedTokenCreated> centreToken(@PathVariable String centreId) {
        mayManageCentreFeeds(centreId);
        queries.requireCentre(centreId);
        return created(tokens.issue(Scope.CENTRE, centreId, access.actor()), "/ical/centres/" + centreId + ".ics");
    }

    @PostMapping("/api/partners/{partnerId}/feed-tokens")
    @Operation(summary = "A new secret feed URL for a partner's own bookings at every centre (shown once); the partner's members")
    public ResponseEntity<FeedTokenCreated> partnerToken(@PathVariable String partnerId) {
        mayManagePartnerFeeds(partnerId);
        if (!queries.partnerKnown(partnerId)) {
            throw new NotFoundException("No partner " + partnerId);
        }
        return created(tokens.issue(Scope.PARTNER, partnerId, access.actor()), "/ical/partners/" + partnerId + ".ics");
    }

    @GetMapping("/api/centres/{centreId}/feed-tokens")
    @Operation(summary = "The feed tokens of a centre and of its resources, newest first, without their secrets; the centre's staff")
    public List<FeedTokenView> centreTokens(@PathVariable String centreId) {
        mayManageCentreFeeds(centreId);
        queries.requireCentre(centreId);
        return tokens.ofCentre(centreId);
    }

    @GetMapping("/api/partners/{partnerId}/feed-tokens")
    @Operation(summary = "The feed tokens of a partner's bookings, newest first, without their secrets; the partner's members")
    public List<FeedTokenView> partnerTokens(@PathVariable String partnerId) {
        mayManagePartnerFeeds(partnerId);
        return tokens.ofPartner(partnerId);
    }

    @DeleteMapping("/api/feed-tokens/{tokenId}")
    @Operation(summary = "Revoke a feed token by its id (or, as before ids, by the secret): its URL stops working for good;"
            + " whoever may make a token of its scope")
    public ResponseEntity<Void> revoke(@PathVariable String tokenId) {
        FeedTokenView token = tokens.find(tokenId).orElseThrow(() -> new NotFoundException("No such feed token"));
        switch (Scope.valueOf(token.scope())) {
            case PARTNER -> mayManagePartnerFeeds(token.scopeId());
            case CENTRE -> mayManageCentreFeeds(token.scopeId());
            case RESOURCE -> mayManageCentreFeeds(queries.resource(token.scopeId()).map(r -> r.centreId())
                    .or(() -> access.centreOf(token.scopeId())).orElse(null));
        }
        tokens.revoke(token.id());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/ical/resources/{resourceId}.ics")
    @Operation(summary = "A resource's bookings as iCalendar (the token is the key; no sign-in)")
    public ResponseEntity<String> resourceFeed(@PathVariable String resourceId, @RequestParam(required = false) String token) {
        return calendar(feeds.resourceFeed(resourceId, token));
    }

    @GetMapping("/ical/centres/{centreId}.ics")
    @Operation(summary = "A centre's bookings, every resource, as iCalendar (the token is the key; no sign-in)")
    public ResponseEntity<String> centreFeed(@PathVariable String centreId, @RequestParam(required = false) String token) {
        return calendar(feeds.centreFeed(centreId, token));
    }

    @GetMapping("/ical/partners/{partnerId}.ics")
    @Operation(summary = "A partner's bookings at every centre as iCalendar (the token is the key; no sign-in)")
    public ResponseEntity<String> partnerFeed(@PathVariable String partnerId, @RequestParam(required = false) String token) {
        return calendar(feeds.partnerFeed(partnerId, token));
    }

    private Viewer mayManageCentreFeeds(String centreId) {
        Viewer viewer = access.viewer();
        access.require(BookingPermissions.mayManageCentreFeeds(viewer, centreId), BookingPermissions.CENTRE_FEEDS);
        return viewer;
    }

    private Viewer mayManagePartnerFeeds(String partnerId) {
        Viewer viewer = access.viewer();
        access.require(BookingPermissions.mayManagePartnerFeeds(viewer, partnerId), BookingPermissions.PARTNER_FEEDS);
        return viewer;
    }

    private static ResponseEntity<String> calendar(String body) {
        return ResponseEntity.ok().contentType(TEXT_CALENDAR).cacheControl(CacheControl.noCache().cachePrivate()).body(body);
    }

    private ResponseEntity<FeedTokenCreated> created(Issued issued, String path) {
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path(path).queryParam("token", issued.token()).build()
                .toUriString();
        return ResponseEntity.created(URI.create(url)).body(new FeedTokenCreated(issued.id(), issued.token(), url));
    }
}
