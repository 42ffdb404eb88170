package dk.bindeled.booking.query;

import dk.bindeled.booking.api.Quota;
import dk.bindeled.booking.api.TimeWindow;
import dk.bindeled.booking.domain.NotFoundException;
import dk.bindeled.booking.domain.PeakTime;
import dk.bindeled.booking.query.Views.Approval;
import dk.bindeled.booking.query.Views.BookingStatus;
import dk.bindeled.booking.query.Views.BookingSummary;
import dk.bindeled.booking.query.Views.BookingView;
import dk.bindeled.booking.query.Views.CalendarEntry;
import dk.bindeled.booking.query.Views.CalendarView;
import dk.bindeled.booking.query.Views.CentreSummary;
import dk.bindeled.booking.query.Views.CentreView;
import dk.bindeled.booking.query.QueryWindow.Range;
import dk.bindeled.booking.query.Views.HistoryEntry;
import dk.bindeled.booking.query.Views.Page;
import dk.bindeled.booking.query.Views.PendingOccurrence;
import dk.bindeled.booking.query.Views.ResourceView;
import dk.bindeled.booking.query.Views.SeriesExdate;
import dk.bindeled.booking.query.Views.SeriesView;
import dk.bindeled.booking.query.Views.WaitlistEntryView;
import dk.bindeled.events.booking.v1.OpeningHours;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Queries on the calendar read model. Never reads the event store. */
@Service
@Transactional(readOnly = true)
public class CalendarQueries {

    /** The span a calendar shows. */
    public enum Span {
        DAY, WEEK
    }

    /** A centre as the queries need it: its zone and rules. */
    public record CentreInfo(String id, String name, ZoneId zone, List<OpeningHours> openingHours, List<TimeWindow> peakHours) {

        /** The opening hours as the booking commands apply them. */
        public dk.bindeled.booking.domain.OpeningHours opening() {
            return new dk.bindeled.booking.domain.OpeningHours(openingHours);
        }

        /** The peak time as quotas count it. */
        public PeakTime peakTime() {
            return new PeakTime(peakHours);
        }
    }

    private static final String BOOKING_COLUMNS = """
            b.id, b.resource_id, r.name AS resource_name, b.centre_id, b.partner_id, p.name AS partner_name,
            p.sector AS partner_sector, b.series_id, b.waitlist_entry_id, b.status, b.awaits_approval, b.starts_at, b.ends_at,
            b.local_start, b.local_end, b.original_local_start, b.late, b.status_reason, b.flagged, b.flag_reason, b.from_waitlist,
            b.title, b.purpose, b.attendees, b.target_group, b.visibility, b.offer_id, b.meeting_id, b.version,
            b.requested_at, b.updated_at, c.time_zone""";
    private static final String BOOKING_FROM = " FROM cal_booking b LEFT JOIN cal_resource r ON r.id = b.resource_id"
            + " LEFT JOIN partner_replica p ON p.partner_id = b.partner_id"
            + " LEFT JOIN cal_centre c ON c.id = b.centre_id";
    private static final String HOLDING = "('REQUESTED', 'CONFIRMED', 'OFFERED')";

    private final JdbcClient jdbc;
    private final Clock clock;

    public CalendarQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ centres and resources

    public List<CentreSummary> centres() {
        return jdbc.sql("""
                SELECT c.id, c.name, c.address, c.time_zone, (SELECT COUNT(*) FROM cal_resource r WHERE r.centre_id = c.id) AS resources
                FROM cal_centre c ORDER BY c.name, c.id""")
                .query((rs, n) -> new CentreSummary(rs.getString("id"), rs.getString("name"), rs.getString("address"),
                        rs.getString("time_zone"), rs.getInt("resources")))
                .list();
    }

