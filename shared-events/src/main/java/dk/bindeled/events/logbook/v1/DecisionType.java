package dk.bindeled.events.logbook.v1;

public enum DecisionType {
    AGREED_RULE,
    ALLOCATION,
    GOAL_CHANGE,
    NEW_INITIATIVE,
    OTHER
}
