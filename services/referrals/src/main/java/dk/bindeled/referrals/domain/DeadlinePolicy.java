package dk.bindeled.referrals.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a referral is overdue: a sent referral not answered within {@code answerWorkingDays} Danish working days (counted
 * from the day it was sent, at the same time of day), and an accepted one without contact made within {@code contactDays}
 * days. The aggregate schedules its deadlines by it, and the pages say the same due times.
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
