package dk.bindeled.events.cloudevents;

/** A record that is not a valid Bindeled CloudEvent: it belongs on the dead-letter topic, with this reason. */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String reason) {
        super(reason);
    }

    public UnreadableEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
