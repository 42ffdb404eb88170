package dk.bindeled.booking.api;

/**
 * What a partner holds of its quota in one centre and ISO week, and what is left, as the booking rules count it.
 *
 * @param hoursPerWeek     the quota that applies (the partner's own, else the centre's default); null: no limit
 * @param peakHoursPerWeek the same inside peak time
 * @param heldHours        hours held that week: requested, confirmed and accepted waitlist offers
 * @param heldPeakHours    of those, hours in peak time
 * @param leftHours        what may still be booked that week; null where there is no limit, never below zero
 * @param leftPeakHours    the same inside peak time
 */
public record QuotaStanding(String centreId, String partnerId, String week, Integer hoursPerWeek, Integer peakHoursPerWeek,
                            double heldHours, double heldPeakHours, Double leftHours, Double leftPeakHours) {
}
