package dk.bindeled.referrals.domain;

/** A command that conflicts with the referral's state or a rule: answered 409 naming the {@code rule}. */
public class RuleViolationException extends RuntimeException {

    private final String rule;
    private final java.util.Map<String, Object> details;

    public RuleViolationException(String rule, String reason) {
        this(rule, reason, java.util.Map.of());
    }

    /** {@code details}: what the refusal adds for the caller, e.g. the alternatives to a full offer. */
    public RuleViolationException(String rule, String reason, java.util.Map<String, Object> details) {
        super(reason);
        this.rule = rule;
        this.details = java.util.Map.copyOf(details);
    }

    public String rule() {
        return rule;
    }

    public java.util.Map<String, Object> details() {
        return details;
    }
}
