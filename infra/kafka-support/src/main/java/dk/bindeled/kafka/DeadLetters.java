package dk.bindeled.kafka;

import dk.bindeled.events.cloudevents.UnreadableEventException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** What a dead-lettered record carries besides the original record and its headers. */
public final class DeadLetters {

    /** Header with the human-readable reason the record could not be applied (UTF-8). */
    public static final String REASON_HEADER = "bindeled_dlt_reason";

    private static final int MAX_REASON_LENGTH = 2000;

    private DeadLetters() {
    }

    /**
     * The reason to record: the codec's own explanation when the record was unreadable, otherwise the
     * innermost cause (the outer ones are the listener framework's wrappers).
     */
    public static String reason(Throwable failure) {
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnreadableEventException) {
                return limit(t.getMessage());
            }
            root = t;
        }
        String message = root.getMessage();
        return limit(root.getClass().getSimpleName() + (message == null ? "" : ": " + message));
    }

    public static Headers reasonHeaders(Throwable failure) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON_HEADER, reason(failure).getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private static String limit(String reason) {
        String text = reason == null ? "unreadable record" : reason;
        return text.length() <= MAX_REASON_LENGTH ? text : text.substring(0, MAX_REASON_LENGTH - 1) + "…";
    }
}
