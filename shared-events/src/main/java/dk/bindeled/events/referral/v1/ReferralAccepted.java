package dk.bindeled.events.referral.v1;

import dk.bindeled.events.partner.v1.TargetGroup;

/** The recipient accepted the referral and will get in touch with the resident. */
public record ReferralAccepted(String referralId, String referrerPartnerId, String recipientPartnerId, String offerId,
                               TargetGroup targetGroup) implements ReferralEvent {
    public ReferralAccepted {
        Require.common(referralId, referrerPartnerId, recipientPartnerId, offerId);
    }
}
