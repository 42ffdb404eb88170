package dk.bindeled.referrals.domain;

/** A command that conflicts with the referral's state or a rule: answered 409 naming the {@code rule}. */
public class RuleViolationException extends RuntimeException {

    private final String rule;

    public RuleViolationException(String rule, String reason) {
        super(reason);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
