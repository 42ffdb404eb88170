package dk.bindeled.events.referral.v1;

import dk.bindeled.events.partner.v1.TargetGroup;

/** The referrer withdrew the referral; the recipient takes no further steps. */
public record ReferralWithdrawn(String referralId, String referrerPartnerId, String recipientPartnerId, String offerId,
                                TargetGroup targetGroup) implements ReferralEvent {
    public ReferralWithdrawn {
        Require.common(referralId, referrerPartnerId, recipientPartnerId, offerId);
    }
}
