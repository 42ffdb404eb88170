package dk.bindeled.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How an identity becomes the claims every token carries. */
class IdentityClaimsTest {

    private static final Organisation LEKTIEHJAELPEN =
            new Organisation("lektiehjaelpen", DemoPartnerIds.of("lektiehjaelpen"), "Lektiehjælpen", "12972997");
    private static final Organisation KVARTERHUSLEDELSEN =
            new Organisation("kvarterhusledelsen", DemoPartnerIds.of("kvarterhusledelsen"), "Kvarterhusledelsen", null);

    @Test
    void anOrganisationWithACvrGivesOrgAndOrgCvr() {
        Map<String, Object> claims = IdentityClaims.of(new Identity("hanne", "Hanne Sørensen", LEKTIEHJAELPEN,
                List.of(Role.PARTNER_ADMIN), List.of()));
        assertThat(claims).containsExactly(
                Map.entry("name", "Hanne Sørensen"),
                Map.entry("org", DemoPartnerIds.of("lektiehjaelpen").toString()),
                Map.entry("org_cvr", "12972997"),
                Map.entry("roles", List.of("partner-admin")),
                Map.entry("centres", List.of()));
    }

    @Test
    void anOrganisationWithoutACvrGivesOrgOnly() {
        Map<String, Object> claims = IdentityClaims.of(new Identity("bente", "Bente Kragh", KVARTERHUSLEDELSEN,
                List.of(Role.CENTRE_MANAGER), List.of("motalavej")));
        assertThat(claims).containsEntry("org", DemoPartnerIds.of("kvarterhusledelsen").toString())
                .doesNotContainKey("org_cvr")
                .containsEntry("roles", List.of("centre-manager"))
                .containsEntry("centres", List.of("motalavej"));
    }

    @Test
    void noOrganisationGivesNeitherOrgClaimButStillArraysOfRolesAndCentres() {
        Map<String, Object> claims = IdentityClaims.of(new Identity("birgitte", "Birgitte Aagaard", null,
                List.of(Role.ADMIN), List.of("motalavej", "hedemarken")));
        assertThat(claims).doesNotContainKeys("org", "org_cvr")
                .containsEntry("roles", List.of("admin"))
                .containsEntry("centres", List.of("motalavej", "hedemarken"));
        assertThat(IdentityClaims.of(new Identity("jesper", "Jesper", null, List.of(Role.VIEWER), List.of())))
                .containsEntry("centres", List.of());
    }

    @Test
    void severalRolesKeepTheirOrderAndSpelling() {
        Map<String, Object> claims = IdentityClaims.of(new Identity("x", "X", KVARTERHUSLEDELSEN,
                List.of(Role.CENTRE_STAFF, Role.PARTNER_MEMBER, Role.COORDINATOR), List.of("motalavej")));
        assertThat(claims).containsEntry("roles", List.of("centre-staff", "partner-member", "coordinator"));
        assertThat(IdentityClaims.ALL).containsAll(claims.keySet());
    }
}
