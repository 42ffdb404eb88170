package dk.bindeled.referrals.web;

import dk.bindeled.referrals.api.Commands.AcceptReferral;
import dk.bindeled.referrals.api.Commands.CompleteReferral;
import dk.bindeled.referrals.api.Commands.DeclineReferral;
import dk.bindeled.referrals.api.Commands.DraftReferral;
import dk.bindeled.referrals.api.Commands.ForwardReferral;
import dk.bindeled.referrals.api.Commands.MarkReferralEnteredInError;
import dk.bindeled.referrals.api.Commands.RecordConsent;
import dk.bindeled.referrals.api.Commands.RecordContactFailed;
import dk.bindeled.referrals.api.Commands.RecordContactMade;
import dk.bindeled.referrals.api.Commands.RevokeConsent;
import dk.bindeled.referrals.api.Commands.SendReferral;
import dk.bindeled.referrals.api.Commands.WithdrawReferral;
import dk.bindeled.referrals.api.Consent;
import dk.bindeled.referrals.api.PersonalData;
import dk.bindeled.referrals.api.Sealed;
import dk.bindeled.referrals.domain.ConsentPolicy;
import dk.bindeled.events.partner.v1.TargetGroup;
import dk.bindeled.referrals.domain.NotFoundException;
import dk.bindeled.referrals.domain.OfferCatalogue;
import dk.bindeled.referrals.domain.OfferPolicy;
import dk.bindeled.referrals.domain.ReferralIndex;
import dk.bindeled.referrals.domain.PersonalDataSeal;
import dk.bindeled.referrals.domain.ReferralLifecycle.Side;
import dk.bindeled.referrals.domain.ReferralLifecycle.Status;
import dk.bindeled.referrals.domain.RuleViolationException;
import dk.bindeled.referrals.query.ReferralQueries;
import dk.bindeled.referrals.query.ReferralQueries.Sides;
import dk.bindeled.referrals.query.Views.ReferralSummary;
import dk.bindeled.referrals.query.Views.ReferralView;
import dk.bindeled.referrals.query.Views.Statistics;
import dk.bindeled.referrals.web.Requests.CompleteRequest;
import dk.bindeled.referrals.web.Requests.ConsentRequest;
import dk.bindeled.referrals.web.Requests.Created;
import dk.bindeled.referrals.web.Requests.DeclineRequest;
import dk.bindeled.referrals.web.Requests.ForwardRequest;
import dk.bindeled.referrals.web.Requests.NoteRequest;
import dk.bindeled.referrals.web.Requests.ReferralCreated;
import dk.bindeled.referrals.web.Requests.ReferralRequest;
import dk.bindeled.referrals.web.Requests.SendRequest;
import dk.bindeled.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Referrals through their lifecycle. The caller's organisation decides its side; a referral between two others answers
 * 404. Notes and the shared data are sealed here, under the key of the organisation that writes or receives them.
 */
@RestController
@Tag(name = "Referrals", description = "Closed-loop referrals with consent: send, answer, make contact, complete; every read of personal data logged")
public class ReferralController {

    private final CommandSender commands;
    private final PersonalDataSeal seal;
    private final ReferralQueries queries;
    private final ReferralIndex index;
    private final OfferCatalogue offers;

    public ReferralController(CommandSender commands, PersonalDataSeal seal, ReferralQueries queries, ReferralIndex index, OfferCatalogue offers) {
        this.commands = commands;
        this.seal = seal;
        this.queries = queries;
        this.index = index;
        this.offers = offers;
    }

