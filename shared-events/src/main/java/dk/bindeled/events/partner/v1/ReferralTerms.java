package dk.bindeled.events.partner.v1;

/**
 * What an offer's partner commits to for referrals it receives: an answer within {@code answerWorkingDays} Danish working
 * days of a referral being sent, and contact with the resident within {@code contactDays} days of accepting it. Either may
 * be null, and then the referrals service's default applies.
 */
public record ReferralTerms(Integer answerWorkingDays, Integer contactDays) {

    public static final int MAX_ANSWER_WORKING_DAYS = 30;
    public static final int MAX_CONTACT_DAYS = 90;
}
