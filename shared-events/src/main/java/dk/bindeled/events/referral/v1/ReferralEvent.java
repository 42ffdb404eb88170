package dk.bindeled.events.referral.v1;

import dk.bindeled.events.IntegrationEvent;
import dk.bindeled.events.partner.v1.TargetGroup;

/**
 * An integration event of referrals (henvisninger), version 1. Keyed and ordered by the referral. Carries no personal
 * data at all: no names, no notes or other free text, no dates of birth, nothing of the resident. Only pseudonymous ids
 * (the referral id is a random id that says nothing about the resident), the referring and the receiving partner, the
 * offer, a target group, statuses and reasons as categories. What the resident agreed to share stays in the referrals
 * service, which shows it to the recipient only while the consent holds.
 *
 * <p>Every event starts with the same five fields, so a consumer can place any of them without an earlier one.
 * {@code offerId} is the offer the referral is at when the event happens ({@link ReferralForwarded} moves it to
 * another offer of the recipient's); {@code targetGroup} is the target group the referral is counted under, or
 * null when none was given.
 */
public sealed interface ReferralEvent extends IntegrationEvent
        permits ReferralSent, ReferralAccepted, ReferralDeclined, ReferralForwarded,
                ReferralContactMade, ReferralContactFailed, ReferralCompleted,
                ReferralWithdrawn, ReferralEnteredInError, ReferralOverdue, ReferralConsentRevoked {

    String referralId();

    /** The partner whose caseworker referred the resident. */
    String referrerPartnerId();

    /** The partner whose offer receives the referral. */
    String recipientPartnerId();

    /** The recipient's offer the referral is at. */
    String offerId();

    /** The target group the referral is counted under; null when none was given. */
    TargetGroup targetGroup();

    @Override
    default String subject() {
        return referralId();
    }
}
