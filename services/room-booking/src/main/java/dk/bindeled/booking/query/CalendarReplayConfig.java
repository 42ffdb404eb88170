package dk.bindeled.booking.query;

import dk.bindeled.axon.ProjectionReplay;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The calendar read model can be rebuilt from the event store, with its progress reported. */
@Configuration(proxyBeanMethods = false)
public class CalendarReplayConfig {

    /**
     * Rebuilds the calendar read model (the reset handler empties its tables, the processor replays every
     * event). Feed tokens are not part of it.
     */
    @Bean
    public ProjectionReplay calendarReplay(EventProcessingConfiguration processing, EventStore eventStore) {
        return new ProjectionReplay(processing, eventStore, ProcessingGroups.CALENDAR);
    }
}
