package dk.bindeled.booking.query;

import dk.bindeled.booking.api.BookingDetails;
import dk.bindeled.booking.api.BookingRules;
import dk.bindeled.booking.api.Events.BookingConfirmed;
import dk.bindeled.booking.api.Events.BookingRequested;
import dk.bindeled.booking.api.Events.CentreDefined;
import dk.bindeled.booking.api.Events.ResourceDefined;
import dk.bindeled.booking.api.Events.SeriesBooked;
import dk.bindeled.booking.api.Occurrence;
import dk.bindeled.booking.api.Recurrence;
import dk.bindeled.booking.api.TimeWindow;
import dk.bindeled.events.booking.v1.OpeningHours;
import dk.bindeled.events.booking.v1.ResourceKind;
import dk.bindeled.events.booking.v1.Visibility;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Domain events for the query-side tests, written as the command side writes them (times with the centre's
 * offset of that moment), and delivered either straight to the projection's handlers or into the event store.
 */
public final class CalendarFixtures {

    public static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");
    public static final String ACTOR = "husleder@test";

    private final Consumer<DomainEventMessage<?>> sink;
    private final JdbcClient jdbc;
    private final Map<String, Long> sequences = new HashMap<>();
    private Instant clock = Instant.parse("2027-02-01T08:00:00Z");

    private CalendarFixtures(Consumer<DomainEventMessage<?>> sink, JdbcClient jdbc) {
        this.sink = sink;
        this.jdbc = jdbc;
    }

    /** Events go straight to the projection's handlers (as the processor would call them), in the caller's thread. */
    public static CalendarFixtures direct(CalendarProjection projection, JdbcClient jdbc) {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        return new CalendarFixtures(message -> {
            try {
                adapter.handle(message);
            } catch (Exception e) {
                throw new IllegalStateException("Handler failed on " + message.getPayloadType().getSimpleName(), e);
            }
        }, jdbc);
    }

    /** Events are appended to the event store; the tracking processor applies them (wait for it). */
    public static CalendarFixtures eventStore(EventStore store, JdbcClient jdbc) {
        return new CalendarFixtures(store::publish, jdbc);
    }

    /** The message last delivered, to deliver it again. */
    private DomainEventMessage<?> last;

    public DomainEventMessage<?> apply(String type, String aggregateId, Object payload) {
        long sequence = sequences.merge(aggregateId, 0L, (a, b) -> a + 1);
        clock = clock.plusSeconds(1);
        DomainEventMessage<?> message = new GenericDomainEventMessage<>(type, aggregateId, sequence, payload,
                MetaData.with("actor", ACTOR), UUID.randomUUID().toString(), clock);
        sink.accept(message);
        last = message;
        return message;
    }

    /** Delivers the same message again, as a processor does after a failed or retried batch. */
    public void redeliver(DomainEventMessage<?> message) {
        sink.accept(message);
    }

    public DomainEventMessage<?> last() {
        return last;
    }

    public DomainEventMessage<?> resourceEvent(String resourceId, Object payload) {
        return apply("ResourceSchedule", resourceId, payload);
    }

    // ------------------------------------------------------------------ set-up

