package dk.bindeled.booking.domain;

import dk.bindeled.booking.api.BookingDetails;
import dk.bindeled.booking.api.BookingRules;
import dk.bindeled.booking.api.Commands.RequestSeries;
import dk.bindeled.booking.domain.InvalidInputException.FieldProblem;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a request is one the resource can take at all, before it is weighed against the schedule: what it says about
 * itself (a title, who may see it, no more attendees than seats) and when ({@link BookingTimesCheck}). Every field at
 * fault is named in one refusal.
 */
record BookingRequestCheck(Integer capacity, BookingTimesCheck times) {

    BookingRequestCheck(BookingRules rules, Integer capacity, CentreRules centre, BookingHorizon horizon, Instant now) {
        this(capacity, new BookingTimesCheck(rules, centre, horizon, now));
    }

    /** A booking or a wait. */
    void booking(BookingDetails details, LocalDateTime start, LocalDateTime end) {
        List<FieldProblem> problems = new ArrayList<>();
        details(details, problems);
        times.check(start, end, "start", "end", problems);
        InvalidInputException.throwIfAny(problems);
    }

    /** A booking moved: only its new times. */
    void move(LocalDateTime start, LocalDateTime end) {
        List<FieldProblem> problems = new ArrayList<>();
        times.check(start, end, "start", "end", problems);
        InvalidInputException.throwIfAny(problems);
    }

    /** A series: its details and first time, then its plan ({@link SeriesPlan#of} refuses a rule that makes none). */
    SeriesPlan series(RequestSeries command) {
        List<FieldProblem> problems = new ArrayList<>();
        details(command.details(), problems);
        if (command.recurrence() == null) {
            problems.add(new FieldProblem("recurrence", "is required"));
        }
        times.check(command.firstStart(), command.firstEnd(), "firstStart", "firstEnd", problems);
        InvalidInputException.throwIfAny(problems);
        SeriesPlan plan = SeriesPlan.of(command.firstStart(), command.firstEnd(), command.recurrence(), times.centre().zone());
        times.checkSeries(plan, command.recurrence(), problems);
        InvalidInputException.throwIfAny(problems);
        return plan;
    }

    private void details(BookingDetails details, List<FieldProblem> problems) {
        if (details == null) {
            problems.add(new FieldProblem("title", "is required"));
            return;
        }
        if (details.title() == null || details.title().isBlank()) {
            problems.add(new FieldProblem("title", "is required"));
        }
        if (details.visibility() == null) {
            problems.add(new FieldProblem("visibility", "is required"));
        }
        if (details.attendees() != null && details.attendees() < 1) {
            problems.add(new FieldProblem("attendees", "must be at least 1"));
        }
        if (details.attendees() != null && capacity != null && details.attendees() > capacity) {
            problems.add(new FieldProblem("attendees", details.attendees() + " is more than the " + capacity + " the resource holds"));
        }
    }
}
