package dk.bindeled.logbook.domain;

import dk.bindeled.domain.InvalidInputException;
import dk.bindeled.domain.RuleViolationException;
import dk.bindeled.logbook.api.Commands.AssignActionItem;
import dk.bindeled.logbook.api.Commands.CancelActionItem;
import dk.bindeled.logbook.api.Commands.CompleteActionItem;
import dk.bindeled.logbook.api.Events.ActionItemAssigned;
import dk.bindeled.logbook.api.Events.ActionItemCancelled;
import dk.bindeled.logbook.api.Events.ActionItemCompleted;
import dk.bindeled.logbook.api.Events.ActionItemOverdue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Action items: assigned by the coordinator to a partner, due on a date, completed by the owner or the coordinator,
 * cancelled by the coordinator with a reason, overdue once the due date has passed in Denmark. "Now" is Tuesday
 * 1 December 2026, 18:00 UTC (19:00 in Copenhagen).
 */
class ActionItemTest {

    static final String ID = "ai-1";
    static final String HUS = "foreningernes-hus";
    static final String HOMEWORK = "lektiecafeen";
    static final List<String> MEMBERS = List.of(HUS, HOMEWORK, "somalisk-forening");
    static final Instant NOW = Instant.parse("2026-12-01T18:00:00Z");
    static final LocalDate DUE = LocalDate.of(2026, 12, 15);

    private AggregateTestFixture<ActionItem> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ActionItem.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static AssignActionItem assign(String acting, String owner, LocalDate due) {
        return new AssignActionItem(ID, acting, "c1", "m1", HUS, MEMBERS, "Lav en nøgleliste", owner, "kasserer", due);
    }

    static ActionItemAssigned assigned() {
        return new ActionItemAssigned(ID, "c1", "m1", HUS, "Lav en nøgleliste", HOMEWORK, "kasserer", DUE);
    }

    @Test
    void theCoordinatorAssignsToAPartnerWithADueDateAndTheDeadlineIsTheEndOfThatDayInDenmark() {
        fixture.givenCurrentTime(NOW)
                .when(assign(HUS, HOMEWORK, DUE))
                .expectEvents(assigned())
                // 16 December 00:00 in Copenhagen is 15 December 23:00 UTC.
                .expectScheduledDeadlineWithName(Instant.parse("2026-12-15T23:00:00Z"), ActionItemDue.DEADLINE);
        setUp();
        fixture.givenNoPriorActivity().when(assign(HOMEWORK, HOMEWORK, DUE)).expectException(RuleViolationException.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(assign(HUS, "udenforstaaende", DUE)).expectException(InvalidInputException.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(assign(HUS, HOMEWORK, LocalDate.of(2026, 11, 30)))
                .expectException(InvalidInputException.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("past")).expectNoEvents();
    }

    @Test
    void anOpenItemIsOverdueOnceItsDayHasPassedAndACompletedOneNever() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(assign(HUS, HOMEWORK, DUE))
                .whenTimeElapses(Duration.ofDays(15))
                .expectEvents(new ActionItemOverdue(ID, "c1", DUE));
        setUp();
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(assign(HUS, HOMEWORK, DUE), new CompleteActionItem(ID, HOMEWORK))
                .whenTimeElapses(Duration.ofDays(15))
                .expectNoEvents();
        setUp();
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(assign(HUS, HOMEWORK, DUE))
                .whenTimeElapses(Duration.ofDays(13))
                .expectNoEvents();
    }

    @Test
    void theOwnerOrTheCoordinatorCompletesOnlyTheCoordinatorCancelsWithAReason() {
        fixture.given(assigned()).when(new CompleteActionItem(ID, HOMEWORK)).expectEvents(new ActionItemCompleted(ID, "c1"));
        fixture.given(assigned()).when(new CompleteActionItem(ID, "somalisk-forening")).expectException(RuleViolationException.class).expectNoEvents();
        fixture.given(assigned()).when(new CancelActionItem(ID, HOMEWORK, "Ikke længere nødvendigt"))
                .expectException(RuleViolationException.class).expectNoEvents();
        fixture.given(assigned()).when(new CancelActionItem(ID, HUS, " ")).expectException(InvalidInputException.class).expectNoEvents();
        fixture.given(assigned()).when(new CancelActionItem(ID, HUS, "Nøglerne er skiftet ud"))
                .expectEvents(new ActionItemCancelled(ID, "c1", "Nøglerne er skiftet ud"));
        fixture.given(assigned(), new ActionItemCompleted(ID, "c1")).when(new CompleteActionItem(ID, HUS))
                .expectException(RuleViolationException.class).expectNoEvents();
    }
}
