package dk.bindeled.events;

import dk.bindeled.events.partner.v1.TargetGroup;
import dk.bindeled.events.referral.v1.DeclineReason;
import dk.bindeled.events.referral.v1.OverdueKind;
import dk.bindeled.events.referral.v1.ReferralAccepted;
import dk.bindeled.events.referral.v1.ReferralCompleted;
import dk.bindeled.events.referral.v1.ReferralConsentRevoked;
import dk.bindeled.events.referral.v1.ReferralContactFailed;
import dk.bindeled.events.referral.v1.ReferralContactMade;
import dk.bindeled.events.referral.v1.ReferralDeclined;
import dk.bindeled.events.referral.v1.ReferralEnteredInError;
import dk.bindeled.events.referral.v1.ReferralEvent;
import dk.bindeled.events.referral.v1.ReferralForwarded;
import dk.bindeled.events.referral.v1.ReferralOutcome;
import dk.bindeled.events.referral.v1.ReferralOverdue;
import dk.bindeled.events.referral.v1.ReferralSent;
import dk.bindeled.events.referral.v1.ReferralWithdrawn;
import java.util.List;

/**
 * One realistic sample of every v1 referral event: a family consultant of the municipality refers a young mother to
 * the health visitors' baby café (Sundhedsplejen's offer {@code o1} in {@link PartnerEventSamples}). Nothing here says
 * who she is: the events carry ids and categories only.
 */
final class ReferralEventSamples {

    static final String REFERRAL = "4d3c2b1a-0f9e-4d8c-b7a6-5e4f3a2b1c0d";
    /** The family department (Familieafdelingen) whose caseworker refers. */
    static final String REFERRER = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
    /** The same partner as in {@link PartnerEventSamples}: referrals refer to partners and offers by their registry ids. */
    static final String RECIPIENT = PartnerEventSamples.PARTNER;
    static final String OFFER = "o1";
    /** Another offer of the same recipient, which the referral is forwarded to. */
    static final String OTHER_OFFER = "o2";
    static final String CONSENT = "f0e1d2c3-b4a5-4968-8776-655443322110";

    private static final TargetGroup GROUP = TargetGroup.YOUNG_MOTHERS;

    private ReferralEventSamples() {
    }

    static List<ReferralEvent> all() {
        return List.of(
                new ReferralSent(REFERRAL, REFERRER, RECIPIENT, OFFER, GROUP, true),
                new ReferralAccepted(REFERRAL, REFERRER, RECIPIENT, OFFER, GROUP),
                new ReferralDeclined(REFERRAL, REFERRER, RECIPIENT, OFFER, GROUP, DeclineReason.NO_CAPACITY),
                new ReferralForwarded(REFERRAL, REFERRER, RECIPIENT, OFFER, GROUP, OTHER_OFFER),
                new ReferralContactMade(REFERRAL, REFERRER, RECIPIENT, OTHER_OFFER, GROUP),
                new ReferralContactFailed(REFERRAL, REFERRER, RECIPIENT, OTHER_OFFER, GROUP),
                new ReferralCompleted(REFERRAL, REFERRER, RECIPIENT, OTHER_OFFER, GROUP, ReferralOutcome.GOT_HELP),
                new ReferralWithdrawn(REFERRAL, REFERRER, RECIPIENT, OFFER, GROUP),
                new ReferralEnteredInError(REFERRAL, REFERRER, RECIPIENT, OFFER, GROUP),
                new ReferralOverdue(REFERRAL, REFERRER, RECIPIENT, OFFER, GROUP, OverdueKind.CONTACT),
                new ReferralConsentRevoked(REFERRAL, REFERRER, RECIPIENT, OTHER_OFFER, GROUP, CONSENT));
    }

    /** Every type with each of its optional (nullable) fields left out: the target group is the only one. */
    static List<ReferralEvent> minimal() {
        return List.of(
                new ReferralSent(REFERRAL, REFERRER, RECIPIENT, OFFER, null, false),
                new ReferralAccepted(REFERRAL, REFERRER, RECIPIENT, OFFER, null),
                new ReferralDeclined(REFERRAL, REFERRER, RECIPIENT, OFFER, null, DeclineReason.OTHER),
                new ReferralForwarded(REFERRAL, REFERRER, RECIPIENT, OFFER, null, OTHER_OFFER),
                new ReferralContactMade(REFERRAL, REFERRER, RECIPIENT, OFFER, null),
                new ReferralContactFailed(REFERRAL, REFERRER, RECIPIENT, OFFER, null),
                new ReferralCompleted(REFERRAL, REFERRER, RECIPIENT, OFFER, null, ReferralOutcome.COULD_NOT_BE_HELPED),
                new ReferralWithdrawn(REFERRAL, REFERRER, RECIPIENT, OFFER, null),
                new ReferralEnteredInError(REFERRAL, REFERRER, RECIPIENT, OFFER, null),
                new ReferralOverdue(REFERRAL, REFERRER, RECIPIENT, OFFER, null, OverdueKind.ANSWER),
                new ReferralConsentRevoked(REFERRAL, REFERRER, RECIPIENT, OFFER, null, CONSENT));
    }
}
