package dk.bindeled.booking.query;

import dk.bindeled.axon.ProjectionReplay;
import dk.bindeled.axon.ProjectionReplays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The calendar read model runs in generations that can be rebuilt beside the live one, with progress reported. */
@Configuration(proxyBeanMethods = false)
public class CalendarReplayConfig {

    /** Runs the calendar projection and rebuilds it beside its live tables. Feed tokens are not part of it. */
    @Bean
    public ProjectionReplay calendarReplay(ProjectionReplays replays, JdbcClient jdbc) {
        return replays.create(ProcessingGroups.CALENDAR, CalendarProjection.TABLES, tables -> new CalendarProjection(jdbc, tables));
    }
}
