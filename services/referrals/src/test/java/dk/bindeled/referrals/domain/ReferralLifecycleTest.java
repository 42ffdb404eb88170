package dk.bindeled.referrals.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dk.bindeled.referrals.domain.ReferralLifecycle.Side;
import dk.bindeled.referrals.domain.ReferralLifecycle.Status;
import dk.bindeled.referrals.domain.ReferralLifecycle.Step;
import org.junit.jupiter.api.Test;

class ReferralLifecycleTest {

    @Test
    void eachSideIsOfferedOnlyItsOwnStepsFromWhereTheReferralStands() {
        assertThat(ReferralLifecycle.available(Status.DRAFT, Side.REFERRER)).containsExactlyInAnyOrder(Step.SEND, Step.WITHDRAW, Step.ENTERED_IN_ERROR);
        assertThat(ReferralLifecycle.available(Status.SENT, Side.RECIPIENT)).containsExactlyInAnyOrder(Step.ACCEPT, Step.DECLINE, Step.FORWARD);
        assertThat(ReferralLifecycle.available(Status.ACCEPTED, Side.RECIPIENT))
                .containsExactlyInAnyOrder(Step.DECLINE, Step.FORWARD, Step.CONTACT_MADE, Step.CONTACT_FAILED, Step.COMPLETE);
        assertThat(ReferralLifecycle.available(Status.COMPLETED, Side.RECIPIENT)).isEmpty();
        assertThat(ReferralLifecycle.available(Status.COMPLETED, Side.REFERRER)).containsExactly(Step.ENTERED_IN_ERROR);
        assertThat(ReferralLifecycle.available(Status.DRAFT, Side.RECIPIENT)).isEmpty();
    }

    @Test
    void aStepLeadsWhereTheModelSaysAndAWrongOneNamesTheRule() {
        assertThat(ReferralLifecycle.next(Step.FORWARD, Status.ACCEPTED, Side.RECIPIENT)).isEqualTo(Status.SENT);
        assertThat(ReferralLifecycle.next(Step.CONTACT_FAILED, Status.CONTACT_FAILED, Side.RECIPIENT)).isEqualTo(Status.CONTACT_FAILED);
        try {
            ReferralLifecycle.next(Step.COMPLETE, Status.SENT, Side.RECIPIENT);
        } catch (RuleViolationException e) {
            assertThat(e.rule()).isEqualTo(ReferralLifecycle.RULE);
            assertThat(e.getMessage()).isEqualTo("The step 'complete' is not open to a referral that is sent");
            return;
        }
        throw new AssertionError("completing a referral that was only sent must be refused");
    }

    @Test
    void openMeansSomeoneStillHasToAct() {
        assertThat(ReferralLifecycle.open(Status.CONTACT_FAILED)).isTrue();
        assertThat(ReferralLifecycle.open(Status.DECLINED)).isFalse();
        assertThat(ReferralLifecycle.open(Status.ENTERED_IN_ERROR)).isFalse();
    }
}
