package dk.bindeled.booking.web;

import dk.bindeled.security.Callers;
import dk.bindeled.booking.query.CalendarFeeds;
import dk.bindeled.booking.query.CalendarQueries;
import dk.bindeled.booking.query.FeedTokens;
import dk.bindeled.booking.query.FeedTokens.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
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
 * iCalendar feeds to subscribe to, each behind a secret token in its URL. The token is shown once, when it is
 * made; the service keeps only its hash. A wrong or revoked token is a plain 404, whether or not the
 * resource or centre exists.
 */
@RestController
@Tag(name = "Calendar feeds", description = "iCalendar (RFC 5545) feeds of a resource or a centre, and their secret tokens")
public class FeedController {

    /** {@code text/calendar; charset=utf-8}. */
    public static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar; charset=utf-8");

    public record FeedTokenCreated(String token, String url) {
    }

    private final CalendarFeeds feeds;
    private final FeedTokens tokens;
    private final CalendarQueries queries;
    private final HttpServletRequest request;

    public FeedController(CalendarFeeds feeds, FeedTokens tokens, CalendarQueries queries, HttpServletRequest request) {
        this.feeds = feeds;
        this.tokens = tokens;
        this.queries = queries;
        this.request = request;
    }

    @PostMapping("/api/resources/{resourceId}/feed-tokens")
    @Operation(summary = "A new secret feed URL for a resource's calendar (shown once)")
    public ResponseEntity<FeedTokenCreated> resourceToken(@PathVariable String resourceId) {
        queries.requireResource(resourceId);
        return created(tokens.issue(Scope.RESOURCE, resourceId, actor()), "/ical/resources/" + resourceId + ".ics");
    }

    @PostMapping("/api/centres/{centreId}/feed-tokens")
    @Operation(summary = "A new secret feed URL for a centre's calendar, every resource (shown once)")
    public ResponseEntity<FeedTokenCreated> centreToken(@PathVariable String centreId) {
        queries.requireCentre(centreId);
        return created(tokens.issue(Scope.CENTRE, centreId, actor()), "/ical/centres/" + centreId + ".ics");
    }

    @DeleteMapping("/api/feed-tokens/{token}")
    @Operation(summary = "Revoke a feed token: its URL stops working for good")
    public ResponseEntity<Void> revoke(@PathVariable String token) {
        tokens.revoke(token);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/ical/resources/{resourceId}.ics")
    @Operation(summary = "A resource's bookings as iCalendar")
    public ResponseEntity<String> resourceFeed(@PathVariable String resourceId, @RequestParam(required = false) String token) {
        return calendar(feeds.resourceFeed(resourceId, token));
    }

    @GetMapping("/ical/centres/{centreId}.ics")
    @Operation(summary = "A centre's bookings, every resource, as iCalendar")
    public ResponseEntity<String> centreFeed(@PathVariable String centreId, @RequestParam(required = false) String token) {
        return calendar(feeds.centreFeed(centreId, token));
    }

    private static ResponseEntity<String> calendar(String body) {
        return ResponseEntity.ok().contentType(TEXT_CALENDAR).cacheControl(CacheControl.noCache().cachePrivate()).body(body);
    }

    private ResponseEntity<FeedTokenCreated> created(String token, String path) {
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path(path).queryParam("token", token).build().toUriString();
        return ResponseEntity.created(URI.create(url)).body(new FeedTokenCreated(token, url));
    }

    private String actor() {
        return Callers.current().subject();
    }
}
