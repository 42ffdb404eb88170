package dk.bindeled.referrals.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dk.bindeled.referrals.api.Commands.AcceptReferral;
import dk.bindeled.referrals.api.Commands.CompleteReferral;
import dk.bindeled.referrals.api.Commands.DeclineReferral;
import dk.bindeled.referrals.api.Commands.DraftReferral;
import dk.bindeled.referrals.api.Commands.ForwardReferral;
import dk.bindeled.referrals.api.Commands.IssueStatusLink;
import dk.bindeled.referrals.api.Commands.RevokeStatusLink;
import dk.bindeled.referrals.api.Events.StatusLinkIssued;
import dk.bindeled.referrals.api.Events.StatusLinkRevoked;
import dk.bindeled.referrals.api.Commands.MarkReferralEnteredInError;
import dk.bindeled.referrals.api.Commands.RecordConsent;
import dk.bindeled.referrals.api.Commands.RecordContactFailed;
import dk.bindeled.referrals.api.Commands.RecordContactMade;
import dk.bindeled.referrals.api.Commands.RevokeConsent;
import dk.bindeled.referrals.api.Commands.SendReferral;
import dk.bindeled.referrals.api.Commands.WithdrawReferral;
import dk.bindeled.referrals.api.Consent;
import dk.bindeled.referrals.api.Events.ConsentRecorded;
import dk.bindeled.referrals.api.Events.ConsentRevoked;
import dk.bindeled.referrals.api.Events.ContactFailed;
import dk.bindeled.referrals.api.Events.ContactMade;
import dk.bindeled.referrals.api.Events.Parties;
import dk.bindeled.referrals.api.Events.ReferralAccepted;
import dk.bindeled.referrals.api.Events.ReferralCompleted;
import dk.bindeled.referrals.api.Events.ReferralDeclined;
import dk.bindeled.referrals.api.Events.ReferralDrafted;
import dk.bindeled.referrals.api.Events.ReferralEnteredInError;
import dk.bindeled.referrals.api.Events.ReferralForwarded;
import dk.bindeled.referrals.api.Events.ReferralSent;
import dk.bindeled.referrals.api.Events.ReferralWithdrawn;
import dk.bindeled.referrals.api.Sealed;
import dk.bindeled.referrals.domain.ReferralLifecycle.Side;
import dk.bindeled.referrals.domain.ReferralLifecycle.Status;
import dk.bindeled.referrals.domain.ReferralLifecycle.Step;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import dk.bindeled.events.referral.v1.OverdueKind;
import dk.bindeled.referrals.api.Events.ReferralOverdue;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.ApplyMore;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One resident referred by one organisation to another's offer, event-sourced. It keeps no personal data, not even
 * sealed (so its snapshots hold none): only who is on which side, where it stands and the terms of its consents.
 */
@Aggregate
public class Referral {

    /** Danish days: "today" for a consent's dates. */
    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    @AggregateIdentifier
    private String referralId;
    private String residentId;
    private String referrer;
    private String recipient;
    private String offerId;
    private dk.bindeled.events.partner.v1.TargetGroup targetGroup;
    private Status status;
    private List<Consent> consents = new ArrayList<>();
    /** Each send and forward starts a new answer round, each acceptance a contact round; an older round's deadline is void. */
    private int answerRound;
    private int contactRound;
    private Set<String> revoked = new HashSet<>();
    /** Status links by id, with when each expires; revoked ones apart. */
    private java.util.Map<String, Instant> links = new java.util.HashMap<>();
    private Set<String> revokedLinks = new HashSet<>();

    protected Referral() {
        // Axon rebuilds the aggregate from its events.
    }

    @CommandHandler
    public Referral(DraftReferral command, Clock clock, DeadlineManager deadlines, DeadlinePolicy policy, OfferCatalogue offers,
                    ReferralIndex index) {
        required("residentId", command.residentId());
        required("referrer", command.referrer());
        required("recipient", command.recipient());
        required("offerId", command.offerId());
        sealedBy(command.note(), command.referrer(), "note");
        if (command.shared() == null && blankToNull(command.overrideReason()) != null) {
            throw new InvalidInputException("capacityOverrideReason", "is given when sending; a draft is not sent");
        }
        OfferPolicy.noDuplicate(index, command.residentId(), command.offerId());
        // In a constructor Axon applies the events after it returns: each next step runs once the one before is applied.
        ApplyMore steps = apply(new ReferralDrafted(command.referralId(), command.residentId(), command.referrer(), command.recipient(),
                command.offerId(), command.targetGroup(), command.note()));
        if (command.consent() != null) {
            steps = steps.andThen(() -> record(command.consent()));
        }
        if (command.shared() != null) {
            steps.andThen(() -> send(command.shared(), command.overrideReason(), clock, deadlines, policy, offers));
        }
    }

