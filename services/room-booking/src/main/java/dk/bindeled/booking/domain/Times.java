package dk.bindeled.booking.domain;

import dk.bindeled.booking.api.TimeWindow;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Wall-clock times of a centre turned into instants and back, and what a booking counts against a quota. */
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

    static String isoWeek(LocalDate date) {
        return String.format("%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** Minutes in all and inside the peak windows, counted in the ISO week of the local start date. */
    static Map<String, QuotaLedger.Use> use(OffsetDateTime start, OffsetDateTime end, ZoneId zone, List<TimeWindow> peakHours) {
        LocalDateTime from = local(start, zone);
        LocalDateTime to = local(end, zone);
        int minutes = (int) Duration.between(start, end).toMinutes();
        int peak = 0;
        for (TimeWindow window : peakHours) {
            for (LocalDate day = from.toLocalDate(); !day.isAfter(to.toLocalDate()); day = day.plusDays(1)) {
                if (day.getDayOfWeek() != window.day()) {
                    continue;
                }
                LocalDateTime windowStart = day.atTime(window.from());
                LocalDateTime windowEnd = day.atTime(window.to());
                LocalDateTime overlapStart = from.isAfter(windowStart) ? from : windowStart;
                LocalDateTime overlapEnd = to.isBefore(windowEnd) ? to : windowEnd;
                if (overlapEnd.isAfter(overlapStart)) {
                    peak += (int) Duration.between(overlapStart, overlapEnd).toMinutes();
                }
            }
        }
        Map<String, QuotaLedger.Use> use = new TreeMap<>();
        use.put(isoWeek(from.toLocalDate()), new QuotaLedger.Use(minutes, Math.min(peak, minutes)));
        return use;
    }

    static Map<String, QuotaLedger.Use> sum(Map<String, QuotaLedger.Use> a, Map<String, QuotaLedger.Use> b) {
        Map<String, QuotaLedger.Use> total = new TreeMap<>(a);
        b.forEach((week, use) -> total.merge(week, use, QuotaLedger.Use::plus));
        return total;
    }
}
