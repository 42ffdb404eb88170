package dk.bindeled.dashboard.query;

import java.util.Objects;

/** What applying one received event did to the read model. */
public record ProjectionResult(Kind kind, String type, Change change) {

    public enum Kind {
        /** The read model changed; {@code change} describes how. */
        APPLIED,
        /** The CloudEvent id was in the inbox already: nothing changed. */
        DUPLICATE,
        /** The type is unknown to this version of the dashboard: recorded in the inbox, otherwise ignored. */
        SKIPPED
    }

    public ProjectionResult {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        if ((kind == Kind.APPLIED) != (change != null)) {
            throw new IllegalArgumentException("A change belongs to an applied result, and only to one");
        }
    }

    static ProjectionResult applied(Change change) {
        return new ProjectionResult(Kind.APPLIED, change.type(), change);
    }

    static ProjectionResult duplicate(String type) {
        return new ProjectionResult(Kind.DUPLICATE, type, null);
    }

    static ProjectionResult skipped(String type) {
        return new ProjectionResult(Kind.SKIPPED, type, null);
    }
}
