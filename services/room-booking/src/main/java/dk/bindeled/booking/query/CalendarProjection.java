package dk.bindeled.booking.query;

import dk.bindeled.axon.AxonSupportAutoConfiguration;
import dk.bindeled.axon.ProjectionTables;
import dk.bindeled.booking.api.BookingDetails;
import dk.bindeled.booking.api.BookingRules;
import dk.bindeled.booking.api.Events.BookingCancelled;
import dk.bindeled.booking.api.Events.BookingConfirmed;
import dk.bindeled.booking.api.Events.BookingFlagged;
import dk.bindeled.booking.api.Events.BookingMoved;
import dk.bindeled.booking.api.Events.BookingLapsed;
import dk.bindeled.booking.api.Events.BookingRejected;
import dk.bindeled.booking.api.Events.BookingRequested;
import dk.bindeled.booking.api.Events.CentreDefined;
import dk.bindeled.booking.api.Events.ResourceDefined;
import dk.bindeled.booking.api.Events.ResourceRulesChanged;
import dk.bindeled.booking.api.Events.SeriesBooked;
import dk.bindeled.booking.api.Events.WaitlistJoined;
import dk.bindeled.booking.api.Events.WaitlistLeft;
import dk.bindeled.booking.api.Events.WaitlistOfferDeclined;
import dk.bindeled.booking.api.Events.WaitlistOfferLapsed;
import dk.bindeled.booking.api.Events.WaitlistOffered;
import dk.bindeled.booking.api.Events.WaitlistServed;
import dk.bindeled.booking.api.Occurrence;
import dk.bindeled.booking.api.TimeWindow;
import dk.bindeled.booking.query.Views.BookingStatus;
import dk.bindeled.events.booking.v1.OpeningHours;
import dk.bindeled.events.booking.v1.Visibility;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps the calendar read model in step with the event store: centres, resources, bookings, series, the
 * history of every booking and the waitlist, in one generation's set of tables. Runs in that generation's pooled
 * processor (see {@code ProjectionReplay}), whose tokens live in the same database and are stored in the same
 * transaction as the rows.
 * <p>
 * Idempotent: each event stream's highest applied sequence number is kept in {@code calendar_stream}, and an
 * event at or below it is skipped, so an event delivered twice (a retried batch, a token lost after a
 * crash) changes nothing the second time, including the counters and the history.
 */
public class CalendarProjection {

    /** The calendar's tables, in the order they can be emptied. Feed tokens are not part of it. */
    public static final List<String> TABLES = List.of("cal_history", "cal_booking", "cal_series_exdate", "cal_series",
            "cal_waitlist_entry", "cal_resource_feature", "cal_resource", "cal_centre_peak", "cal_centre_opening", "cal_centre",
            "calendar_stream");
    static final ProjectionTables CALENDAR_TABLES = new ProjectionTables(ProcessingGroups.CALENDAR, TABLES);

    static final String DEFAULT_ZONE = "Europe/Copenhagen";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final JdbcClient jdbc;
    private final ProjectionTables.Slot tables;
    private final Map<String, ZoneId> zones = new ConcurrentHashMap<>();

