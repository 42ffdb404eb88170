package dk.bindeled.referrals.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Who may move a referral, and from where (after HL7 Gravity's SDOH referral task): the referrer drafts, sends, withdraws
 * or marks it entered in error; the recipient accepts, declines, forwards to another offer of its own, records contact
 * made or not, and completes it with an outcome. The aggregate refuses any other step, and the pages offer only these.
 */
public final class ReferralLifecycle {

    public enum Status { DRAFT, SENT, ACCEPTED, DECLINED, CONTACT_MADE, CONTACT_FAILED, COMPLETED, WITHDRAWN, ENTERED_IN_ERROR }

    /** The two organisations of a referral. */
    public enum Side { REFERRER, RECIPIENT }

    public enum Step {
        SEND(Side.REFERRER, EnumSet.of(Status.DRAFT)),
        WITHDRAW(Side.REFERRER, EnumSet.of(Status.DRAFT, Status.SENT, Status.ACCEPTED, Status.CONTACT_MADE, Status.CONTACT_FAILED)),
        ENTERED_IN_ERROR(Side.REFERRER, EnumSet.complementOf(EnumSet.of(Status.ENTERED_IN_ERROR))),
        ACCEPT(Side.RECIPIENT, EnumSet.of(Status.SENT)),
        DECLINE(Side.RECIPIENT, EnumSet.of(Status.SENT, Status.ACCEPTED)),
        FORWARD(Side.RECIPIENT, EnumSet.of(Status.SENT, Status.ACCEPTED)),
        CONTACT_MADE(Side.RECIPIENT, EnumSet.of(Status.ACCEPTED, Status.CONTACT_FAILED)),
        CONTACT_FAILED(Side.RECIPIENT, EnumSet.of(Status.ACCEPTED, Status.CONTACT_FAILED)),
        COMPLETE(Side.RECIPIENT, EnumSet.of(Status.ACCEPTED, Status.CONTACT_MADE, Status.CONTACT_FAILED));

        private final Side side;
        private final Set<Status> from;

        Step(Side side, Set<Status> from) {
            this.side = side;
            this.from = from;
        }

        public Side side() {
            return side;
        }
    }

    /** Where each step leaves the referral (a forward leaves it sent, to the new offer). */
    private static final Map<Step, Status> TO = Map.of(Step.SEND, Status.SENT, Step.WITHDRAW, Status.WITHDRAWN,
            Step.ENTERED_IN_ERROR, Status.ENTERED_IN_ERROR, Step.ACCEPT, Status.ACCEPTED, Step.DECLINE, Status.DECLINED,
            Step.FORWARD, Status.SENT, Step.CONTACT_MADE, Status.CONTACT_MADE, Step.CONTACT_FAILED, Status.CONTACT_FAILED,
            Step.COMPLETE, Status.COMPLETED);

    /** The rule a refused step names. */
    public static final String RULE = "step-not-allowed";

    private ReferralLifecycle() {
    }

    public static boolean allows(Step step, Status status, Side side) {
        return step.side == side && step.from.contains(status);
    }

    /** The status after the step, or a refusal that says what the referral is and who may do what. */
    public static Status next(Step step, Status status, Side side) {
        if (step.side != side) {
            throw new RuleViolationException(RULE, "Only the " + step.side.name().toLowerCase() + " may " + label(step) + " a referral");
        }
        if (!step.from.contains(status)) {
            throw new RuleViolationException(RULE, "The step '" + label(step) + "' is not open to a referral that is "
                    + status.name().toLowerCase().replace('_', ' '));
        }
        return TO.get(step);
    }

    /** The steps this side may take now: what the pages offer. */
    public static Set<Step> available(Status status, Side side) {
        Set<Step> steps = EnumSet.noneOf(Step.class);
        for (Step step : Step.values()) {
            if (allows(step, status, side)) {
                steps.add(step);
            }
        }
        return steps;
    }

    /** Open: still waiting for someone to act. */
    public static boolean open(Status status) {
        return EnumSet.of(Status.DRAFT, Status.SENT, Status.ACCEPTED, Status.CONTACT_MADE, Status.CONTACT_FAILED).contains(status);
    }

    private static String label(Step step) {
        return step.name().toLowerCase().replace('_', ' ');
    }
}
