package dk.bindeled.referrals.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a referral is overdue: a sent referral not answered within {@code answerWorkingDays} Danish working days (counted
 * from the day it was sent, at the same time of day), and an accepted one without contact made within {@code contactDays}
 * days. These are the service's defaults; an offer whose partner commits to other terms ({@link #forOffer}) has its own.
 * The aggregate schedules its deadlines by it.
 */
public record DeadlinePolicy(int answerWorkingDays, int contactDays) {

    public static final String ANSWER_DUE = "referral-answer-due";
    public static final String CONTACT_DUE = "referral-contact-due";
    /** The actor on what a deadline does. */
    public static final String ACTOR = "bindeled-deadlines";
    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    public DeadlinePolicy {
        if (answerWorkingDays < 1 || contactDays < 1) {
            throw new IllegalArgumentException("deadlines are at least one day: " + answerWorkingDays + ", " + contactDays);
        }
    }

    /**
     * The deadlines for referrals to an offer: its partner's terms where it states them, the defaults for the rest. A term
     * below one day (which the registry's contract does not allow) is not trusted: the default applies.
     */
    public DeadlinePolicy forOffer(dk.bindeled.events.partner.v1.ReferralTerms terms) {
        if (terms == null) {
            return this;
        }
        return new DeadlinePolicy(usable(terms.answerWorkingDays(), answerWorkingDays), usable(terms.contactDays(), contactDays));
    }

    private static int usable(Integer term, int fallback) {
        return term == null || term < 1 ? fallback : term;
    }

    public Instant answerDue(Instant sent) {
        ZonedDateTime local = sent.atZone(COPENHAGEN);
        LocalDate due = DanishWorkingDays.plusWorkingDays(local.toLocalDate(), answerWorkingDays);
        return local.with(due).toInstant();
    }

    public Instant contactDue(Instant accepted) {
        return accepted.atZone(COPENHAGEN).plusDays(contactDays).toInstant();
    }

    /** What a deadline carries: the referral, the round it was set in (a forward starts a new round) and when it is due. */
    public record Due(String referralId, int round, Instant dueAt) {
    }
}
