package dk.bindeled.axon;

import java.util.Collection;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Rebuilds one projection from the event store and reports how far the rebuild has come. The projection's
 * streaming processor is stopped, its tokens reset (its reset handler empties its tables) and started again,
 * so it replays every event. Each service declares one per projection it lets operators rebuild.
 */
public class ProjectionReplay {

    /** Where the projection is: the lowest position of its segments against the head of the store. */
    public record Status(String projection, boolean running, boolean replaying, long position, long head, int percent) {
    }

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final String processorName;

    public ProjectionReplay(EventProcessingConfiguration processing, EventStore eventStore, String processorName) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.processorName = processorName;
    }

    /** Starts a rebuild; one at a time, so two requests do not reset a processor that is being restarted. */
    public synchronized Status start() {
        StreamingEventProcessor processor = processor();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return status();
    }

    public Status status() {
        StreamingEventProcessor processor = processor();
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        long position = segments.stream().map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(p -> p.orElse(-1L)).min().orElse(-1L);
        long head = position(eventStore.createHeadToken());
        // Axon keeps a replay token until an event beyond the reset point arrives; caught up with the
        // head of the store, the rebuild is done.
        boolean replaying = position < head && segments.stream().anyMatch(EventTrackerStatus::isReplaying);
        int percent = head <= 0 ? 100 : (int) Math.min(100, Math.max(0, (position + 1) * 100 / (head + 1)));
        return new Status(processorName, processor.isRunning(), replaying, position, head, percent);
    }

    public java.util.List<StreamingEventProcessor> localProcessors() {
        return java.util.List.of(processor());
    }

    private StreamingEventProcessor processor() {
        return processing.eventProcessor(processorName, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No streaming processor " + processorName));
    }

    private static long position(TrackingToken token) {
        if (token == null) {
            return -1L;
        }
        OptionalLong position = token.position();
        return position.orElse(-1L);
    }
}
