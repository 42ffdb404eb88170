package dk.bindeled.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dk.bindeled.axon.ProjectionReplay.Status;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class ProjectionReplayTest {

    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    private final EventStore eventStore = mock(EventStore.class);
    private final StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
    private final ProjectionReplay replay = new ProjectionReplay(processing, eventStore, "calendar");

    @Test
    void aReplayStopsResetsAndStartsTheNamedProcessor() {
        running(9, segment(-1, true));

        Status status = replay.start();

        InOrder order = inOrder(processor);
        order.verify(processor).shutDown();
        order.verify(processor).resetTokens();
        order.verify(processor).start();
        assertThat(status).isEqualTo(new Status("calendar", true, true, -1, 9, 0));
    }

    @Test
    void progressIsTheSlowestSegmentAgainstTheHeadOfTheStore() {
        running(9, segment(4, true), segment(7, true));

        assertThat(replay.status()).isEqualTo(new Status("calendar", true, true, 4, 9, 50));
    }

    @Test
    void caughtUpWithTheHeadTheRebuildIsDoneEvenWhileAxonStillHoldsAReplayToken() {
        running(9, segment(9, true), segment(9, false));

        assertThat(replay.status()).isEqualTo(new Status("calendar", true, false, 9, 9, 100));
    }

    @Test
    void anEmptyStoreIsFullyBuilt() {
        when(processing.eventProcessor("calendar", StreamingEventProcessor.class)).thenReturn(Optional.of(processor));
        when(processor.processingStatus()).thenReturn(Map.of());
        when(eventStore.createHeadToken()).thenReturn(null);

        assertThat(replay.status()).isEqualTo(new Status("calendar", false, false, -1, -1, 100));
    }

    @Test
    void anUnknownProcessorIsNamedInTheFailure() {
        when(processing.eventProcessor("calendar", StreamingEventProcessor.class)).thenReturn(Optional.empty());

        assertThatThrownBy(replay::status).isInstanceOf(IllegalStateException.class)
                .hasMessage("No streaming processor calendar");
    }

    /** The "calendar" processor runs with these segments; the newest event in the store has this global index. */
    private void running(long head, EventTrackerStatus... segments) {
        when(processing.eventProcessor("calendar", StreamingEventProcessor.class)).thenReturn(Optional.of(processor));
        Map<Integer, EventTrackerStatus> bySegment = new HashMap<>();
        for (int i = 0; i < segments.length; i++) {
            bySegment.put(i, segments[i]);
        }
        when(processor.processingStatus()).thenReturn(bySegment);
        when(processor.isRunning()).thenReturn(true);
        when(eventStore.createHeadToken()).thenReturn(new GlobalSequenceTrackingToken(head));
    }

    private static EventTrackerStatus segment(long position, boolean replaying) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getCurrentPosition()).thenReturn(position < 0 ? OptionalLong.empty() : OptionalLong.of(position));
        when(status.isReplaying()).thenReturn(replaying);
        return status;
    }
}
