package dk.bindeled.dashboard.query;

/**
 * Published inside the projection's transaction; listeners that push to clients must react only after
 * commit, so nobody sees a change that was rolled back.
 */
public record ChangeApplied(Change change) {
}
