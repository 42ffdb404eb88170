package dk.bindeled.partner.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dk.bindeled.events.partner.v1.Capacity;
import dk.bindeled.events.partner.v1.MembershipRole;
import dk.bindeled.events.partner.v1.OfferLocation;
import dk.bindeled.events.partner.v1.OfferStatus;
import dk.bindeled.events.partner.v1.PartnerKind;
import dk.bindeled.events.partner.v1.ResourceCategory;
import dk.bindeled.events.partner.v1.Sector;
import dk.bindeled.events.partner.v1.TargetGroup;
import dk.bindeled.events.partner.v1.WeeklySchedule;
import dk.bindeled.partner.api.Commands.AddContactPerson;
import dk.bindeled.partner.api.Commands.DeactivatePartner;
import dk.bindeled.partner.api.Commands.JoinCentre;
import dk.bindeled.partner.api.Commands.LeaveCentre;
import dk.bindeled.partner.api.Commands.PublishOffer;
import dk.bindeled.partner.api.Commands.RegisterPartner;
import dk.bindeled.partner.api.Commands.RemoveContactPerson;
import dk.bindeled.partner.api.Commands.ShareResource;
import dk.bindeled.partner.api.Commands.UpdateOffer;
import dk.bindeled.partner.api.Commands.UpdatePartnerProfile;
import dk.bindeled.partner.api.Commands.WithdrawOffer;
import dk.bindeled.partner.api.Commands.WithdrawResource;
import dk.bindeled.partner.api.Events.ContactPersonAdded;
import dk.bindeled.partner.api.Events.ContactPersonRemoved;
import dk.bindeled.partner.api.Events.OfferPublished;
import dk.bindeled.partner.api.Events.OfferUpdated;
import dk.bindeled.partner.api.Events.OfferWithdrawn;
import dk.bindeled.partner.api.Events.PartnerDeactivated;
import dk.bindeled.partner.api.Events.PartnerJoinedCentre;
import dk.bindeled.partner.api.Events.PartnerLeftCentre;
import dk.bindeled.partner.api.Events.PartnerProfileUpdated;
import dk.bindeled.partner.api.Events.PartnerRegistered;
import dk.bindeled.partner.api.Events.ResourceShared;
import dk.bindeled.partner.api.Events.ResourceWithdrawn;
import dk.bindeled.partner.api.OfferDetails;
import dk.bindeled.partner.api.PartnerProfile;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PartnerTest {

    private static final String ID = "p-1";
    private static final PartnerProfile SUMAK = new PartnerProfile("Café Sumak", Sector.PRIVATE,
            PartnerKind.SOCIAL_ECONOMY_BUSINESS, "29189129", "Socialøkonomisk café", null, null, null);
    private static final PartnerProfile TOVHOLDERE = new PartnerProfile("Mændenes tirsdagsgruppe", Sector.INFORMAL,
            PartnerKind.INFORMAL_GROUP, null, null, null, null, null);
    private static final OfferDetails HOMEWORK = offer(new Capacity(15, 3), 6, 16, LocalTime.of(15, 0), LocalTime.of(17, 0));

    private final InMemoryCvrRegistry cvrs = new InMemoryCvrRegistry();
    private AggregateTestFixture<Partner> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Partner.class);
        fixture.registerInjectableResource(cvrs);
    }

    @Test
    void registersAPartnerAndClaimsItsCvr() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPartner(ID, SUMAK))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PartnerRegistered(ID, SUMAK));
        assertThat(cvrs.holders).containsEntry("29189129", ID);
    }

    @Test
    void anInformalGroupRegistersWithoutCvr() {
        fixture.givenNoPriorActivity().when(new RegisterPartner(ID, TOVHOLDERE)).expectEvents(new PartnerRegistered(ID, TOVHOLDERE));
    }

    @Test
    void refusesACvrThatFailsTheModulus11Check() {
        PartnerProfile wrong = new PartnerProfile("X", Sector.PRIVATE, PartnerKind.PRIVATE_BUSINESS, "12345678", null, null, null, null);
        fixture.givenNoPriorActivity().when(new RegisterPartner(ID, wrong))
                .expectException(InvalidInputException.class).expectNoEvents();
        assertThat(cvrs.holders).isEmpty();
    }

    @Test
    void refusesACvrForAnInformalGroup() {
        PartnerProfile informalWithCvr = new PartnerProfile("X", Sector.INFORMAL, PartnerKind.INFORMAL_GROUP, "29189129",
                null, null, null, null);
        fixture.givenNoPriorActivity().when(new RegisterPartner(ID, informalWithCvr))
                .expectException(InvalidInputException.class).expectExceptionMessage("an informal group has no CVR number");
    }

    @Test
    void refusesACvrHeldByAnotherActivePartner() {
        cvrs.holders.put("29189129", "someone-else");
        fixture.givenNoPriorActivity().when(new RegisterPartner(ID, SUMAK))
                .expectException(RuleViolationException.class).expectNoEvents();
    }

    @Test
    void changingTheCvrClaimsTheNewAndReleasesTheOld() {
        cvrs.holders.put("29189129", ID);
        PartnerProfile moved = new PartnerProfile("Café Sumak ApS", Sector.PRIVATE, PartnerKind.SOCIAL_ECONOMY_BUSINESS,
                "12345674", null, null, null, null);
        fixture.given(new PartnerRegistered(ID, SUMAK)).when(new UpdatePartnerProfile(ID, moved))
                .expectEvents(new PartnerProfileUpdated(ID, moved));
        assertThat(cvrs.holders).containsOnly(Map.entry("12345674", ID));
    }

    @Test
    void deactivationWithdrawsOpenOffersReleasesTheCvrAndKeepsHistory() {
        cvrs.holders.put("29189129", ID);
        fixture.given(new PartnerRegistered(ID, SUMAK), new OfferPublished(ID, "o-1", HOMEWORK), new OfferPublished(ID, "o-2", HOMEWORK),
                        new OfferWithdrawn(ID, "o-2", "sommerferie"))
                .when(new DeactivatePartner(ID, "Lukket"))
                .expectEvents(new OfferWithdrawn(ID, "o-1", Partner.DEACTIVATION_WITHDRAWS_OFFERS), new PartnerDeactivated(ID, "Lukket"));
        assertThat(cvrs.holders).isEmpty();
    }

    @Test
    void nothingChangesOnADeactivatedPartner() {
        Object[] history = {new PartnerRegistered(ID, TOVHOLDERE), new PartnerDeactivated(ID, null)};
        fixture.given(history).when(new PublishOffer(ID, "o-1", HOMEWORK)).expectException(RuleViolationException.class);
        fixture.given(history).when(new UpdatePartnerProfile(ID, TOVHOLDERE)).expectException(RuleViolationException.class);
        fixture.given(history).when(new AddContactPerson(ID, "c", "Ali", null, null, null)).expectException(RuleViolationException.class);
        fixture.given(history).when(new ShareResource(ID, "r", "Bus", ResourceCategory.VAN, null, null))
                .expectException(RuleViolationException.class);
        fixture.given(history).when(new JoinCentre(ID, "motalavej", null, MembershipRole.AD_HOC_ACTOR))
                .expectException(RuleViolationException.class);
        fixture.given(history).when(new DeactivatePartner(ID, null)).expectException(RuleViolationException.class)
                .expectExceptionMessage("Partner p-1 is already deactivated");
    }

    @Test
    void contactPersonsAreAddedAndRemoved() {
        fixture.given(new PartnerRegistered(ID, SUMAK))
                .when(new AddContactPerson(ID, "c-1", "Amina", "Kok", "amina@sumak.dk", "+45 11 22 33 44"))
                .expectEvents(new ContactPersonAdded(ID, "c-1", "Amina", "Kok", "amina@sumak.dk", "+45 11 22 33 44"));
        fixture.given(new PartnerRegistered(ID, SUMAK), new ContactPersonAdded(ID, "c-1", "Amina", null, null, null))
                .when(new RemoveContactPerson(ID, "c-1")).expectEvents(new ContactPersonRemoved(ID, "c-1"));
        fixture.given(new PartnerRegistered(ID, SUMAK)).when(new RemoveContactPerson(ID, "nobody"))
                .expectException(NotFoundException.class);
    }

    @Test
    void offersArePublishedUpdatedAndWithdrawn() {
        OfferDetails closed = offer(new Capacity(15, 0), 6, 16, LocalTime.of(15, 0), LocalTime.of(17, 0));
        fixture.given(new PartnerRegistered(ID, SUMAK)).when(new PublishOffer(ID, "o-1", HOMEWORK))
                .expectEvents(new OfferPublished(ID, "o-1", HOMEWORK));
        fixture.given(new PartnerRegistered(ID, SUMAK), new OfferPublished(ID, "o-1", HOMEWORK))
                .when(new UpdateOffer(ID, "o-1", closed)).expectEvents(new OfferUpdated(ID, "o-1", closed));
        fixture.given(new PartnerRegistered(ID, SUMAK), new OfferPublished(ID, "o-1", HOMEWORK))
                .when(new WithdrawOffer(ID, "o-1", "Ingen frivillige")).expectEvents(new OfferWithdrawn(ID, "o-1", "Ingen frivillige"));
    }

    @Test
    void aWithdrawnOrUnknownOfferCannotChange() {
        fixture.given(new PartnerRegistered(ID, SUMAK), new OfferPublished(ID, "o-1", HOMEWORK), new OfferWithdrawn(ID, "o-1", null))
                .when(new UpdateOffer(ID, "o-1", HOMEWORK)).expectException(RuleViolationException.class);
        fixture.given(new PartnerRegistered(ID, SUMAK), new OfferPublished(ID, "o-1", HOMEWORK), new OfferWithdrawn(ID, "o-1", null))
                .when(new WithdrawOffer(ID, "o-1", null)).expectException(RuleViolationException.class);
        fixture.given(new PartnerRegistered(ID, SUMAK)).when(new UpdateOffer(ID, "o-9", HOMEWORK)).expectException(NotFoundException.class);
        fixture.given(new PartnerRegistered(ID, SUMAK), new OfferPublished(ID, "o-1", HOMEWORK))
                .when(new PublishOffer(ID, "o-1", HOMEWORK)).expectException(RuleViolationException.class);
    }

    @Test
    void offerValuesMustMakeSense() {
        expectInvalid(offer(new Capacity(10, 11), null, null, LocalTime.of(9, 0), LocalTime.of(10, 0)), "capacity.available");
        expectInvalid(offer(null, 18, 12, LocalTime.of(9, 0), LocalTime.of(10, 0)), "maximumAge");
        expectInvalid(offer(null, null, null, LocalTime.of(10, 0), LocalTime.of(10, 0)), "schedules[0].closesAt");
        OfferDetails noGroups = new OfferDetails("X", null, List.of(), null, null, null, null, null, null, null, OfferStatus.ACTIVE);
        expectInvalid(noGroups, "targetGroups");
        OfferDetails backwards = new OfferDetails("X", null, List.of(TargetGroup.SENIORS), null, null, null, null,
                List.of(new WeeklySchedule(List.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), LocalTime.of(10, 0),
                        LocalDate.of(2026, 5, 1), LocalDate.of(2026, 4, 1))), null, null, OfferStatus.ACTIVE);
        expectInvalid(backwards, "schedules[0].validTo");
    }

    @Test
    void sharedResourcesAreSharedAndWithdrawn() {
        fixture.given(new PartnerRegistered(ID, SUMAK))
                .when(new ShareResource(ID, "r-1", "Storkøkken", ResourceCategory.KITCHEN, "12 pladser", "Mod rengøring"))
                .expectEvents(new ResourceShared(ID, "r-1", "Storkøkken", ResourceCategory.KITCHEN, "12 pladser", "Mod rengøring"));
        fixture.given(new PartnerRegistered(ID, SUMAK), new ResourceShared(ID, "r-1", "Storkøkken", ResourceCategory.KITCHEN, null, null))
                .when(new WithdrawResource(ID, "r-1")).expectEvents(new ResourceWithdrawn(ID, "r-1"));
        fixture.given(new PartnerRegistered(ID, SUMAK)).when(new WithdrawResource(ID, "r-9")).expectException(NotFoundException.class);
    }

    @Test
    void centreMembershipCanChangeRoleButNotRepeat() {
        fixture.given(new PartnerRegistered(ID, SUMAK))
                .when(new JoinCentre(ID, "motalavej", "Kvarterhuset på Motalavej", MembershipRole.RESIDENT_ACTOR))
                .expectEvents(new PartnerJoinedCentre(ID, "motalavej", "Kvarterhuset på Motalavej", MembershipRole.RESIDENT_ACTOR));
        PartnerJoinedCentre joined = new PartnerJoinedCentre(ID, "motalavej", null, MembershipRole.AD_HOC_ACTOR);
        fixture.given(new PartnerRegistered(ID, SUMAK), joined)
                .when(new JoinCentre(ID, "motalavej", null, MembershipRole.AD_HOC_ACTOR)).expectException(RuleViolationException.class);
        fixture.given(new PartnerRegistered(ID, SUMAK), joined)
                .when(new JoinCentre(ID, "motalavej", null, MembershipRole.RESIDENT_ACTOR))
                .expectEvents(new PartnerJoinedCentre(ID, "motalavej", null, MembershipRole.RESIDENT_ACTOR));
        fixture.given(new PartnerRegistered(ID, SUMAK), joined).when(new LeaveCentre(ID, "motalavej"))
                .expectEvents(new PartnerLeftCentre(ID, "motalavej"));
        fixture.given(new PartnerRegistered(ID, SUMAK)).when(new LeaveCentre(ID, "motalavej")).expectException(NotFoundException.class);
    }

    @Test
    void cvrChecksum() {
        assertThat(Cvr.isValid("29189129")).isTrue();
        assertThat(Cvr.isValid("12345674")).isTrue();
        assertThat(Cvr.isValid("12345678")).isFalse();
        assertThat(Cvr.isValid("1234567")).isFalse();
        assertThat(Cvr.isValid("1234567a")).isFalse();
        assertThat(Cvr.isValid(null)).isFalse();
    }

    private void expectInvalid(OfferDetails details, String field) {
        fixture.given(new PartnerRegistered(ID, SUMAK)).when(new PublishOffer(ID, "o-x", details))
                .expectException(InvalidInputException.class).expectNoEvents()
                .expectException(org.axonframework.test.matchers.Matchers.predicate(
                        e -> e instanceof InvalidInputException invalid && invalid.field().equals(field)));
    }

    private static OfferDetails offer(Capacity capacity, Integer minAge, Integer maxAge, LocalTime opens, LocalTime closes) {
        return new OfferDetails("Lektiecafé", "Frivillige hjælper med lektier", List.of(TargetGroup.CHILDREN, TargetGroup.YOUNG_PEOPLE),
                minAge, maxAge, List.of("da", "so"), "Gratis",
                List.of(new WeeklySchedule(List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY), opens, closes, null, null)),
                new OfferLocation("hedemarken", "Bibliotek og Medborgercenter Hedemarken", null), capacity, OfferStatus.ACTIVE);
    }

    /** The CVR set as a map; the real one is a table written in the command's transaction. */
    static final class InMemoryCvrRegistry implements CvrRegistry {

        final Map<String, String> holders = new HashMap<>();

        @Override
        public void claim(String cvr, String partnerId) {
            String holder = holders.putIfAbsent(cvr, partnerId);
            if (holder != null && !holder.equals(partnerId)) {
                throw new RuleViolationException("CVR number " + cvr + " is already registered to active partner " + holder);
            }
        }

        @Override
        public void release(String cvr, String partnerId) {
            holders.remove(cvr, partnerId);
        }
    }
}