    public Optional<CentreView> centre(String centreId) {
        return jdbc.sql("""
                SELECT c.*, p.name AS manager_name FROM cal_centre c
                LEFT JOIN partner_replica p ON p.partner_id = c.manager_partner_id WHERE c.id = ?""")
                .param(centreId)
                .query((rs, n) -> {
                    Integer hours = (Integer) rs.getObject("default_hours_per_week");
                    Integer peak = (Integer) rs.getObject("default_peak_hours_per_week");
                    return new CentreView(rs.getString("id"), rs.getString("name"), rs.getString("address"), rs.getString("time_zone"),
                            rs.getString("manager_partner_id"), rs.getString("manager_name"), rs.getInt("cancellation_notice_hours"),
                            List.of(), List.of(), hours == null && peak == null ? null : new Quota(hours, peak), List.of());
                })
                .optional()
                .map(c -> new CentreView(c.id(), c.name(), c.address(), c.timeZone(), c.managerPartnerId(), c.managerName(),
                        c.cancellationNoticeHours(), openingHours(centreId), peakHours(centreId), c.defaultQuota(),
                        resourcesOf(centreId)));
    }

    public Optional<CentreInfo> centreInfo(String centreId) {
        return jdbc.sql("SELECT id, name, time_zone FROM cal_centre WHERE id = ?").param(centreId)
                .query((rs, n) -> new CentreInfo(rs.getString("id"), rs.getString("name"), ZoneId.of(rs.getString("time_zone")),
                        List.of(), List.of()))
                .optional()
                .map(c -> new CentreInfo(c.id(), c.name(), c.zone(), openingHours(centreId), peakHours(centreId)));
    }

    public CentreInfo requireCentre(String centreId) {
        return centreInfo(centreId).orElseThrow(() -> new NotFoundException("No centre " + centreId));
    }

    public Optional<ResourceView> resource(String resourceId) {
        List<ResourceView> found = resources("WHERE r.id = ?", resourceId);
        return found.stream().findFirst();
    }

    public ResourceView requireResource(String resourceId) {
        return resource(resourceId).orElseThrow(() -> new NotFoundException("No resource " + resourceId));
    }

    public List<ResourceView> resourcesOf(String centreId) {
        return resources("WHERE r.centre_id = ?", centreId);
    }

