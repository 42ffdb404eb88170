package dk.bindeled.events.logbook.v1;

/** A partner joined the collaboration, as a lead partner or a participant. */
public record PartnerJoinedCollaboration(String collaborationId, String partnerId, boolean lead) implements LogbookEvent {

    public PartnerJoinedCollaboration {
        Require.id(collaborationId, "collaborationId");
        Require.id(partnerId, "partnerId");
    }

    @Override
    public String subject() {
        return collaborationId;
    }
}
