package dk.bindeled.dashboard.query;

/**
 * Where an action item stands, as the mapping counts it, and the one rule of how it moves: completed and cancelled are
 * final; overdue is an open item whose due date has passed (the logbook says so with {@code ActionItemOverdue}, at the end
 * of the due day in Copenhagen), so it is still open; an item completed or cancelled is never overdue afterwards.
 */
public enum ActionItemStatus {
    OPEN,
    OVERDUE,
    COMPLETED,
    CANCELLED;

    /** Open, overdue or not: what is still to be done. */
    public boolean open() {
        return this == OPEN || this == OVERDUE;
    }

    /**
     * The status after the logbook reported {@code reported} for an item that stood at {@code current} (null: not seen
     * yet). A report of the item being assigned does not reopen it.
     */
    public static ActionItemStatus next(ActionItemStatus current, ActionItemStatus reported) {
        if (current == null) {
            return reported;
        }
        if (!current.open()) {
            return current;
        }
        return switch (reported) {
            case OPEN -> current;
            case OVERDUE, COMPLETED, CANCELLED -> reported;
        };
    }

    /** A status as stored; an unknown one (a later version's) counts as open rather than failing the figures. */
    static ActionItemStatus stored(String code) {
        try {
            return valueOf(code);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return OPEN;
        }
    }
}
