package dk.bindeled.booking.query;

import java.util.Collection;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;

/**
 * Rebuilds the calendar read model from the event store (the reset handler empties its tables, the
 * processor replays every event) and reports how far the replay has come. Feed tokens are not part of it.
 */
@Service
public class ProjectionReplay {

    public record Status(String projection, boolean running, boolean replaying, long position, long head, int percent) {
    }

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    public ProjectionReplay(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

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
        return new Status(ProcessingGroups.CALENDAR, processor.isRunning(), replaying, position, head, percent);
    }

    private StreamingEventProcessor processor() {
        return processing.eventProcessor(ProcessingGroups.CALENDAR, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No streaming processor " + ProcessingGroups.CALENDAR));
    }

    private static long position(TrackingToken token) {
        if (token == null) {
            return -1L;
        }
        OptionalLong position = token.position();
        return position.orElse(-1L);
    }
}
