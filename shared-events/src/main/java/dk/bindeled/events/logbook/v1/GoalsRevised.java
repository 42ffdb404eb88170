package dk.bindeled.events.logbook.v1;

/** The collaboration's goals were revised: the new version and how many goals it has (their text stays in the logbook). */
public record GoalsRevised(String collaborationId, int version, int goals) implements LogbookEvent {

    public GoalsRevised {
        Require.id(collaborationId, "collaborationId");
    }

    @Override
    public String subject() {
        return collaborationId;
    }
}