    @CommandHandler
    public void handle(RecordConsent command) {
        requireReferrer(command.actingOrg(), "record a consent");
        if (!ReferralLifecycle.open(status)) {
            throw new RuleViolationException(ReferralLifecycle.RULE, "A closed referral takes no new consent");
        }
        record(command.consent());
    }

    private void record(Consent consent) {
        List<InvalidInputException> problems = ConsentPolicy.problems(consent);
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
        if (!recipient.equals(consent.recipient())) {
            throw new InvalidInputException("recipient", "must be the referral's recipient: a consent names the one who receives the data");
        }
        if (consents.stream().anyMatch(c -> c.consentId().equals(consent.consentId()))) {
            throw new RuleViolationException("consent-exists", "The referral already has consent " + consent.consentId());
        }
        apply(new ConsentRecorded(referralId, parties(), consent));
    }

    @CommandHandler
    public void handle(RevokeConsent command) {
        requireReferrer(command.actingOrg(), "revoke a consent");
        if (consents.stream().noneMatch(c -> c.consentId().equals(command.consentId()))) {
            throw new NotFoundException("No consent " + command.consentId() + " on referral " + referralId);
        }
        if (revoked.contains(command.consentId())) {
            throw new RuleViolationException("consent-revoked", "Consent " + command.consentId() + " is revoked already");
        }
        apply(new ConsentRevoked(referralId, parties(), command.consentId()));
    }

    @CommandHandler
    public void handle(SendReferral command, Clock clock, DeadlineManager deadlines, DeadlinePolicy policy, OfferCatalogue offers) {
        requireReferrer(command.actingOrg(), "send a referral");
        send(command.shared(), command.overrideReason(), clock, deadlines, policy, offers);
    }

    private void send(Sealed shared, String overrideReason, Clock clock, DeadlineManager deadlines, DeadlinePolicy policy,
                      OfferCatalogue offers) {
        ReferralLifecycle.next(Step.SEND, status, Side.REFERRER);
        OfferPolicy.check(offers, offerId, recipient, targetGroup, overrideReason, "offerId");
        Consent consent = ConsentPolicy.valid(consents, revoked, recipient, LocalDate.now(clock.withZone(COPENHAGEN)))
                .orElseThrow(() -> new RuleViolationException(ConsentPolicy.NO_VALID_CONSENT,
                        "No valid consent or legal basis names " + recipient + " as recipient today: record one before sending"));
        if (shared == null) {
            throw new InvalidInputException("shared", "is required: the consented data, sealed for the recipient");
        }
        sealedBy(shared, recipient, "shared");
        apply(new ReferralSent(referralId, parties(), consent.consentId(), shared, blankToNull(overrideReason)));
        schedule(deadlines, DeadlinePolicy.ANSWER_DUE, terms(policy, offers, offerId).answerDue(clock.instant()), answerRound);
    }

    @CommandHandler
    public void handle(WithdrawReferral command) {
        ReferralLifecycle.next(Step.WITHDRAW, status, side(command.actingOrg(), Side.REFERRER));
        sealedBy(command.note(), referrer, "note");
        apply(new ReferralWithdrawn(referralId, parties(), command.note()));
    }

    @CommandHandler
    public void handle(MarkReferralEnteredInError command) {
        ReferralLifecycle.next(Step.ENTERED_IN_ERROR, status, side(command.actingOrg(), Side.REFERRER));
        sealedBy(command.note(), referrer, "note");
        apply(new ReferralEnteredInError(referralId, parties(), command.note()));
    }

    @CommandHandler
    public void handle(AcceptReferral command, Clock clock, DeadlineManager deadlines, DeadlinePolicy policy, OfferCatalogue offers) {
        ReferralLifecycle.next(Step.ACCEPT, status, side(command.actingOrg(), Side.RECIPIENT));
        sealedBy(command.note(), recipient, "note");
        apply(new ReferralAccepted(referralId, parties(), command.note()));
        schedule(deadlines, DeadlinePolicy.CONTACT_DUE, terms(policy, offers, offerId).contactDue(clock.instant()), contactRound);
    }

