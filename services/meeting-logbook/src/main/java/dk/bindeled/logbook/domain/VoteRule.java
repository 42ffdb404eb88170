package dk.bindeled.logbook.domain;

import dk.bindeled.domain.InvalidInputException;
import dk.bindeled.events.logbook.v1.Majority;

/**
 * How a house council decides: one vote per member organisation, a quorum on the organisations represented (present, or
 * by a proxy given to one present), and a majority of the votes for and against. The aggregate closes a vote by it and
 * the pages show the live standing by it, so both always say the same.
 *
 * <p>Quorum: at least {@code quorumShare} of the member organisations, and never fewer than {@code quorumMinimum}
 * (rounded up: half of 12 members is 6, half of 13 is 7). Abstentions count towards quorum (the organisation took part)
 * but not towards the majority. Unanimity is no vote against, with at least one for; an abstention does not break it.
 */
public record VoteRule(Majority majority, double quorumShare, int quorumMinimum) {

    public static final String RULE = "vote-rule";

    public VoteRule {
        if (majority == null) {
            throw new InvalidInputException("majority", "is required: SIMPLE, TWO_THIRDS or UNANIMITY");
        }
        if (!(quorumShare >= 0 && quorumShare <= 1)) {
            throw new InvalidInputException("quorumShare", "must be a share from 0 to 1");
        }
        if (quorumMinimum < 0) {
            throw new InvalidInputException("quorumMinimum", "must be 0 or more");
        }
    }

    /** The organisations that must be represented for the vote to count. */
    public int quorumNeeded(int members) {
        return Math.max(quorumMinimum, (int) Math.ceil(quorumShare * members - 1e-9));
    }

    public Result tally(int members, int represented, int forVotes, int against, int abstain) {
        int needed = quorumNeeded(members);
        boolean quorum = represented >= needed;
        boolean majorityMet = switch (majority) {
            case SIMPLE -> forVotes > against;
            case TWO_THIRDS -> forVotes > 0 && 3L * forVotes >= 2L * (forVotes + against);
            case UNANIMITY -> forVotes > 0 && against == 0;
        };
        return new Result(members, represented, needed, quorum, forVotes, against, abstain, majorityMet, quorum && majorityMet);
    }

    /** What a vote came to: whether quorum and majority were met, and so whether the motion was adopted. */
    public record Result(int members, int represented, int quorumNeeded, boolean quorumMet, int forVotes, int against, int abstain,
                         boolean majorityMet, boolean adopted) {
    }
}
