package dk.bindeled.events.referral.v1;

/** Which deadline of the referrals service a referral passed. Closed within v1. */
public enum OverdueKind {
    /** The recipient neither accepted nor declined it in time. */
    ANSWER,
    /** The recipient accepted it but made no contact with the resident in time. */
    CONTACT
}
