package dk.bindeled.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dk.bindeled.booking.domain.BookingPermissions.Disclosure;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The access rules of issue 9, each stated once in {@link BookingPermissions} and checked here for own and other org/centre. */
class BookingPermissionsTest {

    static final String SUMAK = "sumak";
    static final String OTHER = "other-partner";
    static final String MOTALAVEJ = "motalavej";
    static final String HEDEMARKEN = "hedemarken";

    static Viewer as(String role, String org, String... centres) {
        return new Viewer("user-" + role, Set.of(role), org, Set.of(centres));
    }

    static final Viewer ADMIN = as("admin", null);
    static final Viewer MANAGER = as("centre-manager", null, MOTALAVEJ);
    static final Viewer STAFF = as("centre-staff", null, MOTALAVEJ);
    static final Viewer MEMBER = as("partner-member", SUMAK);
    static final Viewer PARTNER_ADMIN = as("partner-admin", SUMAK);
    static final Viewer CASEWORKER = as("caseworker", null, MOTALAVEJ);

    @Test
    void membersBookForTheirOwnPartnerAndStaffForTheirCentresPartners() {
        assertThat(BookingPermissions.mayBookFor(MEMBER, SUMAK, MOTALAVEJ)).isTrue();
        assertThat(BookingPermissions.mayBookFor(PARTNER_ADMIN, SUMAK, HEDEMARKEN)).isTrue();
        assertThat(BookingPermissions.mayBookFor(MEMBER, OTHER, MOTALAVEJ)).isFalse();
        assertThat(BookingPermissions.mayBookFor(STAFF, OTHER, MOTALAVEJ)).isTrue();
        assertThat(BookingPermissions.mayBookFor(MANAGER, OTHER, MOTALAVEJ)).isTrue();
        assertThat(BookingPermissions.mayBookFor(STAFF, SUMAK, HEDEMARKEN)).isFalse();
        assertThat(BookingPermissions.mayBookFor(ADMIN, SUMAK, MOTALAVEJ)).isFalse();
        assertThat(BookingPermissions.mayBookFor(CASEWORKER, SUMAK, MOTALAVEJ)).isFalse();
        // An org claim without a partner role speaks for nobody.
        assertThat(BookingPermissions.mayBookFor(as("viewer", SUMAK), SUMAK, MOTALAVEJ)).isFalse();
        assertThat(BookingPermissions.mayChange(MEMBER, OTHER, HEDEMARKEN)).isFalse();
    }

    @Test
    void onlyThatCentresManagerDecides() {
        assertThat(BookingPermissions.mayDecide(MANAGER, MOTALAVEJ)).isTrue();
        assertThat(BookingPermissions.mayDecide(MANAGER, HEDEMARKEN)).isFalse();
        assertThat(BookingPermissions.mayDecide(STAFF, MOTALAVEJ)).isFalse();
        assertThat(BookingPermissions.mayDecide(ADMIN, MOTALAVEJ)).isFalse();
        assertThat(BookingPermissions.mayDecide(MEMBER, MOTALAVEJ)).isFalse();
    }

    @Test
    void centresAreAdministeredByAdminOrTheirManager() {
        assertThat(BookingPermissions.mayAdministerCentre(ADMIN, HEDEMARKEN)).isTrue();
        assertThat(BookingPermissions.mayAdministerCentre(MANAGER, MOTALAVEJ)).isTrue();
        assertThat(BookingPermissions.mayAdministerCentre(MANAGER, HEDEMARKEN)).isFalse();
        assertThat(BookingPermissions.mayAdministerCentre(STAFF, MOTALAVEJ)).isFalse();
    }

    @Test
    void offersAreAnsweredAndPartnerFeedsManagedByThePartnersMembers() {
        assertThat(BookingPermissions.mayAnswerOffer(MEMBER, SUMAK)).isTrue();
        assertThat(BookingPermissions.mayAnswerOffer(STAFF, SUMAK)).isFalse();
        assertThat(BookingPermissions.mayManagePartnerFeeds(PARTNER_ADMIN, SUMAK)).isTrue();
        assertThat(BookingPermissions.mayManagePartnerFeeds(MEMBER, OTHER)).isFalse();
        assertThat(BookingPermissions.mayManageCentreFeeds(STAFF, MOTALAVEJ)).isTrue();
        assertThat(BookingPermissions.mayManageCentreFeeds(STAFF, HEDEMARKEN)).isFalse();
        assertThat(BookingPermissions.mayManageCentreFeeds(ADMIN, MOTALAVEJ)).isFalse();
    }

    @Test
    void anotherPartnersMembersNeverReadAPartnersList() {
        assertThat(BookingPermissions.mayReadPartnerBookings(MEMBER, SUMAK)).isTrue();
        assertThat(BookingPermissions.mayReadPartnerBookings(MEMBER, OTHER)).isFalse();
        assertThat(BookingPermissions.mayReadPartnerBookings(CASEWORKER, SUMAK)).isTrue();
        assertThat(BookingPermissions.mayReadPartnerBookings(Viewer.ANONYMOUS, SUMAK)).isFalse();
    }

    @Test
    void theBookingPartnerAndTheCentresStaffSeeEverythingOthersWhatTheVisibilityShows() {
        for (String visibility : new String[] {"BUSY", "TITLE_ONLY", "PUBLIC"}) {
            assertThat(BookingPermissions.disclosure(MEMBER, SUMAK, MOTALAVEJ, visibility)).isEqualTo(Disclosure.FULL);
            assertThat(BookingPermissions.disclosure(STAFF, SUMAK, MOTALAVEJ, visibility)).isEqualTo(Disclosure.FULL);
            // Purpose, note and history are never for anyone else, whatever the visibility.
            assertThat(BookingPermissions.disclosure(as("partner-member", OTHER), SUMAK, MOTALAVEJ, visibility).internal()).isFalse();
            assertThat(BookingPermissions.disclosure(ADMIN, SUMAK, MOTALAVEJ, visibility).internal()).isFalse();
            assertThat(BookingPermissions.disclosure(as("centre-staff", null, HEDEMARKEN), SUMAK, MOTALAVEJ, visibility).internal())
                    .isFalse();
        }
        assertThat(BookingPermissions.disclosure(Viewer.ANONYMOUS, SUMAK, MOTALAVEJ, "BUSY")).isEqualTo(Disclosure.BUSY);
        assertThat(BookingPermissions.disclosure(Viewer.ANONYMOUS, SUMAK, MOTALAVEJ, "BUSY").title()).isFalse();
        assertThat(BookingPermissions.disclosure(Viewer.ANONYMOUS, SUMAK, MOTALAVEJ, "TITLE_ONLY")).isEqualTo(Disclosure.TITLE_ONLY);
        assertThat(BookingPermissions.disclosure(Viewer.ANONYMOUS, SUMAK, MOTALAVEJ, "PUBLIC")).isEqualTo(Disclosure.PUBLIC);
        assertThat(BookingPermissions.disclosure(Viewer.ANONYMOUS, SUMAK, MOTALAVEJ, "SOMETHING_NEW")).isEqualTo(Disclosure.BUSY);
    }
}
