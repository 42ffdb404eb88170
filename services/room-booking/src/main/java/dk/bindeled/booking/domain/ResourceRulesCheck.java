package dk.bindeled.booking.domain;

import dk.bindeled.booking.api.BookingRules;
import dk.bindeled.booking.api.Commands.DefineResource;
import dk.bindeled.booking.domain.InvalidInputException.FieldProblem;
import dk.bindeled.events.booking.v1.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What a resource must be defined with: a room has seats, the cleaning buffer is at most four hours, the rules are whole. */
final class ResourceRulesCheck {

    private ResourceRulesCheck() {
    }

    static List<FieldProblem> problemsOf(DefineResource command, boolean centreKnown) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!centreKnown) {
            problems.add(new FieldProblem("centreId", "names no centre"));
        }
        if (command.kind() == ResourceKind.ROOM && (command.capacity() == null || command.capacity() < 1)) {
            problems.add(new FieldProblem("capacity", "is required for a room and must be at least 1"));
        }
        if (command.capacity() != null && command.capacity() < 0) {
            problems.add(new FieldProblem("capacity", "must not be negative"));
        }
        if (command.cleaningBufferMinutes() < 0 || command.cleaningBufferMinutes() > 240) {
            problems.add(new FieldProblem("cleaningBufferMinutes", "must be between 0 and 240"));
        }
        checkRules(command.rules(), problems);
        return problems;
    }

    /** A resource's features as they are compared: trimmed, lower case, each once. */
    static List<String> features(List<String> features) {
        return features == null ? List.of() : features.stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).distinct().toList();
    }

    static List<FieldProblem> problemsOf(BookingRules rules) {
        List<FieldProblem> problems = new ArrayList<>();
        checkRules(rules, problems);
        return problems;
    }

    private static void checkRules(BookingRules rules, List<FieldProblem> problems) {
        String field = "rules";
        if (rules == null || rules.access() == null) {
            problems.add(new FieldProblem(field + ".access", "is required"));
            return;
        }
        if (rules.access() == BookingRules.Access.LISTED_PARTNERS && rules.listedPartners().isEmpty()) {
            problems.add(new FieldProblem(field + ".listedPartners", "must name at least one partner when access is LISTED_PARTNERS"));
        }
        if (rules.maxLengthMinutes() != null && rules.maxLengthMinutes() < 15) {
            problems.add(new FieldProblem(field + ".maxLengthMinutes", "must be at least 15"));
        }
        if (rules.maxDaysAhead() != null && rules.maxDaysAhead() < 1) {
            problems.add(new FieldProblem(field + ".maxDaysAhead", "must be at least 1"));
        }
    }
}
