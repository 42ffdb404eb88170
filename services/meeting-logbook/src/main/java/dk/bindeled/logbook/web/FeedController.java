package dk.bindeled.logbook.web;

import dk.bindeled.domain.NotFoundException;
import dk.bindeled.ical.FeedTokenStore;
import dk.bindeled.logbook.query.MeetingFeed;
import dk.bindeled.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A partner's meetings as a calendar feed: its members make and revoke the feed's tokens; a calendar app fetches it with one. */
@RestController
@Tag(name = "Meeting feed", description = "A partner's meetings as iCalendar, for calendar apps, opened by a token")
public class FeedController {

    /** The address a calendar app subscribes to, within this service; the gateway publishes it under /logbook. */
    static final String FEED = "/ical/partners/{partnerId}.ics";

    private final FeedTokenStore tokens;
    private final MeetingFeed feed;

    public FeedController(FeedTokenStore tokens, MeetingFeed feed) {
        this.tokens = tokens;
        this.feed = feed;
    }

    /** The token in this answer and nowhere else: only its hash is kept. */
    public record Issued(String id, String token, String path) {
    }

    @PostMapping("/api/feeds")
    @Operation(summary = "Make a feed token for the meetings of the caller's organisation; the token is shown this once")
    public ResponseEntity<Issued> issue() {
        String org = CommandSender.organisation();
        FeedTokenStore.Issued issued = tokens.issue(MeetingFeed.SCOPE, org, Callers.current().subject());
        return ResponseEntity.status(201).cacheControl(CacheControl.noStore())
                .body(new Issued(issued.id(), issued.token(), "/ical/partners/" + org + ".ics?token=" + issued.token()));
    }

    @GetMapping("/api/feeds")
    @Operation(summary = "The feed tokens of the caller's organisation (never the secrets)")
    public List<FeedTokenStore.FeedToken> list() {
        return tokens.of(MeetingFeed.SCOPE, CommandSender.organisation());
    }

    @PostMapping("/api/feeds/{id}/revoke")
    @Operation(summary = "Revoke a feed token of the caller's organisation: the feed opens no more with it")
    public ResponseEntity<Void> revoke(@PathVariable String id) {
        String org = CommandSender.organisation();
        FeedTokenStore.FeedToken token = tokens.find(id).filter(t -> t.id().equals(id) && t.scopeId().equals(org))
                .orElseThrow(() -> new NotFoundException("No feed token " + id));
        tokens.revoke(token.id());
        return ResponseEntity.noContent().build();
    }

    @GetMapping(value = FEED, produces = "text/calendar")
    @Operation(summary = "The partner's meetings as iCalendar; 404 for a wrong or revoked token as for a feed that does not exist")
    public ResponseEntity<String> feed(@PathVariable String partnerId, @RequestParam(required = false) String token) {
        return ResponseEntity.ok().contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache()).body(feed.partnerFeed(partnerId, token));
    }
}