    private List<ResourceView> resources(String where, String id) {
        List<ResourceView> rows = jdbc.sql("SELECT r.* FROM cal_resource r " + where + " ORDER BY r.name, r.id").param(id)
                .query((rs, n) -> new ResourceView(rs.getString("id"), rs.getString("centre_id"), rs.getString("name"),
                        rs.getString("kind"), (Integer) rs.getObject("capacity"), List.of(), rs.getInt("cleaning_buffer_minutes"),
                        rs.getBoolean("approval_required"), rs.getString("access"), split(rs.getString("listed_partners")),
                        (Integer) rs.getObject("max_length_minutes"), (Integer) rs.getObject("max_days_ahead")))
                .list();
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, List<String>> features = new HashMap<>();
        jdbc.sql("SELECT f.resource_id, f.feature FROM cal_resource_feature f JOIN cal_resource r ON r.id = f.resource_id "
                        + where + " ORDER BY f.feature")
                .param(id)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                .forEach(e -> features.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return rows.stream().map(r -> new ResourceView(r.id(), r.centreId(), r.name(), r.kind(), r.capacity(),
                List.copyOf(features.getOrDefault(r.id(), List.of())), r.cleaningBufferMinutes(), r.approvalRequired(), r.access(),
                r.listedPartners(), r.maxLengthMinutes(), r.maxDaysAhead())).toList();
    }

    List<OpeningHours> openingHours(String centreId) {
        return jdbc.sql("SELECT weekday, opens, closes FROM cal_centre_opening WHERE centre_id = ? ORDER BY position").param(centreId)
                .query((rs, n) -> new OpeningHours(DayOfWeek.valueOf(rs.getString(1)), rs.getObject(2, LocalTime.class),
                        rs.getObject(3, LocalTime.class)))
                .list();
    }

    List<TimeWindow> peakHours(String centreId) {
        return jdbc.sql("SELECT weekday, starts, ends FROM cal_centre_peak WHERE centre_id = ? ORDER BY position").param(centreId)
                .query((rs, n) -> new TimeWindow(DayOfWeek.valueOf(rs.getString(1)), rs.getObject(2, LocalTime.class),
                        rs.getObject(3, LocalTime.class)))
                .list();
    }

    // ------------------------------------------------------------------ calendars

    public CalendarView resourceCalendar(String resourceId, LocalDate date, Span span) {
        ResourceView resource = requireResource(resourceId);
        CentreInfo centre = centreInfo(resource.centreId()).orElse(null);
        LocalDate from = first(date, span);
        LocalDate to = last(date, span);
        List<CalendarEntry> entries = calendarEntries("b.resource_id = ?", resourceId, from, to);
        return new CalendarView("resource", resourceId, resource.name(), span.name().toLowerCase(java.util.Locale.ROOT), from, to,
                centre == null ? CalendarProjection.DEFAULT_ZONE : centre.zone().getId(), entries);
    }

    public CalendarView centreCalendar(String centreId, LocalDate date, Span span) {
        CentreInfo centre = requireCentre(centreId);
        LocalDate from = first(date, span);
        LocalDate to = last(date, span);
        List<CalendarEntry> entries = calendarEntries("b.centre_id = ?", centreId, from, to);
        return new CalendarView("centre", centreId, centre.name(), span.name().toLowerCase(java.util.Locale.ROOT), from, to,
                centre.zone().getId(), entries);
    }

    private List<CalendarEntry> calendarEntries(String where, String id, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT " + BOOKING_COLUMNS + BOOKING_FROM + " WHERE " + where + " AND b.status IN " + HOLDING
                        + " AND b.local_start < ? AND b.local_end > ? ORDER BY b.local_start, r.name, b.id")
                .params(id, to.plusDays(1).atStartOfDay(), from.atStartOfDay())
                .query((rs, n) -> entry(rs))
                .list();
    }

    /** The whole entry; {@link Disclosures} reduces it for the viewer. */
    private static CalendarEntry entry(ResultSet rs) throws SQLException {
        LocalDateTime localStart = rs.getObject("local_start", LocalDateTime.class);
        return new CalendarEntry(rs.getString("id"), rs.getString("series_id"), rs.getString("resource_id"),
                rs.getString("resource_name"), rs.getString("centre_id"), BookingStatus.valueOf(rs.getString("status")),
                localStart.toLocalDate(), localStart, rs.getObject("local_end", LocalDateTime.class), zoned(rs, "starts_at"),
                zoned(rs, "ends_at"), rs.getString("visibility"), rs.getString("title"), rs.getString("purpose"),
                rs.getString("partner_id"), rs.getString("partner_name"), (Integer) rs.getObject("attendees"),
                rs.getString("target_group"), rs.getBoolean("flagged"));
    }

    static LocalDate first(LocalDate date, Span span) {
        return span == Span.WEEK ? date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : date;
    }

    static LocalDate last(LocalDate date, Span span) {
        return span == Span.WEEK ? first(date, span).plusDays(6) : date;
    }

    // ------------------------------------------------------------------ bookings and series

    public Optional<BookingView> booking(String bookingId) {
        return jdbc.sql("SELECT " + BOOKING_COLUMNS + BOOKING_FROM + " WHERE b.id = ?").param(bookingId)
                .query((rs, n) -> bookingView(rs, List.of()))
                .optional()
                .map(b -> new BookingView(b.id(), b.resourceId(), b.resourceName(), b.centreId(), b.partnerId(), b.partnerName(),
                        b.partnerSector(), b.seriesId(), b.waitlistEntryId(), b.status(), b.awaitsApproval(), b.start(), b.end(),
                        b.localStart(), b.localEnd(), b.originalLocalStart(), b.late(), b.statusReason(), b.flagged(),
                        b.flagReason(), b.fromWaitlist(), b.title(), b.purpose(), b.attendees(), b.targetGroup(), b.visibility(),
                        b.offerId(), b.meetingId(), b.version(), b.requestedAt(), b.updatedAt(), history(bookingId)));
    }

