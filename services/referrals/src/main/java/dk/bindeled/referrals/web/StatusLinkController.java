package dk.bindeled.referrals.web;

import dk.bindeled.referrals.api.Commands.IssueStatusLink;
import dk.bindeled.referrals.api.Commands.RevokeStatusLink;
import dk.bindeled.referrals.domain.PersonalDataSeal;
import dk.bindeled.referrals.domain.StatusLinkPolicy;
import dk.bindeled.referrals.query.ReferralQueries;
import dk.bindeled.referrals.query.ReferralQueries.Sides;
import dk.bindeled.referrals.query.Views.PublicStatus;
import dk.bindeled.referrals.web.Requests.StatusLinkIssued;
import dk.bindeled.referrals.web.Requests.StatusLinkRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Status links for partners without accounts ({@link StatusLinkPolicy}): issued and revoked by either side of a referral,
 * read by anyone holding the address. The token is made here and answered once; the service keeps only its hash.
 */
@RestController
@Tag(name = "Status links", description = "One referral's status for a partner without accounts: expiring, revocable, only what the consent allows")
public class StatusLinkController {

    /** The public read. The token comes in a header, never in a path or query, so no access or debug log holds a working link. */
    public static final String PUBLIC_PATH = "/api/status-link";
    public static final String TOKEN_HEADER = "Status-Link-Token";

    private final CommandSender commands;
    private final PersonalDataSeal seal;
    private final ReferralQueries queries;

    public StatusLinkController(CommandSender commands, PersonalDataSeal seal, ReferralQueries queries) {
        this.commands = commands;
        this.seal = seal;
        this.queries = queries;
    }

    @PostMapping("/api/referrals/{referralId}/status-links")
    @Operation(summary = "Issue a status link for the referral (either side, once it is sent)",
            description = "Answers the token once; it is kept only as a SHA-256. Expires after expiresInDays (1–30, default 14); shows the"
                    + " resident's data only when showPersonalData is true and the consent holds at the moment it is opened. At most five open links.")
    public ResponseEntity<StatusLinkIssued> issue(@PathVariable String referralId, @Valid @RequestBody(required = false) StatusLinkRequest body) {
        Sides sides = Organisation.sides(queries, referralId);
        String org = Organisation.acting(sides);
        StatusLinkRequest request = body == null ? new StatusLinkRequest(null, null, null) : body;
        String linkId = UUID.randomUUID().toString();
        String token = StatusLinkPolicy.newToken();
        commands.send(new IssueStatusLink(referralId, org, linkId, StatusLinkPolicy.hash(token), seal.sealNote(sides.residentId(), org, request.label()),
                request.expiresInDays(), Boolean.TRUE.equals(request.showPersonalData())), "referral " + referralId);
        return ResponseEntity.status(201).cacheControl(CacheControl.noStore())
                .body(new StatusLinkIssued(linkId, token, queries.statusLinkExpiry(linkId).orElseThrow()));
    }

    @PostMapping("/api/referrals/{referralId}/status-links/{linkId}/revoke")
    @Operation(summary = "Revoke a status link: it opens no more, at once")
    public ResponseEntity<Void> revoke(@PathVariable String referralId, @PathVariable String linkId) {
        commands.send(new RevokeStatusLink(referralId, Organisation.acting(Organisation.sides(queries, referralId)), linkId), "referral " + referralId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping(PUBLIC_PATH)
    @Operation(summary = "What a status link shows, without signing in (the token in the Status-Link-Token header); 404 for an unknown,"
            + " expired or revoked link alike")
    public ResponseEntity<PublicStatus> status(@RequestHeader(name = TOKEN_HEADER, required = false) String token) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex").body(queries.publicStatus(token));
    }
}
