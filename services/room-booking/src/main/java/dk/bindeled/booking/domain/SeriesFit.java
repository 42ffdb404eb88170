package dk.bindeled.booking.domain;

import dk.bindeled.booking.api.Occurrence;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How a planned series fits a schedule: the occurrences that are free (each with an id derived from the series and its
 * date, so the same request always names the same bookings), the dates that clash and with what, and what the free
 * ones count against the partner's quota together.
 */
record SeriesFit(List<Occurrence> occurrences, List<LocalDate> skipped, List<Clash> clashes, Map<String, QuotaLedger.Use> use) {

    static SeriesFit of(String seriesId, SeriesPlan plan, Holdings holdings, CentreRules centre) {
        List<Clash> clashes = new ArrayList<>();
        List<LocalDate> skipped = new ArrayList<>();
        List<Occurrence> occurrences = new ArrayList<>();
        Map<String, QuotaLedger.Use> use = Map.of();
        for (LocalDate date : plan.dates()) {
            OffsetDateTime start = Times.at(plan.startOn(date), centre.zone());
            OffsetDateTime end = Times.at(plan.endOn(date), centre.zone());
            List<Clash> onDate = holdings.clashes(start, end, null);
            if (onDate.isEmpty()) {
                occurrences.add(new Occurrence(occurrenceId(seriesId, date), start, end));
                use = QuotaPolicy.sum(use, QuotaPolicy.use(start, end, centre.zone(), centre.peakTime()));
            } else {
                clashes.addAll(onDate);
                skipped.add(date);
            }
        }
        return new SeriesFit(occurrences, skipped, clashes, use);
    }

    /** Booked when nothing clashes, or when clashes may be skipped and something is left to book. */
    boolean bookable(boolean skipClashes) {
        return clashes.isEmpty() || skipClashes && !occurrences.isEmpty();
    }

    /** The series and each occurrence, so a command about any of them finds this schedule. */
    void register(BookingLocator locator, String seriesId, String resourceId, String partnerId) {
        locator.register(seriesId, BookingLocator.Kind.SERIES, resourceId, partnerId, occurrences.get(0).start().toInstant());
        for (Occurrence occurrence : occurrences) {
            locator.register(occurrence.bookingId(), BookingLocator.Kind.BOOKING, resourceId, partnerId, occurrence.start().toInstant());
        }
    }

    /** The dates a calendar leaves out of the series' rule: the exceptions asked for and the clashes skipped, in order. */
    List<LocalDate> exdates(SeriesPlan plan) {
        List<LocalDate> exdates = new ArrayList<>(plan.exceptions());
        exdates.addAll(skipped);
        exdates.sort(null);
        return exdates;
    }

    static String occurrenceId(String seriesId, LocalDate date) {
        return UUID.nameUUIDFromBytes((seriesId + "/" + date).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
