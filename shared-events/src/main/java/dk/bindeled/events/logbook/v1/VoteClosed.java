package dk.bindeled.events.logbook.v1;

/** A vote at a meeting was closed, one vote per member organisation: the counts, whether quorum and majority were met, and whether the motion was adopted. */
public record VoteClosed(String meetingId, String voteId, Majority majority, boolean secret, int members, int represented, int quorumNeeded, boolean quorumMet, int forVotes, int against, int abstain, boolean majorityMet, boolean adopted) implements LogbookEvent {

    public VoteClosed {
        Require.id(meetingId, "meetingId");
        Require.id(voteId, "voteId");
        Require.present(majority, "majority");
    }

    @Override
    public String subject() {
        return meetingId;
    }
}
