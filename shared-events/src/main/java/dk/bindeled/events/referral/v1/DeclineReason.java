package dk.bindeled.events.referral.v1;

/**
 * Why the recipient declined a referral, as a category: what leaves the referrals service instead of any text, which
 * could say something about the resident. Closed within v1 (the schema lists the values), so a new category is a
 * schema change that consumers must have before a producer sends it.
 */
public enum DeclineReason {
    /** The resident is outside the offer's target group, age or other criteria. */
    NOT_ELIGIBLE,
    /** The offer has no free places (a referral into a full offer is declined, not left waiting). */
    NO_CAPACITY,
    /** The resident said no thanks when the recipient got in touch. */
    RESIDENT_DECLINED,
    OTHER
}
