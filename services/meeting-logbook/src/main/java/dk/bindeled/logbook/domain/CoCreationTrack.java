package dk.bindeled.logbook.domain;

import dk.bindeled.domain.InvalidInputException;
import dk.bindeled.domain.RuleViolationException;
import dk.bindeled.events.logbook.v1.CoCreationPhase;

/**
 * A co-creation track goes through its phases in order, one at a time (start-up → observations and research →
 * co-creation 1 → local idea development → co-creation 2 → planning and execution → evaluation → anchoring): the
 * logbook shows where it stands, and a phase that was skipped would leave a gap no one could account for.
 */
public final class CoCreationTrack {

    public static final String RULE = "co-creation-phase";

    private CoCreationTrack() {
    }

    public static void next(CoCreationPhase current, CoCreationPhase to) {
        if (current == null) {
            throw new RuleViolationException(RULE, "This collaboration is not a co-creation track");
        }
        if (to == null) {
            throw new InvalidInputException("phase", "is required");
        }
        if (to.ordinal() != current.ordinal() + 1) {
            CoCreationPhase[] phases = CoCreationPhase.values();
            String expected = current.ordinal() + 1 < phases.length ? phases[current.ordinal() + 1].name() : "none (the track is at its last phase)";
            throw new RuleViolationException(RULE, "From " + current + " the next phase is " + expected + ", not " + to);
        }
    }
}
