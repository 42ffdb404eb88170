package dk.bindeled.events.referral.v1;

import dk.bindeled.events.partner.v1.TargetGroup;

/**
 * A caseworker of the referring partner sent a referral to an offer of the recipient; it waits for the recipient to
 * accept or decline it. {@code capacityOverridden} is true when the offer was full and the referrer sent it anyway,
 * giving the referrals service a reason (which stays there).
 */
public record ReferralSent(String referralId, String referrerPartnerId, String recipientPartnerId, String offerId,
                           TargetGroup targetGroup, boolean capacityOverridden) implements ReferralEvent {
    public ReferralSent {
        Require.common(referralId, referrerPartnerId, recipientPartnerId, offerId);
    }
}
