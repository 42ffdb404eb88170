package dk.bindeled.events.referral.v1;

import dk.bindeled.events.partner.v1.TargetGroup;

/**
 * The resident revoked the consent {@code consentId} under which data were shared with the recipient: the recipient
 * must stop using the shared data from now on. The consent itself, and what it covered, stay in the referrals service.
 */
public record ReferralConsentRevoked(String referralId, String referrerPartnerId, String recipientPartnerId, String offerId,
                                     TargetGroup targetGroup, String consentId) implements ReferralEvent {
    public ReferralConsentRevoked {
        Require.common(referralId, referrerPartnerId, recipientPartnerId, offerId);
        Require.id(consentId, "consentId");
    }
}
