package dk.bindeled.logbook.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When an action item is overdue: still open when its due date has ended in Denmark (the day is the owner's to the
 * last minute). The aggregate schedules its deadline by it, and the pages show the same.
 */
public final class ActionItemDue {

    public static final String DEADLINE = "action-item-due";
    public static final String ACTOR = "bindeled-deadlines";
    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    private ActionItemDue() {
    }

    public static Instant overdueAt(LocalDate dueDate) {
        return dueDate.plusDays(1).atStartOfDay(COPENHAGEN).toInstant();
    }

    public static LocalDate today(java.time.Clock clock) {
        return LocalDate.now(clock.withZone(COPENHAGEN));
    }
}