    @CommandHandler
    public void handle(DeclineReferral command) {
        ReferralLifecycle.next(Step.DECLINE, status, side(command.actingOrg(), Side.RECIPIENT));
        if (command.reason() == null) {
            throw new InvalidInputException("reason", "is required: NOT_ELIGIBLE, NO_CAPACITY, RESIDENT_DECLINED or OTHER");
        }
        sealedBy(command.note(), recipient, "note");
        apply(new ReferralDeclined(referralId, parties(), command.reason(), command.note()));
    }

    @CommandHandler
    public void handle(ForwardReferral command, Clock clock, DeadlineManager deadlines, DeadlinePolicy policy, OfferCatalogue offers,
                       ReferralIndex index) {
        ReferralLifecycle.next(Step.FORWARD, status, side(command.actingOrg(), Side.RECIPIENT));
        required("toOfferId", command.toOfferId());
        if (command.toOfferId().equals(offerId)) {
            throw new InvalidInputException("toOfferId", "is the offer it is referred to already");
        }
        OfferPolicy.check(offers, command.toOfferId(), recipient, targetGroup, null, "toOfferId");
        OfferPolicy.noDuplicate(index, residentId, command.toOfferId());
        sealedBy(command.note(), recipient, "note");
        apply(new ReferralForwarded(referralId, parties(), offerId, command.toOfferId(), command.note()));
        schedule(deadlines, DeadlinePolicy.ANSWER_DUE, terms(policy, offers, command.toOfferId()).answerDue(clock.instant()), answerRound);
    }

    /** A sent referral still unanswered when its round's deadline comes. */
    @DeadlineHandler(deadlineName = DeadlinePolicy.ANSWER_DUE)
    void answerDue(DeadlinePolicy.Due due) {
        if (due.round() == answerRound && status == Status.SENT) {
            apply(new ReferralOverdue(referralId, parties(), OverdueKind.ANSWER, due.dueAt()), MetaData.with("actor", DeadlinePolicy.ACTOR));
        }
    }

    /** An accepted referral without contact made when its round's deadline comes. */
    @DeadlineHandler(deadlineName = DeadlinePolicy.CONTACT_DUE)
    void contactDue(DeadlinePolicy.Due due) {
        if (due.round() == contactRound && (status == Status.ACCEPTED || status == Status.CONTACT_FAILED)) {
            apply(new ReferralOverdue(referralId, parties(), OverdueKind.CONTACT, due.dueAt()), MetaData.with("actor", DeadlinePolicy.ACTOR));
        }
    }

    /** The deadlines the offer's partner committed to, or the defaults. */
    private static DeadlinePolicy terms(DeadlinePolicy defaults, OfferCatalogue offers, String offer) {
        return defaults.forOffer(offers.offer(offer).map(OfferCatalogue.Offer::terms).orElse(null));
    }

    private void schedule(DeadlineManager deadlines, String name, Instant dueAt, int round) {
        deadlines.schedule(dueAt, name, new DeadlinePolicy.Due(referralId, round, dueAt));
    }

    @CommandHandler
    public void handle(RecordContactMade command) {
        ReferralLifecycle.next(Step.CONTACT_MADE, status, side(command.actingOrg(), Side.RECIPIENT));
        sealedBy(command.note(), recipient, "note");
        apply(new ContactMade(referralId, parties(), command.note()));
    }

    @CommandHandler
    public void handle(RecordContactFailed command) {
        ReferralLifecycle.next(Step.CONTACT_FAILED, status, side(command.actingOrg(), Side.RECIPIENT));
        sealedBy(command.note(), recipient, "note");
        apply(new ContactFailed(referralId, parties(), command.note()));
    }

    @CommandHandler
    public void handle(CompleteReferral command) {
        ReferralLifecycle.next(Step.COMPLETE, status, side(command.actingOrg(), Side.RECIPIENT));
        if (command.outcome() == null) {
            throw new InvalidInputException("outcome", "is required: GOT_HELP, REFERRED_ELSEWHERE, NO_LONGER_INTERESTED or COULD_NOT_BE_HELPED");
        }
        sealedBy(command.note(), recipient, "note");
        apply(new ReferralCompleted(referralId, parties(), command.outcome(), command.note()));
    }

