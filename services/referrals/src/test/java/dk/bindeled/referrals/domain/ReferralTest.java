package dk.bindeled.referrals.domain;

import dk.bindeled.events.partner.v1.TargetGroup;
import dk.bindeled.events.referral.v1.DeclineReason;
import dk.bindeled.events.referral.v1.ReferralOutcome;
import dk.bindeled.referrals.api.Commands.AcceptReferral;
import dk.bindeled.referrals.api.Commands.CompleteReferral;
import dk.bindeled.referrals.api.Commands.DeclineReferral;
import dk.bindeled.referrals.api.Commands.DraftReferral;
import dk.bindeled.referrals.api.Commands.ForwardReferral;
import dk.bindeled.referrals.api.Commands.RecordContactMade;
import dk.bindeled.referrals.api.Commands.RevokeConsent;
import dk.bindeled.referrals.api.Commands.SendReferral;
import dk.bindeled.referrals.api.Commands.WithdrawReferral;
import dk.bindeled.referrals.api.Consent;
import dk.bindeled.referrals.api.Events.ConsentRecorded;
import dk.bindeled.referrals.api.Events.ConsentRevoked;
import dk.bindeled.referrals.api.Events.ContactMade;
import dk.bindeled.referrals.api.Events.Parties;
import dk.bindeled.referrals.api.Events.ReferralAccepted;
import dk.bindeled.referrals.api.Events.ReferralCompleted;
import dk.bindeled.referrals.api.Events.ReferralDeclined;
import dk.bindeled.referrals.api.Events.ReferralDrafted;
import dk.bindeled.referrals.api.Events.ReferralForwarded;
import dk.bindeled.referrals.api.Events.ReferralSent;
import dk.bindeled.referrals.api.PersonalData.Field;
import dk.bindeled.referrals.api.Sealed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The referral's rules: a consent that names the recipient, the purpose and each field, valid today, before anything is
 * sent; who may take which step from where; anyone else is told it does not exist. "Today" is Tuesday 1 December 2026.
 */
class ReferralTest {

    static final String REFERRAL = "r1";
    static final String RESIDENT = "resident-1";
    /** The family consultants in Vesthimmerland refer to the health visitors' baby café in Morsø. */
    static final String FAMILY = "familieraadgivningen-vesthimmerland";
    static final String HEALTH = "sundhedsplejen-morsoe";
    static final String OTHER = "basen";
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    static final Sealed SHARED = new Sealed(HEALTH, "c2hhcmVk");
    static final Parties PARTIES = new Parties(FAMILY, HEALTH, "babycafe", TargetGroup.YOUNG_MOTHERS);

    private AggregateTestFixture<Referral> fixture;

