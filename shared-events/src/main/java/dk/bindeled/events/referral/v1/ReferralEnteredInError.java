package dk.bindeled.events.referral.v1;

import dk.bindeled.events.partner.v1.TargetGroup;

/**
 * The referral should never have been made (the wrong resident or the wrong offer): it is void, and consumers leave it
 * out of what they count.
 */
public record ReferralEnteredInError(String referralId, String referrerPartnerId, String recipientPartnerId, String offerId,
                                     TargetGroup targetGroup) implements ReferralEvent {
    public ReferralEnteredInError {
        Require.common(referralId, referrerPartnerId, recipientPartnerId, offerId);
    }
}
