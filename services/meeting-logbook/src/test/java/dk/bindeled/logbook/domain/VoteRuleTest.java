package dk.bindeled.logbook.domain;

import dk.bindeled.domain.InvalidInputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.bindeled.events.logbook.v1.Majority;
import org.junit.jupiter.api.Test;

/** Quorum on the organisations represented, and the three majorities; abstentions count to quorum, not to the majority. */
class VoteRuleTest {

    @Test
    void quorumIsTheShareRoundedUpButNeverBelowTheMinimum() {
        VoteRule half = new VoteRule(Majority.SIMPLE, 0.5, 3);
        assertThat(half.quorumNeeded(12)).isEqualTo(6);
        assertThat(half.quorumNeeded(13)).isEqualTo(7);
        assertThat(half.quorumNeeded(4)).isEqualTo(3);
        assertThat(new VoteRule(Majority.SIMPLE, 2.0 / 3, 0).quorumNeeded(9)).isEqualTo(6);
        assertThat(half.tally(12, 5, 5, 0, 0).quorumMet()).isFalse();
        assertThat(half.tally(12, 6, 5, 0, 1).quorumMet()).isTrue();
    }

    @Test
    void aSimpleMajorityIsMoreForThanAgainstAndATieFails() {
        VoteRule simple = new VoteRule(Majority.SIMPLE, 0.5, 0);
        assertThat(simple.tally(10, 10, 5, 4, 1).adopted()).isTrue();
        assertThat(simple.tally(10, 10, 4, 4, 2).majorityMet()).isFalse();
        // Abstentions do not count against: 2 for, 1 against, 7 abstaining carries.
        assertThat(simple.tally(10, 10, 2, 1, 7).adopted()).isTrue();
    }

    @Test
    void twoThirdsIsOfThoseForAndAgainst() {
        VoteRule twoThirds = new VoteRule(Majority.TWO_THIRDS, 0.5, 0);
        assertThat(twoThirds.tally(12, 12, 8, 4, 0).majorityMet()).isTrue();
        assertThat(twoThirds.tally(12, 12, 7, 4, 1).majorityMet()).isFalse();
        assertThat(twoThirds.tally(12, 12, 0, 0, 12).majorityMet()).as("no one for").isFalse();
    }

    @Test
    void unanimityIsNoOneAgainstWithAtLeastOneFor() {
        VoteRule all = new VoteRule(Majority.UNANIMITY, 0.5, 0);
        assertThat(all.tally(5, 5, 4, 0, 1).adopted()).isTrue();
        assertThat(all.tally(5, 5, 4, 1, 0).adopted()).isFalse();
        assertThat(all.tally(5, 5, 0, 0, 5).adopted()).isFalse();
    }

    @Test
    void aMajorityWithoutQuorumIsNotAdopted() {
        VoteRule.Result result = new VoteRule(Majority.SIMPLE, 0.5, 0).tally(12, 4, 4, 0, 0);
        assertThat(result.majorityMet()).isTrue();
        assertThat(result.quorumMet()).isFalse();
        assertThat(result.adopted()).isFalse();
        assertThat(result.quorumNeeded()).isEqualTo(6);
    }

    @Test
    void aRuleOutOfRangeIsRefusedNamingTheField() {
        assertThatThrownBy(() -> new VoteRule(null, 0.5, 0)).isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("majority");
        assertThatThrownBy(() -> new VoteRule(Majority.SIMPLE, 1.5, 0)).extracting("field").isEqualTo("quorumShare");
        assertThatThrownBy(() -> new VoteRule(Majority.SIMPLE, Double.NaN, 0)).extracting("field").isEqualTo("quorumShare");
        assertThatThrownBy(() -> new VoteRule(Majority.SIMPLE, 0.5, -1)).extracting("field").isEqualTo("quorumMinimum");
    }
}
