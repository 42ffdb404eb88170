package dk.bindeled.booking.domain;

import dk.bindeled.booking.api.Quota;
import java.util.Map;
import java.util.Optional;

/**
 * The hours each partner holds per centre and ISO week, kept in the command's own transaction so
 * concurrent bookings of different resources cannot together overshoot a quota.
 */
public interface QuotaLedger {

    /** Minutes in all and in peak time, per ISO week ("2026-W48"). */
    record Use(int minutes, int peakMinutes) {
        public Use plus(Use other) {
            return new Use(minutes + other.minutes, peakMinutes + other.peakMinutes);
        }
    }

    /**
     * Adds the use when every week stays within the limit, else changes nothing and names the first week
     * that would overshoot, with what the partner already holds there.
     */
    Optional<String> tryReserve(String centreId, String partnerId, Map<String, Use> use, Quota limit);

    void release(String centreId, String partnerId, Map<String, Use> use);
}
