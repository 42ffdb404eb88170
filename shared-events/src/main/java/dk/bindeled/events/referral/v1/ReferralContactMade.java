package dk.bindeled.events.referral.v1;

import dk.bindeled.events.partner.v1.TargetGroup;

/** The recipient made contact with the resident: the milestone the referrer waits for. */
public record ReferralContactMade(String referralId, String referrerPartnerId, String recipientPartnerId, String offerId,
                                  TargetGroup targetGroup) implements ReferralEvent {
    public ReferralContactMade {
        Require.common(referralId, referrerPartnerId, recipientPartnerId, offerId);
    }
}
