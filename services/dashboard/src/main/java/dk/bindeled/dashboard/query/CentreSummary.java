package dk.bindeled.dashboard.query;

/**
 * A centre defined for booking, as listed for choosing an info screen.
 *
 * @param centreId        the centre's id, also the last part of its screen's address
 * @param name            the centre's name
 * @param address         its address, null when not given
 * @param resources       how many bookable resources it has
 * @param flaggedBookings confirmed bookings not yet ended that need the centre manager's attention
 */
public record CentreSummary(String centreId, String name, String address, long resources, long flaggedBookings) {
}
