package dk.bindeled.events.referral.v1;

import dk.bindeled.events.partner.v1.TargetGroup;

/** The recipient declined the referral; {@code reason} says why as a category. */
public record ReferralDeclined(String referralId, String referrerPartnerId, String recipientPartnerId, String offerId,
                               TargetGroup targetGroup, DeclineReason reason) implements ReferralEvent {
    public ReferralDeclined {
        Require.common(referralId, referrerPartnerId, recipientPartnerId, offerId);
        Require.present(reason, "reason");
    }
}
