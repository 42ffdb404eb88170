package dk.bindeled.events.logbook.v1;

public enum VoteChoice {
    FOR,
    AGAINST,
    ABSTAIN
}
