package dk.bindeled.events.logbook.v1;

/** What a motion needs of the votes cast for and against (abstentions count towards quorum, not towards a majority). */
public enum Majority {
    /** More for than against. */
    SIMPLE,
    /** At least two thirds of those for and against. */
    TWO_THIRDS,
    /** For, and no one against. */
    UNANIMITY
}