    @PostMapping("/api/referrals")
    @Operation(summary = "Refer a resident the caller's organisation registered to another partner's offer, with the consent or legal basis for sharing",
            description = "Sent at once unless draft is true. The consent names the recipient, the purpose and each field shared; only those fields"
                    + " of the resident's record are sealed for the recipient. 409 no-valid-consent when it does not hold today.")
    public ResponseEntity<ReferralCreated> refer(@Valid @RequestBody ReferralRequest body) {
        String referrer = Organisation.required();
        PersonalData record = queries.residentRecord(body.residentId(), referrer)
                .orElseThrow(() -> new NotFoundException("No resident " + body.residentId()));
        String referralId = UUID.randomUUID().toString();
        Consent consent = consent(body.consent(), body.recipient());
        // Told before the referral exists, so the referral itself is not what is found.
        // Without a target group named, the referral is for the offer's (its first): what the flow and the warnings count by.
        TargetGroup named = body.targetGroup() != null ? body.targetGroup()
                : offers.offer(body.offerId()).flatMap(o -> o.targetGroups().stream().findFirst()).orElse(null);
        List<String> warnings = index.openElsewhere(body.residentId(), named, body.recipient())
                ? List.of("open-referral-same-target-group") : List.of();
        Sealed shared = Boolean.TRUE.equals(body.draft()) ? null : seal.seal(body.residentId(), body.recipient(), record.only(consent.sharedData()));
        commands.send(new DraftReferral(referralId, body.residentId(), referrer, body.recipient(), body.offerId(), named,
                seal.sealNote(body.residentId(), referrer, body.note()), consent, shared, body.capacityOverrideReason()), "referral");
        return ResponseEntity.created(URI.create("/api/referrals/" + referralId)).body(new ReferralCreated(referralId, warnings));
    }

    @GetMapping("/api/referrals/offers")
    @Operation(summary = "The live offers a referral can go to, for a target group or all, with their free places (from the partner replica)")
    public List<Map<String, Object>> offers(@RequestParam(required = false) String targetGroup) {
        if (targetGroup == null || targetGroup.isBlank()) {
            return offers.live();
        }
        try {
            return OfferPolicy.alternatives(offers, TargetGroup.valueOf(targetGroup.strip().toUpperCase(Locale.ROOT)), "");
        } catch (IllegalArgumentException e) {
            throw new dk.bindeled.referrals.domain.InvalidInputException("targetGroup", "must be one of " + List.of(TargetGroup.values()));
        }
    }

    @GetMapping("/api/referrals")
    @Operation(summary = "My organisation's referrals: box=received (default) or sent, optionally one status; open ones first")
    public List<ReferralSummary> box(@RequestParam(required = false) String box, @RequestParam(required = false) String status) {
        boolean sent = "sent".equalsIgnoreCase(box);
        if (box != null && !sent && !"received".equalsIgnoreCase(box)) {
            throw new dk.bindeled.referrals.domain.InvalidInputException("box", "must be sent or received");
        }
        Status chosen = null;
        if (status != null && !status.isBlank()) {
            try {
                chosen = Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new dk.bindeled.referrals.domain.InvalidInputException("status", "must be one of " + List.of(Status.values()));
            }
        }
        return queries.box(Organisation.reader(), sent, chosen);
    }

    @GetMapping("/api/referrals/statistics")
    @Operation(summary = "Counts of sent referrals by status and target group; no ids and no personal data")
    public Statistics statistics() {
        return queries.statistics();
    }

    @GetMapping("/api/referrals/{referralId}")
    @Operation(summary = "A referral with its timeline, as the caller's side may see it; the resident's data only while the consent holds (the read is logged)")
    public ReferralView referral(@PathVariable String referralId) {
        return queries.referral(Organisation.reader(), referralId);
    }

    @PostMapping("/api/referrals/{referralId}/consents")
    @Operation(summary = "Record another consent (or legal basis) for the referral's recipient")
    public ResponseEntity<Created> recordConsent(@PathVariable String referralId, @Valid @RequestBody ConsentRequest body) {
        Sides sides = visible(referralId);
        Consent consent = consent(body, sides.recipient());
        commands.send(new RecordConsent(referralId, org(sides), consent), "referral " + referralId);
        return ResponseEntity.status(201).body(new Created(consent.consentId()));
    }

