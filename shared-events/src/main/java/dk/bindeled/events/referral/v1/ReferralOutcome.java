package dk.bindeled.events.referral.v1;

/** How a referral ended when the recipient completed it: what closes the loop back to the referrer. Closed within v1. */
public enum ReferralOutcome {
    /** The resident got the help the offer gives. */
    GOT_HELP,
    /** The recipient sent the resident on to someone outside the referrals service. */
    REFERRED_ELSEWHERE,
    NO_LONGER_INTERESTED,
    COULD_NOT_BE_HELPED
}
