package dk.bindeled.booking.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dk.bindeled.booking.api.Commands.DefineCentre;
import dk.bindeled.booking.api.Commands.SetPartnerQuota;
import dk.bindeled.booking.api.Events.CentreDefined;
import dk.bindeled.booking.api.Events.PartnerQuotaSet;
import dk.bindeled.booking.api.TimeWindow;
import dk.bindeled.booking.domain.InvalidInputException.FieldProblem;
import dk.bindeled.events.booking.v1.OpeningHours;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A citizen centre as the booking service knows it: opening hours, notice period, peak time and quotas. */
@Aggregate
public class Centre {

    /** The time zone of every Danish centre; wall-clock times of bookings are in it. */
    public static final String TIME_ZONE = "Europe/Copenhagen";

    @AggregateIdentifier
    private String centreId;

    protected Centre() {
    }

    @CommandHandler
    public Centre(DefineCentre command, CentreDirectory centres) {
        List<FieldProblem> problems = new ArrayList<>();
        if (command.centreId() == null || !command.centreId().matches("[a-z0-9][a-z0-9-]{1,63}")) {
            problems.add(new FieldProblem("id", "must be 2–64 lower-case letters, digits and dashes"));
        }
        if (command.cancellationNoticeHours() < 0 || command.cancellationNoticeHours() > 24 * 60) {
            problems.add(new FieldProblem("cancellationNoticeHours", "must be between 0 and 1440"));
        }
        List<OpeningHours> hours = command.openingHours() == null ? List.of() : command.openingHours();
        for (int i = 0; i < hours.size(); i++) {
            OpeningHours h = hours.get(i);
            if (h.day() == null || h.opens() == null || h.closes() == null || !h.closes().isAfter(h.opens())) {
                problems.add(new FieldProblem("openingHours[" + i + "]", "needs a day and a closing time after the opening time"));
            }
        }
        List<TimeWindow> peak = command.peakHours() == null ? List.of() : command.peakHours();
        for (int i = 0; i < peak.size(); i++) {
            TimeWindow w = peak.get(i);
            if (w.day() == null || w.from() == null || w.to() == null || !w.to().isAfter(w.from())) {
                problems.add(new FieldProblem("peakHours[" + i + "]", "needs a day and an end after the start"));
            }
        }
        QuotaPolicy.check(command.defaultQuota(), "defaultQuota", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (centres.rules(command.centreId()).isPresent()) {
            throw new RuleViolationException("centre-exists", "Centre " + command.centreId() + " is already defined");
        }
        apply(new CentreDefined(command.centreId(), command.name(), command.address(), TIME_ZONE, command.managerPartnerId(),
                hours, command.cancellationNoticeHours(), peak, command.defaultQuota()));
    }

    @CommandHandler
    public void handle(SetPartnerQuota command) {
        List<FieldProblem> problems = new ArrayList<>();
        if (command.partnerId() == null || command.partnerId().isBlank()) {
            problems.add(new FieldProblem("partnerId", "is required"));
        }
        QuotaPolicy.check(command.quota(), "quota", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        apply(new PartnerQuotaSet(centreId, command.partnerId(), command.quota()));
    }

    @EventSourcingHandler
    void on(CentreDefined event) {
        centreId = event.centreId();
    }
}
