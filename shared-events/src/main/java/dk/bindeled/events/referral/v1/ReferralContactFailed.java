package dk.bindeled.events.referral.v1;

import dk.bindeled.events.partner.v1.TargetGroup;

/** The recipient tried and could not get in touch with the resident. */
public record ReferralContactFailed(String referralId, String referrerPartnerId, String recipientPartnerId, String offerId,
                                    TargetGroup targetGroup) implements ReferralEvent {
    public ReferralContactFailed {
        Require.common(referralId, referrerPartnerId, recipientPartnerId, offerId);
    }
}