    @PostMapping("/api/referrals/{referralId}/consents/{consentId}/revoke")
    @Operation(summary = "Revoke a consent: the recipient loses sight of the resident's data at once")
    public ResponseEntity<Void> revokeConsent(@PathVariable String referralId, @PathVariable String consentId) {
        commands.send(new RevokeConsent(referralId, org(visible(referralId)), consentId), "referral " + referralId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/referrals/{referralId}/send")
    @Operation(summary = "Send a draft: the fields its valid consent names are sealed for the recipient")
    public ResponseEntity<Void> send(@PathVariable String referralId, @Valid @RequestBody(required = false) SendRequest body) {
        Sides sides = visible(referralId);
        if (sides.side() != Side.REFERRER) {
            throw new RuleViolationException("step-not-allowed", "Only the referrer may send a referral");
        }
        Map.Entry<String, List<PersonalData.Field>> consented = queries.consentedFields(referralId)
                .orElseThrow(() -> new RuleViolationException(ConsentPolicy.NO_VALID_CONSENT, "No valid consent holds today: record one before sending"));
        PersonalData record = queries.residentRecord(sides.residentId(), sides.referrer())
                .orElseThrow(() -> new RuleViolationException("resident-forgotten", "The resident is forgotten: there is nothing to share"));
        Sealed shared = seal.seal(sides.residentId(), sides.recipient(), record.only(consented.getValue()));
        commands.send(new SendReferral(referralId, org(sides), shared, body == null ? null : body.capacityOverrideReason()), "referral " + referralId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/referrals/{referralId}/withdraw")
    public ResponseEntity<Void> withdraw(@PathVariable String referralId, @Valid @RequestBody(required = false) NoteRequest body) {
        Sides sides = visible(referralId);
        String org = org(sides);
        commands.send(new WithdrawReferral(referralId, org, note(sides, org, body == null ? null : body.note())), "referral " + referralId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/referrals/{referralId}/entered-in-error")
    public ResponseEntity<Void> enteredInError(@PathVariable String referralId, @Valid @RequestBody(required = false) NoteRequest body) {
        Sides sides = visible(referralId);
        String org = org(sides);
        commands.send(new MarkReferralEnteredInError(referralId, org, note(sides, org, body == null ? null : body.note())), "referral " + referralId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/referrals/{referralId}/accept")
    public ResponseEntity<Void> accept(@PathVariable String referralId, @Valid @RequestBody(required = false) NoteRequest body) {
        Sides sides = visible(referralId);
        String org = org(sides);
        commands.send(new AcceptReferral(referralId, org, note(sides, org, body == null ? null : body.note())), "referral " + referralId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/referrals/{referralId}/decline")
    public ResponseEntity<Void> decline(@PathVariable String referralId, @Valid @RequestBody DeclineRequest body) {
        Sides sides = visible(referralId);
        String org = org(sides);
        commands.send(new DeclineReferral(referralId, org, body.reason(), note(sides, org, body.note())), "referral " + referralId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/referrals/{referralId}/forward")
    public ResponseEntity<Void> forward(@PathVariable String referralId, @Valid @RequestBody ForwardRequest body) {
        Sides sides = visible(referralId);
        String org = org(sides);
        commands.send(new ForwardReferral(referralId, org, body.toOfferId(), note(sides, org, body.note())), "referral " + referralId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/referrals/{referralId}/contact-made")
    public ResponseEntity<Void> contactMade(@PathVariable String referralId, @Valid @RequestBody(required = false) NoteRequest body) {
        Sides sides = visible(referralId);
        String org = org(sides);
        commands.send(new RecordContactMade(referralId, org, note(sides, org, body == null ? null : body.note())), "referral " + referralId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/referrals/{referralId}/contact-failed")
    public ResponseEntity<Void> contactFailed(@PathVariable String referralId, @Valid @RequestBody(required = false) NoteRequest body) {
        Sides sides = visible(referralId);
        String org = org(sides);
        commands.send(new RecordContactFailed(referralId, org, note(sides, org, body == null ? null : body.note())), "referral " + referralId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/referrals/{referralId}/complete")
    public ResponseEntity<Void> complete(@PathVariable String referralId, @Valid @RequestBody CompleteRequest body) {
        Sides sides = visible(referralId);
        String org = org(sides);
        commands.send(new CompleteReferral(referralId, org, body.outcome(), note(sides, org, body.note())), "referral " + referralId);
        return ResponseEntity.noContent().build();
    }

    private Sides visible(String referralId) {
        return Organisation.sides(queries, referralId);
    }

    private static String org(Sides sides) {
        return Organisation.acting(sides);
    }

    /** A note is sealed under the key of the organisation writing it. */
    private Sealed note(Sides sides, String org, String note) {
        return seal.sealNote(sides.residentId(), org, note);
    }

    private static Consent consent(ConsentRequest body, String recipient) {
        return new Consent(UUID.randomUUID().toString(), body.purpose().strip(), recipient, List.copyOf(new java.util.LinkedHashSet<>(body.sharedData())),
                body.basis(), Requests.blank(body.provision()), body.givenBy() == null ? Consent.GivenBy.NONE : body.givenBy(),
                Callers.current().subject(), body.givenOn(), body.expiresOn());
    }
}
