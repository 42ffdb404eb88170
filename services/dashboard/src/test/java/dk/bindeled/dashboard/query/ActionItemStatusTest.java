package dk.bindeled.dashboard.query;

import static dk.bindeled.dashboard.query.ActionItemStatus.CANCELLED;
import static dk.bindeled.dashboard.query.ActionItemStatus.COMPLETED;
import static dk.bindeled.dashboard.query.ActionItemStatus.OPEN;
import static dk.bindeled.dashboard.query.ActionItemStatus.OVERDUE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How an action item moves: completed and cancelled are final, overdue is still open, assigning again reopens nothing. */
class ActionItemStatusTest {

    @Test
    void completedAndCancelledAreFinal() {
        for (ActionItemStatus reported : ActionItemStatus.values()) {
            assertThat(ActionItemStatus.next(COMPLETED, reported)).isEqualTo(COMPLETED);
            assertThat(ActionItemStatus.next(CANCELLED, reported)).isEqualTo(CANCELLED);
        }
    }

    @Test
    void anOpenItemBecomesOverdueAndAnOverdueOneIsStillOpenUntilDone() {
        assertThat(ActionItemStatus.next(OPEN, OVERDUE)).isEqualTo(OVERDUE);
        assertThat(ActionItemStatus.next(OVERDUE, OPEN)).isEqualTo(OVERDUE);
        assertThat(ActionItemStatus.next(OVERDUE, COMPLETED)).isEqualTo(COMPLETED);
        assertThat(ActionItemStatus.next(OVERDUE, CANCELLED)).isEqualTo(CANCELLED);
        assertThat(ActionItemStatus.next(null, COMPLETED)).isEqualTo(COMPLETED);
        assertThat(List.of(OPEN, OVERDUE)).allMatch(ActionItemStatus::open);
        assertThat(List.of(COMPLETED, CANCELLED)).noneMatch(ActionItemStatus::open);
    }
}
