package dk.bindeled.domain;

import java.util.Map;

/** A command that conflicts with the state or a rule: answered 409 naming the {@code rule}, with what the refusal adds. */
public class RuleViolationException extends RuntimeException {

    private final String rule;
    private final Map<String, Object> details;

    public RuleViolationException(String rule, String reason) {
        this(rule, reason, Map.of());
    }

    public RuleViolationException(String rule, String reason, Map<String, Object> details) {
        super(reason);
        this.rule = rule;
        this.details = Map.copyOf(details);
    }

    public String rule() {
        return rule;
    }

    public Map<String, Object> details() {
        return details;
    }
}
