package dk.bindeled.events.referral.v1;

import dk.bindeled.events.partner.v1.TargetGroup;

/** The recipient closed the referral; {@code outcome} says how it ended, as a category. */
public record ReferralCompleted(String referralId, String referrerPartnerId, String recipientPartnerId, String offerId,
                                TargetGroup targetGroup, ReferralOutcome outcome) implements ReferralEvent {
    public ReferralCompleted {
        Require.common(referralId, referrerPartnerId, recipientPartnerId, offerId);
        Require.present(outcome, "outcome");
    }
}
