package dk.bindeled.booking.domain;

import java.time.Instant;
import java.util.Optional;

/** Which resource's schedule holds a booking, series or waitlist entry; written with the command creating the id. */
public interface BookingLocator {

    enum Kind { BOOKING, SERIES, WAITLIST }

    record Location(Kind kind, String resourceId, String partnerId) {
    }

    /** Fails with {@link RuleViolationException} when the id is already in use. */
    void register(String id, Kind kind, String resourceId, String partnerId, Instant startsAt);

    void moved(String id, Instant startsAt);

    Optional<Location> find(String id);
}