    /** The offers the replica knows: the baby café with places, the open counselling full, and the café of another partner. */
    final java.util.Map<String, OfferCatalogue.Offer> known = new java.util.HashMap<>(java.util.Map.of(
            "babycafe", new OfferCatalogue.Offer("babycafe", HEALTH, "Sundhedsplejen Morsø", "Babycafé", true, 4, List.of(TargetGroup.YOUNG_MOTHERS)),
            "aabent-hus", new OfferCatalogue.Offer("aabent-hus", HEALTH, "Sundhedsplejen Morsø", "Åbent hus", true, 6, List.of(TargetGroup.YOUNG_MOTHERS),
                    new dk.bindeled.events.partner.v1.ReferralTerms(2, 3)),
            "raadgivning", new OfferCatalogue.Offer("raadgivning", HEALTH, "Sundhedsplejen Morsø", "Rådgivning", true, 0, List.of(TargetGroup.YOUNG_MOTHERS)),
            "lukket", new OfferCatalogue.Offer("lukket", HEALTH, "Sundhedsplejen Morsø", "Sommerpause", false, 3, List.of(TargetGroup.YOUNG_MOTHERS)),
            "basens-cafe", new OfferCatalogue.Offer("basens-cafe", OTHER, "Basen", "Café", true, null, List.of(TargetGroup.YOUNG_MOTHERS))));
    final OfferCatalogue offers = new OfferCatalogue() {
        @Override
        public java.util.Optional<Offer> offer(String offerId) {
            return java.util.Optional.ofNullable(known.get(offerId));
        }

        @Override
        public List<java.util.Map<String, Object>> live() {
            return List.of();
        }

        @Override
        public List<Offer> alternatives(TargetGroup targetGroup, String excludingOfferId) {
            return known.values().stream().filter(o -> o.live() && !o.offerId().equals(excludingOfferId)
                    && (o.available() == null || o.available() > 0)).sorted(java.util.Comparator.comparing(Offer::offerId)).toList();
        }
    };
    /** Open referrals by resident and offer. */
    final java.util.Map<String, String> open = new java.util.HashMap<>();
    final ReferralIndex index = new ReferralIndex() {
        @Override
        public java.util.Optional<String> openReferral(String residentId, String offerId) {
            return java.util.Optional.ofNullable(open.get(residentId + "/" + offerId));
        }

        @Override
        public boolean openElsewhere(String residentId, TargetGroup targetGroup, String recipient) {
            return false;
        }
    };

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Referral.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new DeadlinePolicy(5, 10));
        fixture.registerInjectableResource(offers);
        fixture.registerInjectableResource(index);
    }

    static Consent consent(String id, LocalDate givenOn, LocalDate expiresOn) {
        return new Consent(id, "Henvisning til babycafé", HEALTH, List.of(Field.NAME, Field.PHONE), Consent.LegalBasis.CONSENT, null,
                Consent.GivenBy.RESIDENT, "mette@vesthimmerland", givenOn, expiresOn);
    }

    static ReferralDrafted drafted() {
        return new ReferralDrafted(REFERRAL, RESIDENT, FAMILY, HEALTH, "babycafe", TargetGroup.YOUNG_MOTHERS, null);
    }

    static DraftReferral draft(Consent consent, Sealed shared) {
        return draft("babycafe", consent, shared, null);
    }

    static DraftReferral draft(String offerId, Consent consent, Sealed shared, String overrideReason) {
        return new DraftReferral(REFERRAL, RESIDENT, FAMILY, HEALTH, offerId, TargetGroup.YOUNG_MOTHERS, null, consent, shared, overrideReason);
    }

    @Test
    void aReferralWithAValidConsentIsDraftedRecordedAndSentInOneCommand() {
        Consent consent = consent("c1", TODAY, TODAY.plusMonths(6));
        fixture.givenNoPriorActivity()
                .when(draft(consent, SHARED))
                .expectEvents(drafted(), new ConsentRecorded(REFERRAL, PARTIES, consent), new ReferralSent(REFERRAL, PARTIES, "c1", SHARED, null));
    }

    @Test
    void withoutAConsentThatHoldsTodayNothingIsStored() {
        fixture.givenNoPriorActivity()
                .when(draft(consent("c1", TODAY.minusMonths(7), TODAY.minusDays(1)), SHARED))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("No valid consent"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(draft(consent("c1", TODAY.plusDays(1), null), SHARED))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(draft(null, SHARED))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void aBlanketConsentOrOneForAnotherRecipientIsRefusedNamingTheField() {
        Consent blanket = new Consent("c1", "Alt", HEALTH, List.of(), Consent.LegalBasis.CONSENT, null, Consent.GivenBy.RESIDENT, "mette", TODAY, null);
        fixture.givenNoPriorActivity().when(draft(blanket, SHARED))
                .expectException(InvalidInputException.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("blanket"))
                .expectNoEvents();
        Consent elsewhere = new Consent("c1", "Henvisning", OTHER, List.of(Field.NAME), Consent.LegalBasis.CONSENT, null, Consent.GivenBy.RESIDENT,
                "mette", TODAY, null);
        fixture.givenNoPriorActivity().when(draft(elsewhere, new Sealed(HEALTH, "eA==")))
                .expectException(InvalidInputException.class).expectNoEvents();
        Consent noProvision = new Consent("c1", "Underretning", HEALTH, List.of(Field.NAME), Consent.LegalBasis.LEGAL_PROVISION, null,
                Consent.GivenBy.NONE, "mette", TODAY, null);
        fixture.givenNoPriorActivity().when(draft(noProvision, SHARED))
                .expectException(InvalidInputException.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("provision"))
                .expectNoEvents();
    }

    @Test
    void dataSealedForAnyoneButTheRecipientIsRefused() {
        fixture.givenNoPriorActivity()
                .when(draft(consent("c1", TODAY, null), new Sealed(FAMILY, "eA==")))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void theRecipientAnswersMakesContactAndCompletesAndTheReferrerCannot() {
        Consent consent = consent("c1", TODAY, null);
        fixture.given(drafted(), new ConsentRecorded(REFERRAL, PARTIES, consent), new ReferralSent(REFERRAL, PARTIES, "c1", SHARED, null))
                .when(new AcceptReferral(REFERRAL, FAMILY, null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("Only the recipient"));
        fixture.given(drafted(), new ConsentRecorded(REFERRAL, PARTIES, consent), new ReferralSent(REFERRAL, PARTIES, "c1", SHARED, null))
                .when(new AcceptReferral(REFERRAL, HEALTH, null))
                .expectEvents(new ReferralAccepted(REFERRAL, PARTIES, null));
        fixture.given(drafted(), new ReferralSent(REFERRAL, PARTIES, "c1", SHARED, null), new ReferralAccepted(REFERRAL, PARTIES, null))
                .when(new RecordContactMade(REFERRAL, HEALTH, null))
                .expectEvents(new ContactMade(REFERRAL, PARTIES, null));
        fixture.given(drafted(), new ReferralSent(REFERRAL, PARTIES, "c1", SHARED, null), new ReferralAccepted(REFERRAL, PARTIES, null),
                        new ContactMade(REFERRAL, PARTIES, null))
                .when(new CompleteReferral(REFERRAL, HEALTH, ReferralOutcome.GOT_HELP, null))
                .expectEvents(new ReferralCompleted(REFERRAL, PARTIES, ReferralOutcome.GOT_HELP, null));
        // A step out of order: contact before the referral was accepted.
        fixture.given(drafted(), new ReferralSent(REFERRAL, PARTIES, "c1", SHARED, null))
                .when(new RecordContactMade(REFERRAL, HEALTH, null))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void anOrganisationOnNeitherSideIsToldItDoesNotExist() {
        fixture.given(drafted(), new ReferralSent(REFERRAL, PARTIES, "c1", SHARED, null))
                .when(new DeclineReferral(REFERRAL, OTHER, DeclineReason.NO_CAPACITY, null))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void aDeclineNamesItsReasonAndAForwardMovesItToAnotherOffer() {
        fixture.given(drafted(), new ReferralSent(REFERRAL, PARTIES, "c1", SHARED, null))
                .when(new DeclineReferral(REFERRAL, HEALTH, null, null))
                .expectException(InvalidInputException.class);
        fixture.given(drafted(), new ReferralSent(REFERRAL, PARTIES, "c1", SHARED, null))
                .when(new DeclineReferral(REFERRAL, HEALTH, DeclineReason.NO_CAPACITY, null))
                .expectEvents(new ReferralDeclined(REFERRAL, PARTIES, DeclineReason.NO_CAPACITY, null));
        fixture.given(drafted(), new ReferralSent(REFERRAL, PARTIES, "c1", SHARED, null))
                .when(new ForwardReferral(REFERRAL, HEALTH, "aabent-hus", null))
                .expectEvents(new ReferralForwarded(REFERRAL, PARTIES, "babycafe", "aabent-hus", null));
        fixture.given(drafted(), new ReferralSent(REFERRAL, PARTIES, "c1", SHARED, null),
                        new ReferralForwarded(REFERRAL, PARTIES, "babycafe", "aabent-hus", null))
                .when(new AcceptReferral(REFERRAL, HEALTH, null))
                .expectEvents(new ReferralAccepted(REFERRAL, new Parties(FAMILY, HEALTH, "aabent-hus", TargetGroup.YOUNG_MOTHERS), null));
    }

    @Test
    void aRevokedConsentCannotCarryADraftAndTheRevocationNamesTheRecipient() {
        Consent consent = consent("c1", TODAY, null);
        fixture.given(drafted(), new ConsentRecorded(REFERRAL, PARTIES, consent))
                .when(new RevokeConsent(REFERRAL, FAMILY, "c1"))
                .expectEvents(new ConsentRevoked(REFERRAL, PARTIES, "c1"));
        fixture.given(drafted(), new ConsentRecorded(REFERRAL, PARTIES, consent), new ConsentRevoked(REFERRAL, PARTIES, "c1"))
                .when(new SendReferral(REFERRAL, FAMILY, SHARED, null))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
        // Only the referrer records and revokes consents.
        fixture.given(drafted(), new ConsentRecorded(REFERRAL, PARTIES, consent))
                .when(new RevokeConsent(REFERRAL, HEALTH, "c1"))
                .expectException(RuleViolationException.class);
    }

    @Test
    void sendingSetsTheAnswerDeadlineFiveWorkingDaysOn() {
        Consent consent = consent("c1", TODAY, null);
        // Sent Tuesday 1 December 2026 at 10.00: five working days on is Tuesday 8 December.
        Instant due = Instant.parse("2026-12-08T09:00:00Z");
        fixture.givenCurrentTime(NOW)
                .when(draft(consent, SHARED))
                .expectScheduledDeadlineWithName(due, DeadlinePolicy.ANSWER_DUE);
    }

    @Test
    void anOfferWhosePartnerCommitsToOtherTermsHasItsOwnDeadlines() {
        Consent consent = consent("c1", TODAY, null);
        // Åbent hus answers within two working days and makes contact within three days: sent Tuesday, due Thursday.
        fixture.givenCurrentTime(NOW)
                .when(draft("aabent-hus", consent, SHARED, null))
                .expectScheduledDeadlineWithName(Instant.parse("2026-12-03T09:00:00Z"), DeadlinePolicy.ANSWER_DUE);
        setUp();
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(draft("aabent-hus", consent, SHARED, null))
                .when(new AcceptReferral(REFERRAL, HEALTH, null))
                .expectScheduledDeadlineWithName(Instant.parse("2026-12-04T09:00:00Z"), DeadlinePolicy.CONTACT_DUE);
        // Forwarded from the baby café (the defaults) to Åbent hus: the new round runs on Åbent hus's terms.
        setUp();
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(draft(consent, SHARED))
                .when(new ForwardReferral(REFERRAL, HEALTH, "aabent-hus", null))
                .expectScheduledDeadlineWithName(Instant.parse("2026-12-03T09:00:00Z"), DeadlinePolicy.ANSWER_DUE);
        // Terms left out, or out of range, are the defaults.
        DeadlinePolicy defaults = new DeadlinePolicy(5, 10);
        org.assertj.core.api.Assertions.assertThat(defaults.forOffer(null)).isEqualTo(defaults);
        org.assertj.core.api.Assertions.assertThat(defaults.forOffer(new dk.bindeled.events.partner.v1.ReferralTerms(null, 4)))
                .isEqualTo(new DeadlinePolicy(5, 4));
        org.assertj.core.api.Assertions.assertThat(defaults.forOffer(new dk.bindeled.events.partner.v1.ReferralTerms(0, -2))).isEqualTo(defaults);
    }

    @Test
    void anUnansweredReferralIsOverdueAndAnAcceptedOneOnlyWhenNoContactIsMadeInTime() {
        Consent consent = consent("c1", TODAY, null);
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(draft(consent, SHARED))
                .whenTimeElapses(java.time.Duration.ofDays(8))
                .expectEvents(new dk.bindeled.referrals.api.Events.ReferralOverdue(REFERRAL, PARTIES,
                        dk.bindeled.events.referral.v1.OverdueKind.ANSWER, Instant.parse("2026-12-08T09:00:00Z")));
        // Each case on a fixture of its own: the deadline manager keeps its time between runs.
        setUp();
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(draft(consent, SHARED), new AcceptReferral(REFERRAL, HEALTH, null))
                .whenTimeElapses(java.time.Duration.ofDays(8))
                .expectNoEvents();
        // Accepted and no contact within ten days: overdue for contact.
        setUp();
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(draft(consent, SHARED), new AcceptReferral(REFERRAL, HEALTH, null))
                .whenTimeElapses(java.time.Duration.ofDays(11))
                .expectEvents(new dk.bindeled.referrals.api.Events.ReferralOverdue(REFERRAL, PARTIES,
                        dk.bindeled.events.referral.v1.OverdueKind.CONTACT, Instant.parse("2026-12-11T09:00:00Z")));
    }

    @Test
    void aFullOfferIsRefusedWithTheAlternativesUnlessTheReferrerGivesAReason() {
        Consent consent = consent("c1", TODAY, null);
        fixture.givenNoPriorActivity()
                .when(draft("raadgivning", consent, SHARED, null))
                .expectException(refusal(OfferPolicy.OFFER_FULL, details -> details.get("alternatives").toString().contains("offerId=aabent-hus")
                        && !details.get("alternatives").toString().contains("offerId=raadgivning")))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(draft("raadgivning", consent, SHARED, "Akut behov, aftalt med sundhedsplejersken"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void onlyALiveOfferOfTheRecipientCanBeReferredTo() {
        Consent consent = consent("c1", TODAY, null);
        fixture.givenNoPriorActivity().when(draft("lukket", consent, SHARED, null))
                .expectException(RuleViolationException.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("not active")).expectNoEvents();
        fixture.givenNoPriorActivity().when(draft("basens-cafe", consent, SHARED, null))
                .expectException(InvalidInputException.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(draft("findes-ikke", consent, SHARED, null))
                .expectException(InvalidInputException.class).expectNoEvents();
        // The recipient forwards only to a live offer of its own.
        fixture.given(drafted(), new ReferralSent(REFERRAL, PARTIES, "c1", SHARED, null))
                .when(new ForwardReferral(REFERRAL, HEALTH, "basens-cafe", null))
                .expectException(InvalidInputException.class);
    }

    @Test
    void aSecondOpenReferralOfTheResidentToTheSameOfferIsRefusedNamingTheFirst() {
        open.put(RESIDENT + "/babycafe", "r0");
        fixture.givenNoPriorActivity()
                .when(draft(consent("c1", TODAY, null), SHARED))
                .expectException(refusal(OfferPolicy.DUPLICATE, details -> "r0".equals(details.get("referralId"))))
                .expectNoEvents();
    }

    @Test
    void theReferrerWithdrawsAnOpenReferralButNotAClosedOne() {
        fixture.given(drafted(), new ReferralSent(REFERRAL, PARTIES, "c1", SHARED, null))
                .when(new WithdrawReferral(REFERRAL, FAMILY, null))
                .expectSuccessfulHandlerExecution();
        fixture.given(drafted(), new ReferralSent(REFERRAL, PARTIES, "c1", SHARED, null),
                        new ReferralDeclined(REFERRAL, PARTIES, DeclineReason.NOT_ELIGIBLE, null))
                .when(new WithdrawReferral(REFERRAL, FAMILY, null))
                .expectException(RuleViolationException.class);
    }

    /** A refusal naming the rule, whose details hold what the predicate asks. */
    static org.hamcrest.Matcher<RuleViolationException> refusal(String rule, java.util.function.Predicate<java.util.Map<String, Object>> details) {
        return new org.hamcrest.CustomTypeSafeMatcher<>("a refusal of rule " + rule) {
            @Override
            protected boolean matchesSafely(RuleViolationException e) {
                return rule.equals(e.rule()) && details.test(e.details());
            }
        };
    }
}
