package dk.bindeled.events.referral.v1;

import dk.bindeled.events.partner.v1.TargetGroup;

/**
 * The recipient passed the referral on to another offer of its own, {@code toOfferId}. In this event {@code offerId} is
 * still the offer it leaves; the events after it carry {@code toOfferId} as their {@code offerId}. The recipient stays
 * the same partner.
 */
public record ReferralForwarded(String referralId, String referrerPartnerId, String recipientPartnerId, String offerId,
                                TargetGroup targetGroup, String toOfferId) implements ReferralEvent {
    public ReferralForwarded {
        Require.common(referralId, referrerPartnerId, recipientPartnerId, offerId);
        Require.id(toOfferId, "toOfferId");
        if (toOfferId.equals(offerId)) {
            throw new IllegalArgumentException("toOfferId must be another offer than offerId " + offerId);
        }
    }
}
