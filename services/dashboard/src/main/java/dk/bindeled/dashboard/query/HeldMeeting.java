package dk.bindeled.dashboard.query;

import java.util.Collection;

/**
 * When a meeting counts as held: when attendance was recorded for it with at least one person of some partner there.
 * A partner recorded with 0 people did not come after all (the logbook's own reading of a new count), so a meeting whose
 * every recorded count is 0, or for which none was recorded, was not held. The month it was held in is the month it was
 * scheduled to start in, where the dashboard is ({@code bindeled.dashboard.time-zone}).
 */
public final class HeldMeeting {

    private HeldMeeting() {
    }

    /** Whether a partner recorded with this many people was there. */
    public static boolean present(int people) {
        return people > 0;
    }

    /** Whether a meeting with these latest counts, one per partner, was held. */
    public static boolean held(Collection<Integer> peopleByPartner) {
        return peopleByPartner.stream().anyMatch(HeldMeeting::present);
    }
}
