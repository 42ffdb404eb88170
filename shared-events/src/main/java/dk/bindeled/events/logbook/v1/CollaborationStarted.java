package dk.bindeled.events.logbook.v1;

import dk.bindeled.events.partner.v1.TargetGroup;
import java.util.List;

/** A collaboration (initiative) began between partners, in one of the five forms; a co-creation track at its first phase. */
public record CollaborationStarted(String collaborationId, String title, CollaborationForm form, List<TargetGroup> targetGroups, String coordinatorPartnerId, List<String> leadPartnerIds, List<String> participantPartnerIds, CoCreationPhase coCreationPhase) implements LogbookEvent {

    public CollaborationStarted {
        Require.id(collaborationId, "collaborationId");
        Require.id(title, "title");
        Require.present(form, "form");
        Require.present(targetGroups, "targetGroups");
        targetGroups = List.copyOf(targetGroups);
        Require.id(coordinatorPartnerId, "coordinatorPartnerId");
        Require.present(leadPartnerIds, "leadPartnerIds");
        leadPartnerIds = List.copyOf(leadPartnerIds);
        Require.present(participantPartnerIds, "participantPartnerIds");
        participantPartnerIds = List.copyOf(participantPartnerIds);
    }

    @Override
    public String subject() {
        return collaborationId;
    }
}