    public CalendarProjection(JdbcClient jdbc, ProjectionTables.Slot tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    /** Writes the tables the queries read now: for tests that feed the handlers directly, without a processor. */
    public CalendarProjection(JdbcClient jdbc) {
        this(jdbc, CALENDAR_TABLES.live(jdbc));
    }

    private JdbcClient.StatementSpec sql(String statement) {
        return jdbc.sql(tables.sql(statement));
    }

    // ------------------------------------------------------------------ centres and resources

    @EventHandler
    void on(CentreDefined event, EventMessage<?> message) {
        if (!firstDelivery(message)) {
            return;
        }
        String zone = event.timeZone() == null ? DEFAULT_ZONE : event.timeZone();
        sql("DELETE FROM cal_centre WHERE id = ?").param(event.centreId()).update();
        sql("""
                INSERT INTO cal_centre (id, name, address, time_zone, manager_partner_id, cancellation_notice_hours,
                                        default_hours_per_week, default_peak_hours_per_week, defined_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(event.centreId(), event.name(), event.address(), zone, event.managerPartnerId(),
                        event.cancellationNoticeHours(),
                        event.defaultQuota() == null ? null : event.defaultQuota().hoursPerWeek(),
                        event.defaultQuota() == null ? null : event.defaultQuota().peakHoursPerWeek(), time(message))
                .update();
        sql("DELETE FROM cal_centre_opening WHERE centre_id = ?").param(event.centreId()).update();
        sql("DELETE FROM cal_centre_peak WHERE centre_id = ?").param(event.centreId()).update();
        List<OpeningHours> hours = event.openingHours() == null ? List.of() : event.openingHours();
        for (int i = 0; i < hours.size(); i++) {
            OpeningHours h = hours.get(i);
            sql("INSERT INTO cal_centre_opening (centre_id, position, weekday, opens, closes) VALUES (?, ?, ?, ?, ?)")
                    .params(event.centreId(), i, h.day().name(), h.opens(), h.closes()).update();
        }
        List<TimeWindow> peak = event.peakHours() == null ? List.of() : event.peakHours();
        for (int i = 0; i < peak.size(); i++) {
            TimeWindow w = peak.get(i);
            sql("INSERT INTO cal_centre_peak (centre_id, position, weekday, starts, ends) VALUES (?, ?, ?, ?, ?)")
                    .params(event.centreId(), i, w.day().name(), w.from(), w.to()).update();
        }
        zones.put(event.centreId(), ZoneId.of(zone));
    }

    @EventHandler
    void on(ResourceDefined event, EventMessage<?> message) {
        if (!firstDelivery(message)) {
            return;
        }
        BookingRules rules = event.rules();
        sql("DELETE FROM cal_resource WHERE id = ?").param(event.resourceId()).update();
        sql("""
                INSERT INTO cal_resource (id, centre_id, name, kind, capacity, cleaning_buffer_minutes, approval_required, access,
                                          listed_partners, max_length_minutes, max_days_ahead, defined_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(event.resourceId(), event.centreId(), event.name(), event.kind().name(), event.capacity(),
                        event.cleaningBufferMinutes(), rules != null && rules.approvalRequired(), access(rules),
                        listed(rules), rules == null ? null : rules.maxLengthMinutes(), rules == null ? null : rules.maxDaysAhead(),
                        time(message))
                .update();
        sql("DELETE FROM cal_resource_feature WHERE resource_id = ?").param(event.resourceId()).update();
        Set<String> seen = new HashSet<>();
        for (String feature : event.features() == null ? List.<String>of() : event.features()) {
            if (feature != null && !feature.isBlank() && seen.add(feature.strip().toLowerCase(java.util.Locale.ROOT))) {
                sql("INSERT INTO cal_resource_feature (resource_id, feature) VALUES (?, ?)")
                        .params(event.resourceId(), feature.strip()).update();
            }
        }
    }

    @EventHandler
    void on(ResourceRulesChanged event, EventMessage<?> message) {
        if (!firstDelivery(message)) {
            return;
        }
        BookingRules rules = event.rules();
        sql("""
                UPDATE cal_resource SET approval_required = ?, access = ?, listed_partners = ?, max_length_minutes = ?,
                       max_days_ahead = ? WHERE id = ?""")
                .params(rules != null && rules.approvalRequired(), access(rules), listed(rules),
                        rules == null ? null : rules.maxLengthMinutes(), rules == null ? null : rules.maxDaysAhead(),
                        event.resourceId())
                .update();
    }

    // ------------------------------------------------------------------ bookings

    @EventHandler
    void on(BookingRequested event, EventMessage<?> message) {
        if (!firstDelivery(message)) {
            return;
        }
        ZoneId zone = zone(event.centreId());
        Optional<BookingStatus> existing = status(event.bookingId());
        if (existing.isPresent()) {
            // An accepted waitlist offer: the same booking goes on as a request.
            setDetails(event.bookingId(), event.details());
            sql("""
                    UPDATE cal_booking SET status = 'REQUESTED', awaits_approval = ?, starts_at = ?, ends_at = ?, local_start = ?,
                           local_end = ?, version = version + 1, updated_at = ? WHERE id = ?""")
                    .params(event.awaitsApproval(), event.start(), event.end(), local(event.start(), zone), local(event.end(), zone),
                            time(message), event.bookingId())
                    .update();
        } else {
            insertBooking(event.bookingId(), event.resourceId(), event.centreId(), event.partnerId(), event.seriesId(),
                    event.start(), event.end(), zone, BookingStatus.REQUESTED, event.awaitsApproval(), event.details(), message);
        }
        history(event.bookingId(), message, event.awaitsApproval()
                ? "Requested " + span(event.start(), event.end(), zone) + ", awaiting approval"
                : "Requested " + span(event.start(), event.end(), zone));
        touchSeries(event.seriesId(), message);
    }

    @EventHandler
    void on(BookingConfirmed event, EventMessage<?> message) {
        if (!firstDelivery(message)) {
            return;
        }
        ZoneId zone = zone(event.centreId());
        Optional<BookingStatus> existing = status(event.bookingId());
        if (existing.isEmpty()) {
            insertBooking(event.bookingId(), event.resourceId(), event.centreId(), event.partnerId(), event.seriesId(),
                    event.start(), event.end(), zone, BookingStatus.CONFIRMED, false, event.details(), message);
        } else {
            // Confirmed straight after its request (no approval needed) is how a booking is made, not a revision of it.
            boolean autoConfirmed = existing.get() == BookingStatus.REQUESTED && !awaitsApproval(event.bookingId());
            sql("""
                    UPDATE cal_booking SET status = 'CONFIRMED', from_waitlist = ?, version = version + ?, updated_at = ?
                    WHERE id = ?""")
                    .params(event.fromWaitlist(), autoConfirmed ? 0 : 1, time(message), event.bookingId())
                    .update();
        }
        String summary = event.fromWaitlist() ? "Confirmed from the waitlist" : "Confirmed";
        history(event.bookingId(), message, summary + " " + span(event.start(), event.end(), zone));
        touchSeries(seriesOf(event.bookingId(), event.seriesId()), message);
    }

    @EventHandler
    void on(BookingRejected event, EventMessage<?> message) {
        if (!firstDelivery(message)) {
            return;
        }
        sql("""
                UPDATE cal_booking SET status = 'REJECTED', status_reason = ?, version = version + 1, updated_at = ? WHERE id = ?""")
                .params(why(event.reasonCategory(), event.note()), time(message), event.bookingId()).update();
        history(event.bookingId(), message, "Rejected" + reason(why(event.reasonCategory(), event.note())));
        touchSeries(seriesOf(event.bookingId(), null), message);
    }

    @EventHandler
    void on(BookingCancelled event, EventMessage<?> message) {
        if (!firstDelivery(message)) {
            return;
        }
        sql("""
                UPDATE cal_booking SET status = 'CANCELLED', late = ?, status_reason = ?, version = version + 1, updated_at = ?
                WHERE id = ?""")
                .params(event.late(), why(event.reasonCategory(), event.note()), time(message), event.bookingId()).update();
        history(event.bookingId(), message, (event.late() ? "Cancelled late" : "Cancelled")
                + reason(why(event.reasonCategory(), event.note())));
        touchSeries(seriesOf(event.bookingId(), event.seriesId()), message);
    }

    @EventHandler
    void on(BookingLapsed event, EventMessage<?> message) {
        if (!firstDelivery(message)) {
            return;
        }
        sql("""
                UPDATE cal_booking SET status = 'LAPSED', status_reason = 'Not decided in time', version = version + 1,
                       updated_at = ? WHERE id = ?""")
                .params(time(message), event.bookingId()).update();
        history(event.bookingId(), message, "Lapsed: nobody decided in time, the slot is released");
        touchSeries(seriesOf(event.bookingId(), event.seriesId()), message);
    }

    @EventHandler
    void on(BookingMoved event, EventMessage<?> message) {
        if (!firstDelivery(message)) {
            return;
        }
        ZoneId zone = zone(event.centreId());
        sql("""
                UPDATE cal_booking SET starts_at = ?, ends_at = ?, local_start = ?, local_end = ?, version = version + 1,
                       updated_at = ? WHERE id = ?""")
                .params(event.start(), event.end(), local(event.start(), zone), local(event.end(), zone), time(message),
                        event.bookingId())
                .update();
        history(event.bookingId(), message, "Moved from " + span(event.previousStart(), event.previousEnd(), zone)
                + " to " + span(event.start(), event.end(), zone));
        touchSeries(seriesOf(event.bookingId(), event.seriesId()), message);
    }

    @EventHandler
    void on(BookingFlagged event, EventMessage<?> message) {
        if (!firstDelivery(message)) {
            return;
        }
        String why = event.reason() == null ? null : event.reason().name();
        sql("UPDATE cal_booking SET flagged = TRUE, flag_reason = ?, version = version + 1, updated_at = ? WHERE id = ?")
                .params(why, time(message), event.bookingId()).update();
        history(event.bookingId(), message, "Flagged for the manager" + (why == null ? "" : ": " + why));
        touchSeries(seriesOf(event.bookingId(), null), message);
    }

    // ------------------------------------------------------------------ series

    @EventHandler
    void on(SeriesBooked event, EventMessage<?> message) {
        if (!firstDelivery(message)) {
            return;
        }
        ZoneId zone = zone(event.centreId());
        BookingDetails d = event.details() == null ? new BookingDetails(null, null, null, null, null, null, null) : event.details();
        sql("DELETE FROM cal_series WHERE id = ?").param(event.seriesId()).update();
        sql("""
                INSERT INTO cal_series (id, resource_id, centre_id, partner_id, rrule, frequency, first_start, first_end,
                                        first_local_start, first_local_end, confirmed, title, purpose, attendees, target_group,
                                        visibility, offer_id, meeting_id, version, requested_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
                .params(event.seriesId(), event.resourceId(), event.centreId(), event.partnerId(), event.rrule(),
                        event.recurrence() == null || event.recurrence().frequency() == null ? null : event.recurrence().frequency().name(),
                        event.firstStart(), event.firstEnd(), local(event.firstStart(), zone), local(event.firstEnd(), zone),
                        event.confirmed(), d.title(), d.purpose(), d.attendees(), d.targetGroup(), visibility(d),
                        d.offerId(), d.meetingId(), time(message), time(message))
                .update();
        sql("DELETE FROM cal_series_exdate WHERE series_id = ?").param(event.seriesId()).update();
        Set<LocalDate> skipped = new HashSet<>(event.skippedDates() == null ? List.of() : event.skippedDates());
        Set<LocalDate> exdates = new java.util.TreeSet<>(event.exdates() == null ? List.of() : event.exdates());
        exdates.addAll(skipped);
        for (LocalDate date : exdates) {
            sql("INSERT INTO cal_series_exdate (series_id, ex_date, reason) VALUES (?, ?, ?)")
                    .params(event.seriesId(), date, skipped.contains(date) ? "SKIPPED" : "EXCEPTION").update();
        }
        BookingStatus status = event.confirmed() ? BookingStatus.CONFIRMED : BookingStatus.REQUESTED;
        for (Occurrence o : event.occurrences()) {
            sql("DELETE FROM cal_booking WHERE id = ?").param(o.bookingId()).update();
            insertBooking(o.bookingId(), event.resourceId(), event.centreId(), event.partnerId(), event.seriesId(), o.start(),
                    o.end(), zone, status, !event.confirmed(), d, message);
            history(o.bookingId(), message, (event.confirmed() ? "Booked " : "Requested ") + span(o.start(), o.end(), zone)
                    + " as an occurrence of series " + event.seriesId() + (event.confirmed() ? "" : ", awaiting approval"));
        }
        history(event.seriesId(), message, (event.confirmed() ? "Series booked: " : "Series requested: ")
                + event.occurrences().size() + " occurrences from " + WHEN.format(local(event.firstStart(), zone)) + " (" + event.rrule() + ")"
                + (skipped.isEmpty() ? "" : ", clashes skipped on " + new java.util.TreeSet<>(skipped)));
    }

    // ------------------------------------------------------------------ waitlist

    @EventHandler
    void on(WaitlistJoined event, EventMessage<?> message) {
        if (!firstDelivery(message)) {
            return;
        }
        ZoneId zone = zone(event.centreId());
        sql("DELETE FROM cal_waitlist_entry WHERE id = ?").param(event.entryId()).update();
        sql("""
                INSERT INTO cal_waitlist_entry (id, resource_id, centre_id, partner_id, starts_at, ends_at, local_start, local_end,
                                                title, status, booking_id, joined_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'WAITING', NULL, ?, ?)""")
                .params(event.entryId(), event.resourceId(), event.centreId(), event.partnerId(), event.start(), event.end(),
                        local(event.start(), zone), local(event.end(), zone), event.details() == null ? null : event.details().title(),
                        time(message), time(message))
                .update();
        history(event.entryId(), message, "Joined the waitlist for " + span(event.start(), event.end(), zone));
    }

    @EventHandler
    void on(WaitlistLeft event, EventMessage<?> message) {
        if (!firstDelivery(message)) {
            return;
        }
        waitlistStatus(event.entryId(), "LEFT", null, message);
        history(event.entryId(), message, "Left the waitlist");
    }

    @EventHandler
    void on(WaitlistServed event, EventMessage<?> message) {
        if (!firstDelivery(message)) {
            return;
        }
        waitlistStatus(event.entryId(), "SERVED", event.bookingId(), message);
        history(event.entryId(), message, "Served: the freed slot is booking " + event.bookingId());
    }

    @EventHandler
    void on(WaitlistOffered event, EventMessage<?> message) {
        if (!firstDelivery(message)) {
            return;
        }
        ZoneId zone = zone(event.centreId());
        waitlistStatus(event.entryId(), "OFFERED", event.bookingId(), message);
        if (status(event.bookingId()).isEmpty()) {
            insertBooking(event.bookingId(), event.resourceId(), event.centreId(), event.partnerId(), null, event.start(),
                    event.end(), zone, BookingStatus.OFFERED, false, event.details(), message);
        }
        history(event.entryId(), message, "Offered the freed slot as booking " + event.bookingId());
        history(event.bookingId(), message, "Offered from the waitlist: " + span(event.start(), event.end(), zone)
                + ", held until accepted or declined");
    }

    @EventHandler
    void on(WaitlistOfferDeclined event, EventMessage<?> message) {
        if (!firstDelivery(message)) {
            return;
        }
        waitlistStatus(event.entryId(), "DECLINED", event.bookingId(), message);
        sql("""
                UPDATE cal_booking SET status = 'REJECTED', status_reason = 'Waitlist offer declined', version = version + 1,
                       updated_at = ? WHERE id = ?""")
                .params(time(message), event.bookingId()).update();
        history(event.entryId(), message, "Declined the offered slot");
        history(event.bookingId(), message, "Waitlist offer declined: the slot is released");
    }

    @EventHandler
    void on(WaitlistOfferLapsed event, EventMessage<?> message) {
        if (!firstDelivery(message)) {
            return;
        }
        waitlistStatus(event.entryId(), "LAPSED", event.bookingId(), message);
        sql("""
                UPDATE cal_booking SET status = 'LAPSED', status_reason = 'Waitlist offer not answered in time', version = version + 1,
                       updated_at = ? WHERE id = ?""")
                .params(time(message), event.bookingId()).update();
        history(event.entryId(), message, "Did not answer the offered slot in time");
        history(event.bookingId(), message, "Waitlist offer lapsed: the slot is released");
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Whether this event is new to the read model: true once per event stream and sequence number. Events
     * without a stream (not expected here) are always applied.
     */
    private boolean firstDelivery(EventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?> event) || event.getAggregateIdentifier() == null) {
            return true;
        }
        String stream = event.getAggregateIdentifier();
        long sequence = event.getSequenceNumber();
        int advanced = sql("UPDATE calendar_stream SET last_sequence = ? WHERE aggregate_id = ? AND last_sequence < ?")
                .params(sequence, stream, sequence).update();
        if (advanced == 1) {
            return true;
        }
        boolean known = sql("SELECT COUNT(*) FROM calendar_stream WHERE aggregate_id = ?").param(stream)
                .query(Long.class).single() > 0;
        if (known) {
            return false;
        }
        sql("INSERT INTO calendar_stream (aggregate_id, last_sequence) VALUES (?, ?)").params(stream, sequence).update();
        return true;
    }

    private void insertBooking(String bookingId, String resourceId, String centreId, String partnerId, String seriesId,
                               OffsetDateTime start, OffsetDateTime end, ZoneId zone, BookingStatus status,
                               boolean awaitsApproval, BookingDetails details, EventMessage<?> message) {
        BookingDetails d = details == null ? new BookingDetails(null, null, null, null, null, null, null) : details;
        String waitlistEntry = sql("SELECT id FROM cal_waitlist_entry WHERE booking_id = ?").param(bookingId)
                .query(String.class).optional().orElse(null);
        LocalDateTime localStart = local(start, zone);
        sql("""
                INSERT INTO cal_booking (id, resource_id, centre_id, partner_id, series_id, waitlist_entry_id, starts_at, ends_at,
                                         local_start, local_end, original_local_start, status, awaits_approval, from_waitlist, late,
                                         status_reason, flagged, flag_reason, title, purpose, attendees, target_group, visibility,
                                         offer_id, meeting_id, version, requested_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, FALSE, NULL, FALSE, NULL, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
                .params(bookingId, resourceId, centreId, partnerId, seriesId, waitlistEntry, start, end, localStart,
                        local(end, zone), localStart, status.name(), awaitsApproval, d.title(), d.purpose(), d.attendees(),
                        d.targetGroup(), visibility(d), d.offerId(), d.meetingId(), time(message), time(message))
                .update();
    }

    private void setDetails(String bookingId, BookingDetails details) {
        if (details == null) {
            return;
        }
        sql("""
                UPDATE cal_booking SET title = ?, purpose = ?, attendees = ?, target_group = ?, visibility = ?, offer_id = ?,
                       meeting_id = ? WHERE id = ?""")
                .params(details.title(), details.purpose(), details.attendees(), details.targetGroup(), visibility(details),
                        details.offerId(), details.meetingId(), bookingId)
                .update();
    }

    private Optional<BookingStatus> status(String bookingId) {
        return sql("SELECT status FROM cal_booking WHERE id = ?").param(bookingId).query(String.class).optional()
                .map(BookingStatus::valueOf);
    }

    private boolean awaitsApproval(String bookingId) {
        return sql("SELECT awaits_approval FROM cal_booking WHERE id = ?").param(bookingId).query(Boolean.class)
                .optional().orElse(false);
    }

    private String seriesOf(String bookingId, String fromEvent) {
        if (fromEvent != null) {
            return fromEvent;
        }
        return sql("SELECT series_id FROM cal_booking WHERE id = ?").param(bookingId).query(String.class).optional().orElse(null);
    }

    /** A change to an occurrence is a change to its series: raise the series' counter (its iCalendar SEQUENCE). */
    private void touchSeries(String seriesId, EventMessage<?> message) {
        if (seriesId == null) {
            return;
        }
        sql("UPDATE cal_series SET version = version + 1, updated_at = ? WHERE id = ?").params(time(message), seriesId).update();
    }

    private void waitlistStatus(String entryId, String status, String bookingId, EventMessage<?> message) {
        sql("UPDATE cal_waitlist_entry SET status = ?, booking_id = COALESCE(?, booking_id), updated_at = ? WHERE id = ?")
                .params(status, bookingId, time(message), entryId).update();
    }

    /** One line of history for the subject, and for an occurrence also on its series. */
    private void history(String subjectId, EventMessage<?> message, String summary) {
        insertHistory(subjectId, message, summary);
        String series = sql("SELECT series_id FROM cal_booking WHERE id = ?").param(subjectId).query(String.class)
                .optional().orElse(null);
        if (series != null && !(message.getPayload() instanceof SeriesBooked)) {
            String date = sql("SELECT original_local_start FROM cal_booking WHERE id = ?").param(subjectId)
                    .query(LocalDateTime.class).optional().map(t -> t.toLocalDate().toString()).orElse("?");
            insertHistory(series, message, "Occurrence of " + date + ": " + summary);
        }
    }

    private void insertHistory(String subjectId, EventMessage<?> message, String summary) {
        String aggregate = message instanceof DomainEventMessage<?> d && d.getAggregateIdentifier() != null ? d.getAggregateIdentifier() : "";
        long sequence = message instanceof DomainEventMessage<?> d ? d.getSequenceNumber() : message.getTimestamp().toEpochMilli();
        boolean exists = sql("SELECT COUNT(*) FROM cal_history WHERE subject_id = ? AND aggregate_id = ? AND seq = ?")
                .params(subjectId, aggregate, sequence).query(Long.class).single() > 0;
        if (exists) {
            return;
        }
        Object actor = message.getMetaData().get(AxonSupportAutoConfiguration.ACTOR);
        sql("""
                INSERT INTO cal_history (subject_id, aggregate_id, seq, event_type, occurred_at, actor, summary)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(subjectId, aggregate, sequence, message.getPayloadType().getSimpleName(), time(message),
                        actor == null ? null : truncate(actor.toString(), 200), truncate(summary, 1000))
                .update();
    }

    /**
     * The centre's zone, cached once the centre is known. A centre not known yet (its events may be applied by
     * another node's segment, later) gets the default for now, uncached, so it is looked up again next time.
     */
    private ZoneId zone(String centreId) {
        ZoneId known = zones.get(centreId);
        if (known != null) {
            return known;
        }
        Optional<ZoneId> stored = sql("SELECT time_zone FROM cal_centre WHERE id = ?").param(centreId).query(String.class)
                .optional().map(ZoneId::of);
        stored.ifPresent(zone -> zones.put(centreId, zone));
        return stored.orElse(ZoneId.of(DEFAULT_ZONE));
    }

    static LocalDateTime local(OffsetDateTime time, ZoneId zone) {
        return time.atZoneSameInstant(zone).toLocalDateTime();
    }

    private static String span(OffsetDateTime start, OffsetDateTime end, ZoneId zone) {
        LocalDateTime from = local(start, zone);
        LocalDateTime to = local(end, zone);
        return WHEN.format(from) + "–" + (from.toLocalDate().equals(to.toLocalDate()) ? TIME.format(to) : WHEN.format(to));
    }

    private static String visibility(BookingDetails d) {
        return (d.visibility() == null ? Visibility.PUBLIC : d.visibility()).name();
    }

    private static String access(BookingRules rules) {
        return rules == null || rules.access() == null ? BookingRules.Access.ALL_CENTRE_PARTNERS.name() : rules.access().name();
    }

    private static String listed(BookingRules rules) {
        return rules == null || rules.listedPartners().isEmpty() ? null : truncate(String.join(",", rules.listedPartners()), 4000);
    }

    /**
     * The category and the centre's own note in the one status column the details show (this is the service's own
     * read model, for the centre: the note may stay here, it is never published).
     */
    private static String why(Enum<?> category, String note) {
        return truncate(note == null || note.isBlank() ? category.name() : category.name() + " – " + note, 2000);
    }

    private static String reason(String reason) {
        return reason == null || reason.isBlank() ? "" : ": " + reason;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static OffsetDateTime time(EventMessage<?> message) {
        return time(message.getTimestamp());
    }

    static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
