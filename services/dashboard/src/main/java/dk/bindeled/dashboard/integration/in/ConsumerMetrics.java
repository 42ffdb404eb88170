package dk.bindeled.dashboard.integration.in;

import dk.bindeled.dashboard.query.DashboardQueries;
import dk.bindeled.dashboard.query.ProjectionResult;
import dk.bindeled.events.EventCatalog;
import dk.bindeled.events.EventType;
import dk.bindeled.events.booking.v1.BookingEventsV1;
import dk.bindeled.events.logbook.v1.LogbookEventsV1;
import dk.bindeled.events.partner.v1.PartnerEventsV1;
import dk.bindeled.events.referral.v1.ReferralEventsV1;
import dk.bindeled.kafka.ListenerFailures;
import java.util.List;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The consumer's meters: events applied (per type), duplicates, unknown types skipped, records
 * dead-lettered, failed attempts that will be retried, and the projection lag: seconds since {@code ce_time} of the newest event applied.
 */
@Component
public class ConsumerMetrics implements ListenerFailures {

    public static final String APPLIED = "bindeled.dashboard.events.applied";
    public static final String DUPLICATES = "bindeled.dashboard.events.duplicates";
    public static final String SKIPPED = "bindeled.dashboard.events.skipped";
    public static final String DEAD_LETTERED = "bindeled.dashboard.events.dead.lettered";
    public static final String FAILED_ATTEMPTS = "bindeled.dashboard.events.failed.attempts";
    public static final String LAG = "bindeled.dashboard.projection.lag";

    private final MeterRegistry registry;
    private final DashboardQueries queries;
    private final Clock clock;
    private final AtomicReference<Instant> newestEvent = new AtomicReference<>();

    public ConsumerMetrics(MeterRegistry registry, DashboardQueries queries, Clock clock) {
        this.registry = registry;
        this.queries = queries;
        this.clock = clock;
        // Registered up front so dashboards and alerts see zeroes instead of missing series.
        for (EventCatalog catalog : List.of(PartnerEventsV1.CATALOG, BookingEventsV1.CATALOG, ReferralEventsV1.CATALOG, LogbookEventsV1.CATALOG)) {
            String topic = catalog.topic();
            for (EventType<?> type : catalog.types()) {
                applied(topic, type.type());
            }
            duplicates(topic);
            skipped(topic);
            deadLetteredCounter(topic);
            failedAttempts(topic);
        }
        Gauge.builder(LAG, this, ConsumerMetrics::lagSeconds)
                .description("Seconds since ce_time of the newest event applied to the read model")
                .baseUnit("seconds")
                .register(registry);
    }

    /** After a restart the lag continues from what the read model already holds. */
    @EventListener(ApplicationReadyEvent.class)
    public void loadNewestEvent() {
        queries.newestEventTime().ifPresent(this::newest);
    }

    public void record(String topic, ProjectionResult result) {
        switch (result.kind()) {
            case APPLIED -> {
                applied(topic, result.type()).increment();
                newest(result.change().occurredAt());
            }
            case DUPLICATE -> duplicates(topic).increment();
            case SKIPPED -> skipped(topic).increment();
        }
    }

    public void deadLettered(String topic) {
        deadLetteredCounter(topic).increment();
    }

    @Override
    public void deadLettered(ConsumerRecord<?, ?> record, Exception failure) {
        deadLettered(record.topic());
    }

    @Override
    public void failedAttempt(ConsumerRecord<?, ?> record, Exception failure, int attempt) {
        failedAttempt(record.topic());
    }

    /** A valid record failed to apply and will be tried again: a rising count means a partition is stuck on it. */
    public void failedAttempt(String topic) {
        failedAttempts(topic).increment();
    }

    double lagSeconds() {
        Instant newest = newestEvent.get();
        return newest == null ? Double.NaN : Duration.between(newest, clock.instant()).toMillis() / 1000.0;
    }

    private void newest(Instant time) {
        newestEvent.accumulateAndGet(time, (current, candidate) -> current == null || candidate.isAfter(current) ? candidate : current);
    }

    private Counter applied(String topic, String type) {
        return Counter.builder(APPLIED).description("Events applied to the read model")
                .tag("topic", topic).tag("type", type).register(registry);
    }

    private Counter duplicates(String topic) {
        return Counter.builder(DUPLICATES).description("Redelivered events found in the inbox and ignored")
                .tag("topic", topic).register(registry);
    }

    private Counter skipped(String topic) {
        return Counter.builder(SKIPPED).description("Events of a type this dashboard does not know, recorded and ignored")
                .tag("topic", topic).register(registry);
    }

    private Counter failedAttempts(String topic) {
        return Counter.builder(FAILED_ATTEMPTS).description("Attempts to apply a valid record that failed; it is retried until it goes through")
                .tag("topic", topic).register(registry);
    }

    private Counter deadLetteredCounter(String topic) {
        return Counter.builder(DEAD_LETTERED).description("Records that could not be read and went to the dead-letter topic")
                .tag("topic", topic).register(registry);
    }
}
