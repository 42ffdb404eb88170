package dk.bindeled.staffweb.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StaffUserTest {

    @Test
    void readsBindeledsClaimsFromTheIdToken() {
        StaffUser bente = StaffUser.of(Map.of("sub", "bente", "name", "Bente Holm", "org", "5a1c-org",
                "roles", List.of("centre-manager"), "centres", List.of("motalavej")));

        assertThat(bente.username()).isEqualTo("bente");
        assertThat(bente.name()).isEqualTo("Bente Holm");
        assertThat(bente.managerOf("motalavej")).isTrue();
        assertThat(bente.managerOf("hedemarken")).isFalse();
        assertThat(bente.staffOf("motalavej")).isTrue();
        assertThat(bente.partnerMember()).isFalse();
        assertThat(bente.books()).isTrue();
        assertThat(bente.managedCentres()).containsExactly("motalavej");
        assertThat(bente.roleLabel()).isEqualTo("husleder");
    }

    @Test
    void aPartnersMemberBooksForItsOrganisationAndACaseworkerDoesNot() {
        StaffUser ahmed = StaffUser.of(Map.of("sub", "ahmed", "org", "sumak", "roles", List.of("partner-member")));
        StaffUser maja = StaffUser.of(Map.of("sub", "maja", "org", "familie", "roles", List.of("caseworker"), "centres", List.of("hedemarken")));

        assertThat(ahmed.partnerMember()).isTrue();
        assertThat(ahmed.partnerAdmin()).isFalse();
        assertThat(ahmed.books()).isTrue();
        assertThat(ahmed.name()).isEqualTo("ahmed");
        assertThat(ahmed.seesDashboard()).isFalse();
        assertThat(maja.books()).isFalse();
        assertThat(maja.staff()).isFalse();
    }

    @Test
    void noClaimsMeansNoRights() {
        StaffUser nobody = StaffUser.of(Map.of("sub", "jesper"));
        assertThat(nobody.roles()).isEmpty();
        assertThat(nobody.centres()).isEmpty();
        assertThat(nobody.books()).isFalse();
        assertThat(nobody.seesDashboard()).isFalse();
    }
}
