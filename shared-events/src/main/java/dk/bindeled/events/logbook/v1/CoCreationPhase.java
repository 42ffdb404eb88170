package dk.bindeled.events.logbook.v1;

/** The phases of a co-creation track, in their order. */
public enum CoCreationPhase {
    START_UP,
    OBSERVATIONS_AND_RESEARCH,
    CO_CREATION_1,
    LOCAL_IDEA_DEVELOPMENT,
    CO_CREATION_2,
    PLANNING_AND_EXECUTION,
    EVALUATION,
    ANCHORING
}