    public List<HistoryEntry> history(String subjectId) {
        return jdbc.sql("""
                SELECT event_type, occurred_at, actor, summary FROM cal_history WHERE subject_id = ?
                ORDER BY occurred_at, aggregate_id, seq""")
                .param(subjectId)
                .query((rs, n) -> new HistoryEntry(rs.getString(1), offset(rs, "occurred_at"), rs.getString(3), rs.getString(4)))
                .list();
    }

    public Optional<SeriesView> series(String seriesId) {
        return jdbc.sql("""
                SELECT s.*, r.name AS resource_name, p.name AS partner_name, c.time_zone FROM cal_series s
                LEFT JOIN cal_resource r ON r.id = s.resource_id LEFT JOIN partner_replica p ON p.partner_id = s.partner_id
                LEFT JOIN cal_centre c ON c.id = s.centre_id
                WHERE s.id = ?""")
                .param(seriesId)
                .query((rs, n) -> new SeriesView(rs.getString("id"), rs.getString("resource_id"), rs.getString("resource_name"),
                        rs.getString("centre_id"), rs.getString("partner_id"), rs.getString("partner_name"), rs.getString("rrule"),
                        zoned(rs, "first_start"), zoned(rs, "first_end"), rs.getObject("first_local_start", LocalDateTime.class),
                        rs.getObject("first_local_end", LocalDateTime.class), rs.getBoolean("confirmed"), rs.getString("title"),
                        rs.getString("purpose"), (Integer) rs.getObject("attendees"), rs.getString("target_group"),
                        rs.getString("visibility"), List.of(), rs.getInt("version"), offset(rs, "requested_at"),
                        offset(rs, "updated_at"), List.of(), List.of()))
                .optional()
                .map(s -> new SeriesView(s.id(), s.resourceId(), s.resourceName(), s.centreId(), s.partnerId(), s.partnerName(),
                        s.rrule(), s.firstStart(), s.firstEnd(), s.firstLocalStart(), s.firstLocalEnd(), s.bookedConfirmed(),
                        s.title(), s.purpose(), s.attendees(), s.targetGroup(), s.visibility(), exdates(seriesId), s.version(),
                        s.requestedAt(), s.updatedAt(), summaries("b.series_id = ?", seriesId), history(seriesId)));
    }

    public List<SeriesExdate> exdates(String seriesId) {
        return jdbc.sql("SELECT ex_date, reason FROM cal_series_exdate WHERE series_id = ? ORDER BY ex_date").param(seriesId)
                .query((rs, n) -> new SeriesExdate(rs.getObject(1, LocalDate.class), rs.getString(2))).list();
    }

