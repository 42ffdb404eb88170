package dk.bindeled.referrals.integration.out;

import dk.bindeled.events.referral.v1.ReferralEvent;
import dk.bindeled.referrals.api.Events;
import dk.bindeled.referrals.api.Events.Parties;
import java.util.Optional;

/**
 * The allow-list: which domain events leave the service and what they say outside — ids, partners, the offer, the
 * target group and categories, never a resident's data, a note or a consent's purpose. Residents, their erasure and
 * drafts are not published at all. Integration events are in {@code dk.bindeled.events.referral.v1}.
 */
public final class IntegrationEventTranslator {

    private IntegrationEventTranslator() {
    }

    public static Optional<ReferralEvent> translate(Object domainEvent) {
        ReferralEvent translated;
        if (domainEvent instanceof Events.ReferralSent e) {
            Parties p = e.parties();
            translated = new dk.bindeled.events.referral.v1.ReferralSent(e.referralId(), p.referrer(), p.recipient(), p.offerId(),
                    p.targetGroup(), e.overrideReason() != null);
        } else if (domainEvent instanceof Events.ReferralAccepted e) {
            Parties p = e.parties();
            translated = new dk.bindeled.events.referral.v1.ReferralAccepted(e.referralId(), p.referrer(), p.recipient(), p.offerId(), p.targetGroup());
        } else if (domainEvent instanceof Events.ReferralDeclined e) {
            Parties p = e.parties();
            translated = new dk.bindeled.events.referral.v1.ReferralDeclined(e.referralId(), p.referrer(), p.recipient(), p.offerId(),
                    p.targetGroup(), e.reason());
        } else if (domainEvent instanceof Events.ReferralForwarded e) {
            Parties p = e.parties();
            translated = new dk.bindeled.events.referral.v1.ReferralForwarded(e.referralId(), p.referrer(), p.recipient(), e.fromOfferId(),
                    p.targetGroup(), e.toOfferId());
        } else if (domainEvent instanceof Events.ContactMade e) {
            Parties p = e.parties();
            translated = new dk.bindeled.events.referral.v1.ReferralContactMade(e.referralId(), p.referrer(), p.recipient(), p.offerId(), p.targetGroup());
        } else if (domainEvent instanceof Events.ContactFailed e) {
            Parties p = e.parties();
            translated = new dk.bindeled.events.referral.v1.ReferralContactFailed(e.referralId(), p.referrer(), p.recipient(), p.offerId(), p.targetGroup());
        } else if (domainEvent instanceof Events.ReferralCompleted e) {
            Parties p = e.parties();
            translated = new dk.bindeled.events.referral.v1.ReferralCompleted(e.referralId(), p.referrer(), p.recipient(), p.offerId(),
                    p.targetGroup(), e.outcome());
        } else if (domainEvent instanceof Events.ReferralWithdrawn e) {
            Parties p = e.parties();
            translated = new dk.bindeled.events.referral.v1.ReferralWithdrawn(e.referralId(), p.referrer(), p.recipient(), p.offerId(), p.targetGroup());
        } else if (domainEvent instanceof Events.ReferralEnteredInError e) {
            Parties p = e.parties();
            translated = new dk.bindeled.events.referral.v1.ReferralEnteredInError(e.referralId(), p.referrer(), p.recipient(), p.offerId(), p.targetGroup());
        } else if (domainEvent instanceof Events.ReferralOverdue e) {
            Parties p = e.parties();
            translated = new dk.bindeled.events.referral.v1.ReferralOverdue(e.referralId(), p.referrer(), p.recipient(), p.offerId(),
                    p.targetGroup(), e.kind());
        } else if (domainEvent instanceof Events.ConsentRevoked e) {
            Parties p = e.parties();
            translated = new dk.bindeled.events.referral.v1.ReferralConsentRevoked(e.referralId(), p.referrer(), p.recipient(), p.offerId(),
                    p.targetGroup(), e.consentId());
        } else {
            translated = null;
        }
        return Optional.ofNullable(translated);
    }
}
