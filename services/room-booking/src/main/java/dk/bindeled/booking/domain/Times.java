package dk.bindeled.booking.domain;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Wall-clock times of a centre turned into instants and back. */
final class Times {

    private Times() {
    }

    /**
     * The moment a local wall-clock time happens in the zone. In the spring-forward gap (02:00–03:00 on the
     * last Sunday of March) the time does not exist and moves forward by the gap, as every calendar does.
     */
    static OffsetDateTime at(LocalDateTime local, ZoneId zone) {
        return local.atZone(zone).toOffsetDateTime();
    }

    static LocalDateTime local(OffsetDateTime time, ZoneId zone) {
        return time.atZoneSameInstant(zone).toLocalDateTime();
    }
}
