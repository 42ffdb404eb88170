package dk.bindeled.booking.domain;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The hours each partner holds per centre and ISO week, kept in the command's own transaction so
 * concurrent bookings of different resources cannot together overshoot a quota. It persists sums and applies the
 * limits it is given in the same statement as the change; what counts and what a limit is, is {@link QuotaPolicy}.
 */
public interface QuotaLedger {

    /** Minutes in all and in peak time, per ISO week ("2026-W48"). */
    record Use(int minutes, int peakMinutes) {
        public Use plus(Use other) {
            return new Use(minutes + other.minutes, peakMinutes + other.peakMinutes);
        }

        public Use minus(Use other) {
            return new Use(minutes - other.minutes, peakMinutes - other.peakMinutes);
        }

        public boolean isZero() {
            return minutes == 0 && peakMinutes == 0;
        }
    }

    /** Why a change did not fit: in {@code week} the partner holds {@code held} already, and the change wanted {@code wanted}. */
    record Shortfall(String week, Use held, Use wanted) {
    }

    /** Per week, what {@code to} uses more (positive) or less (negative) than {@code from}; weeks sorted, unchanged ones left out. */
    static Map<String, Use> change(Map<String, Use> from, Map<String, Use> to) {
        Map<String, Use> change = new TreeMap<>();
        to.forEach((week, use) -> change.merge(week, use, Use::plus));
        from.forEach((week, use) -> change.merge(week, new Use(0, 0).minus(use), Use::plus));
        change.values().removeIf(Use::isZero);
        return change;
    }

    /**
     * Adds the use when every week stays within the limit, else changes nothing and names the first week
     * that would overshoot, with what the partner already holds there.
     */
    Optional<Shortfall> tryReserve(String centreId, String partnerId, Map<String, Use> use, QuotaPolicy.Limit limit);

    void release(String centreId, String partnerId, Map<String, Use> use);

    /** What the partner holds in the centre in one ISO week ("2026-W48"); nothing held is zero. */
    Use held(String centreId, String partnerId, String week);

    /**
     * Moves a use: releases {@code from} and reserves {@code to} as one net change per week, every week touched
     * once and all of them in the same (sorted) order as every other change of the ledger. Two moves in opposite
     * directions (week A to B and B to A) then queue for the first week instead of each holding the week the
     * other waits for, which PostgreSQL would break as a deadlock. Only weeks that gain use are checked against
     * the limit ({@link QuotaPolicy.Limit#where}); when one would overshoot, nothing changes and the week is named as by
     * {@link #tryReserve}.
     */
    Optional<Shortfall> tryMove(String centreId, String partnerId, Map<String, Use> from, Map<String, Use> to, QuotaPolicy.Limit limit);
}