    public static List<OpeningHours> everyDay(LocalTime opens, LocalTime closes) {
        List<OpeningHours> hours = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.add(new OpeningHours(day, opens, closes));
        }
        return hours;
    }

    /** A centre open 08–22 every day, Tuesday and Thursday 16–20 peak. */
    public String centre(String prefix) {
        return centre(prefix, everyDay(LocalTime.of(8, 0), LocalTime.of(22, 0)),
                List.of(new TimeWindow(DayOfWeek.TUESDAY, LocalTime.of(16, 0), LocalTime.of(20, 0)),
                        new TimeWindow(DayOfWeek.THURSDAY, LocalTime.of(16, 0), LocalTime.of(20, 0))));
    }

    public String centre(String prefix, List<OpeningHours> hours, List<TimeWindow> peak) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        apply("Centre", id, new CentreDefined(id, "Kvarterhuset på Motalavej", "Motalavej, 4220 Korsør", ZONE.getId(), null,
                hours, 48, peak, null));
        return id;
    }

    public String resource(String centreId, String name, Integer capacity, List<String> features, int bufferMinutes,
                           boolean approvalRequired) {
        String id = UUID.randomUUID().toString();
        resourceEvent(id, new ResourceDefined(id, centreId, name, ResourceKind.ROOM, capacity, features, bufferMinutes,
                new BookingRules(BookingRules.Access.ALL_CENTRE_PARTNERS, List.of(), approvalRequired, 480, 400)));
        return id;
    }

    /** A partner in the replica the service keeps of the partner registry. */
    public String partner(String name, String sector) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO partner_replica (partner_id, name, sector, active) VALUES (?, ?, ?, TRUE)")
                .params(id, name, sector).update();
        return id;
    }

    public static BookingDetails details(String title, Visibility visibility) {
        return new BookingDetails(title, "Internt formål: " + title, 12, "Småbørnsfamilier", visibility, null, null);
    }

    public static OffsetDateTime at(LocalDateTime local) {
        return local.atZone(ZONE).toOffsetDateTime();
    }

    /** A booking confirmed at once (requested without approval, then confirmed), as the schedule stores it. */
    public String confirmed(String resourceId, String centreId, String partnerId, LocalDateTime start, LocalDateTime end,
                            BookingDetails details) {
        String id = UUID.randomUUID().toString();
        resourceEvent(resourceId, new BookingRequested(id, resourceId, centreId, partnerId, at(start), at(end), details, null, false));
        resourceEvent(resourceId, new BookingConfirmed(id, resourceId, centreId, partnerId, at(start), at(end), details, null, false));
        return id;
    }

    /** A booking that awaits the manager's approval. */
    public String requested(String resourceId, String centreId, String partnerId, LocalDateTime start, LocalDateTime end,
                            BookingDetails details) {
        String id = UUID.randomUUID().toString();
        resourceEvent(resourceId, new BookingRequested(id, resourceId, centreId, partnerId, at(start), at(end), details, null, true));
        return id;
    }

    /**
     * A weekly series at the same local time, as the schedule books it: every date of the rule except the
     * exceptions, the RRULE with UNTIL in UTC.
     */
    public SeriesBooked weeklySeries(String resourceId, String centreId, String partnerId, LocalDateTime firstStart,
                                     LocalDateTime firstEnd, LocalDate until, List<LocalDate> exceptions, boolean confirmed,
                                     BookingDetails details) {
        String seriesId = UUID.randomUUID().toString();
        List<Occurrence> occurrences = new ArrayList<>();
        LocalDate lastDate = firstStart.toLocalDate();
        for (LocalDate date = firstStart.toLocalDate(); !date.isAfter(until); date = date.plusWeeks(1)) {
            lastDate = date;
            if (exceptions.contains(date)) {
                continue;
            }
            String id = UUID.nameUUIDFromBytes((seriesId + "/" + date).getBytes(StandardCharsets.UTF_8)).toString();
            occurrences.add(new Occurrence(id, at(date.atTime(firstStart.toLocalTime())), at(date.atTime(firstEnd.toLocalTime()))));
        }
        String rrule = "FREQ=WEEKLY;BYDAY=" + firstStart.getDayOfWeek().name().substring(0, 2) + ";UNTIL="
                + lastDate.atTime(firstStart.toLocalTime()).atZone(ZONE).withZoneSameInstant(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
        SeriesBooked event = new SeriesBooked(seriesId, resourceId, centreId, partnerId, details,
                new Recurrence(Recurrence.Frequency.WEEKLY, until, null, exceptions), rrule, at(firstStart), at(firstEnd),
                occurrences, List.of(), exceptions, confirmed);
        resourceEvent(resourceId, event);
        return event;
    }
}
