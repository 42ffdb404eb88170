package dk.bindeled.referrals.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.bindeled.events.partner.v1.TargetGroup;
import dk.bindeled.referrals.api.Commands.IssueStatusLink;
import dk.bindeled.referrals.api.Commands.RevokeStatusLink;
import dk.bindeled.referrals.api.Events.Parties;
import dk.bindeled.referrals.api.Events.ReferralDrafted;
import dk.bindeled.referrals.api.Events.ReferralEnteredInError;
import dk.bindeled.referrals.api.Events.ReferralSent;
import dk.bindeled.referrals.api.Events.StatusLinkIssued;
import dk.bindeled.referrals.api.Events.StatusLinkRevoked;
import dk.bindeled.referrals.api.Sealed;
import dk.bindeled.referrals.domain.ReferralLifecycle.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The status link's rules ({@link StatusLinkPolicy}): either side issues one once the referral is sent, for 1 to 30 days
 * (14 by default), at most five open at a time, the label sealed by the issuer; either side revokes; anyone else is told
 * the referral does not exist. "Now" is Tuesday 1 December 2026, 09:00 UTC.
 */
class StatusLinkTest {

    static final String REFERRAL = "r1";
    static final String FAMILY = "familieraadgivningen-vesthimmerland";
    static final String HEALTH = "sundhedsplejen-morsoe";
    static final String OTHER = "basen";
    static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    static final Parties PARTIES = new Parties(FAMILY, HEALTH, "babycafe", TargetGroup.YOUNG_MOTHERS);
    static final String HASH = StatusLinkPolicy.hash("token-1");

    private AggregateTestFixture<Referral> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Referral.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static ReferralDrafted drafted() {
        return new ReferralDrafted(REFERRAL, "resident-1", FAMILY, HEALTH, "babycafe", TargetGroup.YOUNG_MOTHERS, null);
    }

    static ReferralSent sent() {
        return new ReferralSent(REFERRAL, PARTIES, "c1", new Sealed(HEALTH, "c2hhcmVk"), null);
    }

    static StatusLinkIssued issued(String linkId, Instant expiresAt) {
        return new StatusLinkIssued(REFERRAL, PARTIES, linkId, StatusLinkPolicy.hash(linkId), FAMILY, null, expiresAt, false);
    }

