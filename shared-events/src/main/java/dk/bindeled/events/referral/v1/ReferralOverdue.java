package dk.bindeled.events.referral.v1;

import dk.bindeled.events.partner.v1.TargetGroup;

/**
 * The referral passed a deadline of the referrals service; {@code kind} says which: an answer (accept or decline) or
 * contact with the resident. A reminder, not a status: the referral stays where it was.
 */
public record ReferralOverdue(String referralId, String referrerPartnerId, String recipientPartnerId, String offerId,
                              TargetGroup targetGroup, OverdueKind kind) implements ReferralEvent {
    public ReferralOverdue {
        Require.common(referralId, referrerPartnerId, recipientPartnerId, offerId);
        Require.present(kind, "kind");
    }
}
