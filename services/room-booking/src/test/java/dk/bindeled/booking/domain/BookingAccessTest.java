package dk.bindeled.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.bindeled.booking.api.BookingRules;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BookingAccessTest {

    static final PartnerStanding MEMBER = new PartnerStanding("p-member", "Café Sumak", true, Set.of("motalavej"));
    static final PartnerStanding OUTSIDER = new PartnerStanding("p-out", "Et andet hus", true, Set.of("hedemarken"));
    static final PartnerStanding GONE = new PartnerStanding("p-gone", "Nedlagt forening", false, Set.of("motalavej"));

    static BookingAccess access(BookingRules.Access access, String... listed) {
        return new BookingAccess(new BookingRules(access, List.of(listed), false, null, null), "motalavej");
    }

    @Test
    void everyActivePartnerOfTheCentreOrOnlyTheListedOnes() {
        BookingAccess centre = access(BookingRules.Access.ALL_CENTRE_PARTNERS);
        assertThat(centre.refusal(MEMBER)).isEmpty();
        assertThat(centre.refusal(OUTSIDER)).hasValueSatisfying(r -> assertThat(r).contains("not a partner of the centre"));
        assertThat(centre.refusal(GONE)).hasValueSatisfying(r -> assertThat(r).contains("deactivated"));

        BookingAccess listed = access(BookingRules.Access.LISTED_PARTNERS, "p-out");
        assertThat(listed.refusal(OUTSIDER)).isEmpty();
        assertThat(listed.refusal(MEMBER)).hasValueSatisfying(r -> assertThat(r).contains("Only the listed partners"));
        assertThat(listed.allows(Optional.empty())).isFalse();
    }

    @Test
    void aRequestNamesAKnownPartnerOrIsBadInput() {
        BookingAccess centre = access(BookingRules.Access.ALL_CENTRE_PARTNERS);
        PartnerRoster roster = id -> Optional.of(MEMBER).filter(p -> p.partnerId().equals(id));
        assertThat(centre.require("p-member", roster)).isEqualTo(MEMBER);
        assertThatThrownBy(() -> centre.require(" ", roster)).isInstanceOf(InvalidInputException.class).hasMessage("partnerId is required");
        assertThatThrownBy(() -> centre.require("p-x", roster)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> access(BookingRules.Access.LISTED_PARTNERS, "p-out").require("p-member", roster))
                .isInstanceOf(NotAllowedException.class);
    }
}