    @Test
    void eitherSideIssuesALinkForFourteenDaysByDefaultWithTheLabelSealedByItself() {
        Sealed label = new Sealed(HEALTH, "bGFiZWw=");
        fixture.given(drafted(), sent())
                .when(new IssueStatusLink(REFERRAL, HEALTH, "l1", HASH, label, null, true))
                .expectEvents(new StatusLinkIssued(REFERRAL, PARTIES, "l1", HASH, HEALTH, label, NOW.plus(Duration.ofDays(14)), true));
        fixture.given(drafted(), sent())
                .when(new IssueStatusLink(REFERRAL, FAMILY, "l1", HASH, null, 30, false))
                .expectEvents(new StatusLinkIssued(REFERRAL, PARTIES, "l1", HASH, FAMILY, null, NOW.plus(Duration.ofDays(30)), false));
        // A label sealed for the other side would be unreadable to the issuer and outlive its erasure.
        fixture.given(drafted(), sent())
                .when(new IssueStatusLink(REFERRAL, FAMILY, "l1", HASH, label, null, false))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void aLinkLastsOneToThirtyDays() {
        for (int days : new int[] {0, 31, -1}) {
            fixture = new AggregateTestFixture<>(Referral.class);
            fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
            fixture.given(drafted(), sent())
                    .when(new IssueStatusLink(REFERRAL, FAMILY, "l1", HASH, null, days, false))
                    .expectException(InvalidInputException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("1 to 30 days"))
                    .expectNoEvents();
        }
    }

    @Test
    void aDraftOrAReferralEnteredInErrorGetsNoLinkAndAnotherOrganisationIsToldItDoesNotExist() {
        fixture.given(drafted())
                .when(new IssueStatusLink(REFERRAL, FAMILY, "l1", HASH, null, null, false))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
        setUp();
        fixture.given(drafted(), sent(), new ReferralEnteredInError(REFERRAL, PARTIES, null))
                .when(new IssueStatusLink(REFERRAL, FAMILY, "l1", HASH, null, null, false))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
        setUp();
        fixture.given(drafted(), sent())
                .when(new IssueStatusLink(REFERRAL, OTHER, "l1", HASH, null, null, false))
                .expectException(NotFoundException.class)
                .expectNoEvents();
        setUp();
        fixture.given(drafted(), sent(), issued("l1", NOW.plus(Duration.ofDays(3))))
                .when(new RevokeStatusLink(REFERRAL, OTHER, "l1"))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void atMostFiveOpenLinksButExpiredAndRevokedOnesDoNotCount() {
        List<Object> five = new ArrayList<>(List.of(drafted(), sent()));
        for (int i = 1; i <= 5; i++) {
            five.add(issued("l" + i, NOW.plus(Duration.ofDays(i))));
        }
        fixture.given(five)
                .when(new IssueStatusLink(REFERRAL, HEALTH, "l6", HASH, null, null, false))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("5 open status links"))
                .expectNoEvents();
        List<Object> oneGone = new ArrayList<>(five);
        oneGone.add(new StatusLinkRevoked(REFERRAL, PARTIES, "l3"));
        setUp();
        fixture.given(oneGone)
                .when(new IssueStatusLink(REFERRAL, HEALTH, "l6", HASH, null, null, false))
                .expectSuccessfulHandlerExecution();
        List<Object> oneExpired = new ArrayList<>(List.of(drafted(), sent(), issued("old", NOW.minusSeconds(1))));
        for (int i = 1; i <= 4; i++) {
            oneExpired.add(issued("l" + i, NOW.plus(Duration.ofDays(i))));
        }
        setUp();
        fixture.given(oneExpired)
                .when(new IssueStatusLink(REFERRAL, HEALTH, "l6", HASH, null, null, false))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void eitherSideRevokesALinkOnceAndAnUnknownLinkIsNotFound() {
        fixture.given(drafted(), sent(), issued("l1", NOW.plus(Duration.ofDays(3))))
                .when(new RevokeStatusLink(REFERRAL, HEALTH, "l1"))
                .expectEvents(new StatusLinkRevoked(REFERRAL, PARTIES, "l1"));
        setUp();
        fixture.given(drafted(), sent(), issued("l1", NOW.plus(Duration.ofDays(3))), new StatusLinkRevoked(REFERRAL, PARTIES, "l1"))
                .when(new RevokeStatusLink(REFERRAL, FAMILY, "l1"))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
        setUp();
        fixture.given(drafted(), sent())
                .when(new RevokeStatusLink(REFERRAL, FAMILY, "nope"))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void aLinkOpensUntilItExpiresOrIsRevokedOrItsReferralIsEnteredInError() {
        Instant expires = NOW.plus(Duration.ofDays(1));
        assertThat(StatusLinkPolicy.usable(false, expires, Status.COMPLETED, NOW)).isTrue();
        assertThat(StatusLinkPolicy.usable(false, expires, Status.COMPLETED, expires)).isFalse();
        assertThat(StatusLinkPolicy.usable(true, expires, Status.SENT, NOW)).isFalse();
        assertThat(StatusLinkPolicy.usable(false, expires, Status.ENTERED_IN_ERROR, NOW)).isFalse();
    }

    @Test
    void theTokenIsLongRandomAndURLSafeAndOnlyItsHashIsKept() {
        String a = StatusLinkPolicy.newToken();
        String b = StatusLinkPolicy.newToken();
        assertThat(a).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(b);
        assertThat(StatusLinkPolicy.hash(a)).hasSize(64).isEqualTo(StatusLinkPolicy.hash(a)).doesNotContain(a);
        assertThatThrownBy(() -> StatusLinkPolicy.expiry(31, NOW)).isInstanceOf(InvalidInputException.class);
    }
}
