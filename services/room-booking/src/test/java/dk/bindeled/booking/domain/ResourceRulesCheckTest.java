package dk.bindeled.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dk.bindeled.booking.api.BookingRules;
import dk.bindeled.booking.api.Commands.DefineResource;
import dk.bindeled.booking.domain.InvalidInputException.FieldProblem;
import dk.bindeled.events.booking.v1.ResourceKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceRulesCheckTest {

    @Test
    void aRoomHasSeatsABufferOfAtMostFourHoursAndWholeRules() {
        BookingRules listedNobody = new BookingRules(BookingRules.Access.LISTED_PARTNERS, List.of(), false, 10, 0);
        DefineResource room = new DefineResource("r", "nowhere", "Salen", ResourceKind.ROOM, null, List.of(), 241, listedNobody);
        assertThat(ResourceRulesCheck.problemsOf(room, false)).extracting(FieldProblem::field).containsExactly("centreId", "capacity",
                "cleaningBufferMinutes", "rules.listedPartners", "rules.maxLengthMinutes", "rules.maxDaysAhead");
        assertThat(ResourceRulesCheck.problemsOf((BookingRules) null)).extracting(FieldProblem::field).containsExactly("rules.access");
        assertThat(ResourceRulesCheck.problemsOf(new DefineResource("r", "motalavej", "Projektor", ResourceKind.EQUIPMENT, null,
                List.of(), 0, new BookingRules(BookingRules.Access.ALL_CENTRE_PARTNERS, List.of(), false, null, null)), true)).isEmpty();
    }
}