    public boolean partnerKnown(String partnerId) {
        return jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM partner_replica WHERE partner_id = ?) + (SELECT COUNT(*) FROM cal_booking WHERE partner_id = ?)""")
                .params(partnerId, partnerId).query(Long.class).single() > 0;
    }

    /**
     * A partner's bookings in every status that overlap the range of local dates (both inclusive), in order of
     * time, at most {@code limit} from the cursor on; the page says where the next one starts.
     */
    public Page<BookingSummary> partnerBookings(String partnerId, Range range, Cursor after, int limit) {
        StringBuilder where = new StringBuilder("b.partner_id = ? AND b.local_end > ? AND b.local_start < ?");
        List<Object> params = new ArrayList<>(List.of(partnerId, range.from().atStartOfDay(), range.to().plusDays(1).atStartOfDay()));
        if (after != null) {
            LocalDateTime key = after.localDateTime();
            where.append(" AND (b.local_start > ? OR (b.local_start = ? AND b.id > ?))");
            params.addAll(List.of(key, key, after.id()));
        }
        params.add(limit + 1);
        List<BookingSummary> rows = summaryRows(where + " ORDER BY b.local_start, b.id LIMIT ?", params.toArray());
        return page(rows, limit, b -> Cursor.after(b.localStart(), b.id()));
    }

    private static <T> Page<T> page(List<T> rows, int limit, java.util.function.Function<T, Cursor> cursor) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = List.copyOf(rows.subList(0, limit));
        return new Page<>(items, cursor.apply(items.get(limit - 1)));
    }

    private List<BookingSummary> summaries(String where, Object... params) {
        return summaryRows(where + " ORDER BY b.local_start, b.id", params);
    }

    private List<BookingSummary> summaryRows(String whereOrderAndLimit, Object... params) {
        return jdbc.sql("SELECT " + BOOKING_COLUMNS + BOOKING_FROM + " WHERE " + whereOrderAndLimit)
                .params(params)
                .query((rs, n) -> new BookingSummary(rs.getString("id"), rs.getString("resource_id"), rs.getString("resource_name"),
                        rs.getString("centre_id"), rs.getString("partner_id"), rs.getString("series_id"),
                        BookingStatus.valueOf(rs.getString("status")), rs.getBoolean("awaits_approval"), zoned(rs, "starts_at"),
                        zoned(rs, "ends_at"), rs.getObject("local_start", LocalDateTime.class),
                        rs.getObject("local_end", LocalDateTime.class), rs.getBoolean("late"), rs.getBoolean("flagged"),
                        rs.getString("title"), rs.getString("visibility"), rs.getInt("version")))
                .list();
    }

    /** Entries still open (waiting, or offered the slot) for slots that have not ended, in the order they joined. */
    public Page<WaitlistEntryView> waitlist(String resourceId, Cursor after, int limit) {
        return waitlistEntries("status IN ('WAITING', 'OFFERED') AND ends_at > ?",
                List.of(clock.instant().atOffset(java.time.ZoneOffset.UTC)), resourceId, after, limit);
    }

    /** Every entry, whatever became of it, for slots starting in the range of local dates (both inclusive). */
    public Page<WaitlistEntryView> waitlistHistory(String resourceId, Range range, Cursor after, int limit) {
        return waitlistEntries("local_start >= ? AND local_start < ?",
                List.of(range.from().atStartOfDay(), range.to().plusDays(1).atStartOfDay()), resourceId, after, limit);
    }

    private Page<WaitlistEntryView> waitlistEntries(String condition, List<Object> values, String resourceId, Cursor after, int limit) {
        StringBuilder where = new StringBuilder("resource_id = ? AND " + condition);
        List<Object> params = new ArrayList<>();
        params.add(resourceId);
        params.addAll(values);
        if (after != null) {
            OffsetDateTime key = after.offsetDateTime();
            where.append(" AND (joined_at > ? OR (joined_at = ? AND id > ?))");
            params.addAll(List.of(key, key, after.id()));
        }
        params.add(limit + 1);
        List<WaitlistEntryView> rows = jdbc.sql("""
                SELECT id, resource_id, partner_id, local_start, local_end, title, status, booking_id, joined_at
                FROM cal_waitlist_entry WHERE """ + " " + where + " ORDER BY joined_at, id LIMIT ?")
                .params(params.toArray())
                .query((rs, n) -> new WaitlistEntryView(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDateTime.class), rs.getObject(5, LocalDateTime.class), rs.getString(6), rs.getString(7),
                        rs.getString(8), offset(rs, "joined_at")))
                .list();
        return page(rows, limit, w -> Cursor.after(w.joinedAt(), w.id()));
    }

    // ------------------------------------------------------------------ approvals

    /**
     * Requests waiting for the manager's decision, oldest request first. The pending occurrences of one series
     * come as one item.
     */
    public List<Approval> approvals(String centreId) {
        requireCentre(centreId);
        List<BookingView> pending = jdbc.sql("SELECT " + BOOKING_COLUMNS + BOOKING_FROM
                        + " WHERE b.centre_id = ? AND b.status = 'REQUESTED' AND b.awaits_approval = TRUE"
                        + " ORDER BY b.requested_at, b.local_start, b.id")
                .param(centreId)
                .query((rs, n) -> bookingView(rs, List.of()))
                .list();
        Map<String, List<BookingView>> groups = new LinkedHashMap<>();
        for (BookingView b : pending) {
            groups.computeIfAbsent(b.seriesId() == null ? "booking:" + b.id() : "series:" + b.seriesId(), k -> new ArrayList<>()).add(b);
        }
        List<Approval> approvals = new ArrayList<>();
        for (List<BookingView> group : groups.values()) {
            BookingView first = group.get(0);
            boolean series = first.seriesId() != null;
            approvals.add(new Approval(series ? "SERIES" : "BOOKING", series ? null : first.id(), first.seriesId(),
                    first.resourceId(), first.resourceName(), first.partnerId(), first.partnerName(), first.title(), first.purpose(),
                    first.attendees(), first.targetGroup(), first.visibility(), first.requestedAt(), first.localStart(), first.localEnd(), first.start(),
                    first.end(), group.stream().map(b -> new PendingOccurrence(b.id(), b.localStart(), b.localEnd())).toList()));
        }
        return approvals;
    }

    private static BookingView bookingView(ResultSet rs, List<HistoryEntry> history) throws SQLException {
        return new BookingView(rs.getString("id"), rs.getString("resource_id"), rs.getString("resource_name"), rs.getString("centre_id"),
                rs.getString("partner_id"), rs.getString("partner_name"), rs.getString("partner_sector"), rs.getString("series_id"),
                rs.getString("waitlist_entry_id"), BookingStatus.valueOf(rs.getString("status")), rs.getBoolean("awaits_approval"),
                zoned(rs, "starts_at"), zoned(rs, "ends_at"), rs.getObject("local_start", LocalDateTime.class),
                rs.getObject("local_end", LocalDateTime.class), rs.getObject("original_local_start", LocalDateTime.class),
                rs.getBoolean("late"), rs.getString("status_reason"), rs.getBoolean("flagged"), rs.getString("flag_reason"),
                rs.getBoolean("from_waitlist"), rs.getString("title"), rs.getString("purpose"), (Integer) rs.getObject("attendees"),
                rs.getString("target_group"), rs.getString("visibility"), rs.getString("offer_id"), rs.getString("meeting_id"),
                rs.getInt("version"), offset(rs, "requested_at"), offset(rs, "updated_at"), history);
    }

    /** Bookings that hold a slot on the resources, overlapping the local window (for free-slot search). */
    List<HeldSlot> held(List<String> resourceIds, LocalDateTime from, LocalDateTime to) {
        if (resourceIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(resourceIds.size(), "?"));
        List<Object> params = new ArrayList<>(resourceIds);
        params.add(to);
        params.add(from);
        return jdbc.sql("SELECT id, resource_id, starts_at, ends_at FROM cal_booking WHERE resource_id IN (" + marks + ")"
                        + " AND status IN " + HOLDING + " AND local_start < ? AND local_end > ?")
                .params(params.toArray())
                .query((rs, n) -> new HeldSlot(rs.getString(1), rs.getString(2), offset(rs, "starts_at"), offset(rs, "ends_at")))
                .list();
    }

    record HeldSlot(String bookingId, String resourceId, OffsetDateTime start, OffsetDateTime end) {
    }

    static OffsetDateTime offset(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }

    /** A booking's time with the UTC offset its centre had at that moment (the row's {@code time_zone} column). */
    static OffsetDateTime zoned(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        String zone = rs.getString("time_zone");
        return time == null ? null : time.atZoneSameInstant(ZoneId.of(zone == null ? CalendarProjection.DEFAULT_ZONE : zone)).toOffsetDateTime();
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.stream(joined.split(",")).map(String::strip).toList();
    }
}
