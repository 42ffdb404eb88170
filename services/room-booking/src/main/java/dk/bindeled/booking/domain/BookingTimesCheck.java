package dk.bindeled.booking.domain;

import dk.bindeled.booking.api.BookingRules;
import dk.bindeled.booking.api.Recurrence;
import dk.bindeled.booking.domain.InvalidInputException.FieldProblem;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a resource can be booked: a real span, in the future, within the service's horizon, no longer and no further
 * ahead than the resource allows, and inside the centre's opening hours; for a series, every one of its dates.
 */
record BookingTimesCheck(BookingRules rules, CentreRules centre, BookingHorizon horizon, Instant now) {

    void check(LocalDateTime start, LocalDateTime end, String startField, String endField, List<FieldProblem> problems) {
        if (start == null || end == null) {
            if (start == null) {
                problems.add(new FieldProblem(startField, "is required"));
            }
            if (end == null) {
                problems.add(new FieldProblem(endField, "is required"));
            }
            return;
        }
        if (!end.isAfter(start)) {
            problems.add(new FieldProblem(endField, end.isEqual(start) ? "equals the start: a booking cannot have zero length"
                    : "is before the start"));
            return;
        }
        // First: beyond the horizon the other rules are meaningless, and what they compute (quota weeks) may not even fit.
        Optional<String> beyond = horizon.beyond(start, centre.zone(), now);
        if (beyond.isPresent()) {
            problems.add(new FieldProblem(startField, beyond.get()));
            return;
        }
        beyond = horizon.beyond(end, centre.zone(), now);
        if (beyond.isPresent()) {
            problems.add(new FieldProblem(endField, beyond.get()));
            return;
        }
        OffsetDateTime at = Times.at(start, centre.zone());
        if (!at.toInstant().isAfter(now)) {
            problems.add(new FieldProblem(startField, "is in the past"));
        }
        long minutes = Duration.between(at, Times.at(end, centre.zone())).toMinutes();
        if (rules.maxLengthMinutes() != null && minutes > rules.maxLengthMinutes()) {
            problems.add(new FieldProblem(endField, "makes the booking " + minutes + " minutes; the resource allows at most "
                    + rules.maxLengthMinutes()));
        }
        if (tooFarAhead(at)) {
            problems.add(new FieldProblem(startField, "is more than " + rules.maxDaysAhead() + " days ahead"));
        }
        if (!centre.openingHours().covers(start, end)) {
            problems.add(new FieldProblem(startField, "is outside the centre's opening hours on " + start.getDayOfWeek()));
        }
    }

    /** The dates after the first (checked by {@link #check}): open at that time, and the last within both limits ahead. */
    void checkSeries(SeriesPlan plan, Recurrence recurrence, List<FieldProblem> problems) {
        List<LocalDate> closed = new ArrayList<>();
        for (LocalDate date : plan.dates()) {
            if (!centre.openingHours().covers(plan.startOn(date), plan.endOn(date))) {
                closed.add(date);
            }
        }
        if (!closed.isEmpty()) {
            problems.add(new FieldProblem("recurrence", "reaches dates when the centre is closed at that time: " + closed));
        }
        LocalDate lastDate = plan.dates().get(plan.dates().size() - 1);
        String limitField = recurrence.count() != null ? "recurrence.count" : "recurrence.until";
        if (tooFarAhead(Times.at(plan.startOn(lastDate), centre.zone()))) {
            problems.add(new FieldProblem(limitField, "reaches " + lastDate + ", more than " + rules.maxDaysAhead() + " days ahead"));
        }
        horizon.beyond(plan.endOn(lastDate), centre.zone(), now)
                .ifPresent(reason -> problems.add(new FieldProblem(limitField, "reaches " + lastDate + ", which " + reason)));
    }

    private boolean tooFarAhead(OffsetDateTime start) {
        return rules.maxDaysAhead() != null && start.toInstant().isAfter(now.plus(Duration.ofDays(rules.maxDaysAhead())));
    }
}