    @CommandHandler
    public void handle(IssueStatusLink command, Clock clock) {
        side(command.actingOrg(), Side.REFERRER);
        StatusLinkPolicy.issuable(status);
        required("tokenHash", command.tokenHash());
        Instant now = clock.instant();
        Instant expiresAt = StatusLinkPolicy.expiry(command.expiresInDays(), now);
        long open = links.entrySet().stream().filter(l -> StatusLinkPolicy.usable(revokedLinks.contains(l.getKey()), l.getValue(), status, now)).count();
        if (open >= StatusLinkPolicy.MAX_OPEN) {
            throw new RuleViolationException(StatusLinkPolicy.TOO_MANY,
                    "The referral has " + open + " open status links, the most there may be: revoke one first");
        }
        sealedBy(command.label(), command.actingOrg(), "label");
        apply(new StatusLinkIssued(referralId, parties(), command.linkId(), command.tokenHash(), command.actingOrg(), command.label(), expiresAt,
                command.showsPersonalData()));
    }

    /** Either side may revoke a link: the recipient can stop one the referrer handed to its volunteers, and the other way round. */
    @CommandHandler
    public void handle(RevokeStatusLink command) {
        side(command.actingOrg(), Side.REFERRER);
        if (!links.containsKey(command.linkId())) {
            throw new NotFoundException("No status link " + command.linkId() + " on referral " + referralId);
        }
        if (revokedLinks.contains(command.linkId())) {
            throw new RuleViolationException(StatusLinkPolicy.REVOKED, "Status link " + command.linkId() + " is revoked already");
        }
        apply(new StatusLinkRevoked(referralId, parties(), command.linkId()));
    }

    @EventSourcingHandler
    void on(StatusLinkIssued event) {
        links.put(event.linkId(), event.expiresAt());
    }

    @EventSourcingHandler
    void on(StatusLinkRevoked event) {
        revokedLinks.add(event.linkId());
    }

    @EventSourcingHandler
    void on(ReferralDrafted event) {
        referralId = event.referralId();
        residentId = event.residentId();
        referrer = event.referrer();
        recipient = event.recipient();
        offerId = event.offerId();
        targetGroup = event.targetGroup();
        status = Status.DRAFT;
    }

    @EventSourcingHandler
    void on(ConsentRecorded event) {
        consents.add(event.consent());
    }

    @EventSourcingHandler
    void on(ConsentRevoked event) {
        revoked.add(event.consentId());
    }

    @EventSourcingHandler
    void on(ReferralSent event) {
        status = Status.SENT;
        answerRound++;
    }

    @EventSourcingHandler
    void on(ReferralWithdrawn event) {
        status = Status.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(ReferralEnteredInError event) {
        status = Status.ENTERED_IN_ERROR;
    }

    @EventSourcingHandler
    void on(ReferralAccepted event) {
        status = Status.ACCEPTED;
        contactRound++;
    }

    @EventSourcingHandler
    void on(ReferralDeclined event) {
        status = Status.DECLINED;
    }

    @EventSourcingHandler
    void on(ReferralForwarded event) {
        offerId = event.toOfferId();
        status = Status.SENT;
        answerRound++;
    }

    @EventSourcingHandler
    void on(ContactMade event) {
        status = Status.CONTACT_MADE;
    }

    @EventSourcingHandler
    void on(ContactFailed event) {
        status = Status.CONTACT_FAILED;
    }

    @EventSourcingHandler
    void on(ReferralCompleted event) {
        status = Status.COMPLETED;
    }

    private void requireReferrer(String actingOrg, String what) {
        if (side(actingOrg, Side.REFERRER) != Side.REFERRER) {
            throw new RuleViolationException(ReferralLifecycle.RULE, "Only the referrer may " + what);
        }
    }

    private Parties parties() {
        return new Parties(referrer, recipient, offerId, targetGroup);
    }

    /**
     * Which side the acting organisation is on. Anyone else is told the referral does not exist, as a read would: a
     * referral between two others is invisible, not forbidden. One organisation on both sides acts as the step's side.
     */
    private Side side(String actingOrg, Side wanted) {
        boolean asReferrer = referrer.equals(actingOrg);
        boolean asRecipient = recipient.equals(actingOrg);
        if (asReferrer && asRecipient) {
            return wanted;
        }
        if (asReferrer) {
            return Side.REFERRER;
        }
        if (asRecipient) {
            return Side.RECIPIENT;
        }
        throw new NotFoundException("No referral " + referralId);
    }

    /** A note is sealed by the organisation that writes it, so each side's erasure reaches its own notes. */
    private static void sealedBy(Sealed sealed, String controller, String field) {
        if (sealed != null && !sealed.controller().equals(controller)) {
            throw new InvalidInputException(field, "must be sealed for " + controller);
        }
    }

    private static void required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
