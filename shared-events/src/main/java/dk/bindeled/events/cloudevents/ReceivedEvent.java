package dk.bindeled.events.cloudevents;

import dk.bindeled.events.IntegrationEvent;
import java.net.URI;
import java.time.OffsetDateTime;

/**
 * A decoded CloudEvent. {@code event} is null when the type is unknown to this consumer (a newer
 * producer may add types within a version): such an event is acknowledged and skipped, not dead-lettered.
 */
public record ReceivedEvent(String id, String type, URI source, OffsetDateTime time, String subject, IntegrationEvent event) {

    public boolean known() {
        return event != null;
    }
}
