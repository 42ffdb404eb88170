package dk.bindeled.dashboard.query;

import dk.bindeled.events.DanishLabels;
import dk.bindeled.events.IsoWeek;
import dk.bindeled.events.booking.v1.OpeningHours;
import java.text.Collator;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the booking read model: the centres, what a centre's info screen shows today, and how much its
 * resources were used in a week. "Today", "now" and "this week" come from the {@link Clock} bean, in the
 * centre's own time zone (the clock's zone when the centre names none or one Java does not know).
 */
@Component
public class CentreQueries {

    /** Half a year: the longest range a chart asks for. */
    public static final int MAX_WEEKS = 26;

    private static final Collator DANISH = Collator.getInstance(Locale.forLanguageTag("da-DK"));

    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;
    private final Clock clock;
    private final Duration refresh;

    public CentreQueries(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
                         @Value("${bindeled.dashboard.screen.refresh:60s}") Duration refresh) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.refresh = refresh;
        this.snapshot = new TransactionTemplate(transactions);
        // One snapshot per answer, so the bookings, rooms and opening hours shown belong together.
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    /** The zone of a centre: its own when Java knows it, otherwise the fallback. */
    static ZoneId zone(String timeZone, ZoneId fallback) {
        if (timeZone == null || timeZone.isBlank()) {
            return fallback;
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException unknown) {
            return fallback;
        }
    }

    /** Whether a centre with this id has been defined for booking. */
    public boolean exists(String centreId) {
        return jdbc.sql("SELECT COUNT(*) FROM booking_centres WHERE centre_id = ?").param(centreId).query(Long.class).single() > 0;
    }

    /** Every centre defined for booking, by name. */
    public List<CentreSummary> centres() {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return snapshot.execute(status -> jdbc.sql("""
                        SELECT c.centre_id, c.name, c.address,
                               (SELECT COUNT(*) FROM booking_resources r WHERE r.centre_id = c.centre_id) AS resources,
                               (SELECT COUNT(*) FROM bookings b
                                WHERE b.centre_id = c.centre_id AND b.flag_reason IS NOT NULL AND b.ends_at > ?) AS flagged
                        FROM booking_centres c""")
                .param(now)
                .query((rs, row) -> new CentreSummary(rs.getString("centre_id"), rs.getString("name"), rs.getString("address"),
                        rs.getLong("resources"), rs.getLong("flagged")))
                .list().stream()
                .sorted(Comparator.comparing(CentreSummary::name, DANISH).thenComparing(CentreSummary::centreId))
                .toList());
    }

    /**
     * The centre's info screen now: bookings going on and those starting later today.
     *
     * @throws CentreNotFoundException when no such centre has been defined
     */
    public CentreToday today(String centreId) {
        return snapshot.execute(status -> {
            Centre centre = centre(centreId);
            Instant now = clock.instant();
            LocalDate date = now.atZone(centre.zone()).toLocalDate();
            Instant dayEnd = date.plusDays(1).atStartOfDay(centre.zone()).toInstant();
            // Only PUBLIC bookings reveal what and who, and that is decided here, in the query: nothing else reaches the screen.
            List<CentreToday.ScreenBooking> bookings = screenBookings(centreId, centre, now, dayEnd, false);
            Instant comingEnd = date.plusDays(1 + CentreToday.COMING_DAYS).atStartOfDay(centre.zone()).toInstant();
            Map<LocalDate, List<CentreToday.ScreenBooking>> comingByDay = new java.util.TreeMap<>();
            for (CentreToday.ScreenBooking booking : screenBookings(centreId, centre, dayEnd, comingEnd, true)) {
                LocalDate day = booking.start().atZone(centre.zone()).toLocalDate();
                comingByDay.computeIfAbsent(day.isBefore(date.plusDays(1)) ? date.plusDays(1) : day, d -> new ArrayList<>()).add(booking);
            }
            List<CentreToday.ComingDay> coming = comingByDay.entrySet().stream()
                    .map(e -> new CentreToday.ComingDay(e.getKey(), DanishLabels.day(e.getKey()), List.copyOf(e.getValue())))
                    .toList();
            List<CentreToday.ScreenBooking> current = bookings.stream().filter(b -> !b.start().isAfter(now)).toList();
            List<CentreToday.ScreenBooking> later = bookings.stream().filter(b -> b.start().isAfter(now)).toList();
            List<String> openingHours = openingHours(centreId).stream()
                    .filter(window -> window.day() == date.getDayOfWeek())
                    .sorted(Comparator.comparing(OpeningHours::opens))
                    .map(window -> DanishLabels.clock(window.opens()) + "–" + DanishLabels.clock(window.closes()))
                    .toList();
            Instant nextChange = Stream.concat(Stream.of(dayEnd),
                            Stream.concat(current.stream().map(CentreToday.ScreenBooking::end), later.stream().map(CentreToday.ScreenBooking::start)))
                    .min(Comparator.naturalOrder())
                    .orElse(dayEnd);
            return new CentreToday(centreId, centre.name(), date, DanishLabels.day(date), centre.zone().getId(), now,
                    DanishLabels.clock(now.atZone(centre.zone()).toLocalTime()), openingHours, current, later, coming,
                    refreshSeconds(now, nextChange));
        });
    }

    /**
     * The screen's bookings that overlap {@code from}–{@code to}; only PUBLIC bookings reveal what and who, and that is
     * decided here, in the query: nothing else reaches the screen. {@code publicOnly} leaves the others out altogether.
     */
    private List<CentreToday.ScreenBooking> screenBookings(String centreId, Centre centre, Instant from, Instant to, boolean publicOnly) {
        return jdbc.sql("""
                        SELECT b.booking_id, b.starts_at, b.ends_at, b.visibility, r.name AS resource,
                               CASE WHEN b.visibility = 'PUBLIC' THEN b.title END AS public_title,
                               CASE WHEN b.visibility = 'PUBLIC' THEN p.name END AS organiser
                        FROM bookings b
                        LEFT JOIN booking_resources r ON r.resource_id = b.resource_id
                        LEFT JOIN partners p ON p.partner_id = b.partner_id
                        WHERE b.centre_id = ? AND b.starts_at < ? AND b.ends_at > ?
                          AND (r.kind IS NULL OR r.kind <> 'EQUIPMENT')
                          AND (? = FALSE OR b.visibility = 'PUBLIC')
                        ORDER BY b.starts_at, r.name, b.booking_id""")
                .params(centreId, utc(to), utc(from), publicOnly)
                .query((rs, row) -> {
                    Instant start = rs.getObject("starts_at", OffsetDateTime.class).toInstant();
                    Instant end = rs.getObject("ends_at", OffsetDateTime.class).toInstant();
                    boolean busy = !"PUBLIC".equals(rs.getString("visibility"));
                    String title = rs.getString("public_title");
                    return new CentreToday.ScreenBooking(rs.getString("booking_id"), start, end,
                            DanishLabels.timeRange(start.atZone(centre.zone()), end.atZone(centre.zone())),
                            rs.getString("resource"),
                            busy || title == null || title.isBlank() ? CentreToday.BUSY_TITLE : title,
                            busy ? null : rs.getString("organiser"),
                            busy);
                })
                .list();
    }

    /**
     * Booked hours per resource in an ISO week against the centre's open hours that week.
     *
     * @param week the week; null for the current week where the centre is
     * @throws CentreNotFoundException when no such centre has been defined
     */
    public Utilisation utilisation(String centreId, IsoWeek week) {
        return snapshot.execute(status -> {
            Centre centre = centre(centreId);
            ZoneId zone = centre.zone();
            IsoWeek chosen = week != null ? week : IsoWeek.of(clock.instant().atZone(zone).toLocalDate());
            LocalDate monday = chosen.monday();
            Span whole = new Span(monday.atStartOfDay(zone).toInstant(), monday.plusDays(7).atStartOfDay(zone).toInstant());

            double openHours = openHours(monday, openingHours(centreId), zone);

            Map<String, ResourceTally> tallies = new LinkedHashMap<>();
            jdbc.sql("SELECT resource_id, name, kind FROM booking_resources WHERE centre_id = ?")
                    .param(centreId)
                    .query((rs, row) -> new ResourceTally(rs.getString("resource_id"), rs.getString("name"), rs.getString("kind")))
                    .list()
                    .forEach(tally -> tallies.put(tally.resourceId, tally));
            List<BookedRow> bookedRows = jdbc.sql("""
                            SELECT b.resource_id, b.starts_at, b.ends_at, r.name, r.kind
                            FROM bookings b LEFT JOIN booking_resources r ON r.resource_id = b.resource_id
                            WHERE b.centre_id = ? AND b.starts_at < ? AND b.ends_at > ?""")
                    .params(centreId, utc(whole.end()), utc(whole.start()))
                    .query((rs, row) -> new BookedRow(new ResourceTally(rs.getString("resource_id"), rs.getString("name"), rs.getString("kind")),
                            new Span(rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                                    rs.getObject("ends_at", OffsetDateTime.class).toInstant())))
                    .list();
            for (BookedRow row : bookedRows) {
                // A resource not (or no longer) defined in this centre keeps the bookings made here under its own row.
                tallies.computeIfAbsent(row.resource().resourceId, id -> row.resource()).booked.add(row.span());
            }

            List<Utilisation.ResourceUse> resources = tallies.values().stream()
                    .map(tally -> {
                        double booked = hours(Span.union(tally.booked, whole));
                        Double percent = openHours == 0 ? null : Math.round(booked / openHours * 1000) / 10.0;
                        String name = tally.name != null ? tally.name : tally.resourceId;
                        return new Utilisation.ResourceUse(tally.resourceId, name, tally.kind,
                                tally.kind == null ? null : DanishLabels.resourceKind(tally.kind), booked, openHours, percent);
                    })
                    .sorted(Comparator.comparing(Utilisation.ResourceUse::name, DANISH).thenComparing(Utilisation.ResourceUse::resourceId))
                    .toList();
            return new Utilisation(centreId, centre.name(), chosen.toString(), chosen.week(), monday, chosen.sunday(),
                    weekLabel(chosen), IsoWeek.of(monday.minusWeeks(1)).toString(), IsoWeek.of(monday.plusWeeks(1)).toString(),
                    openHours, resources);
        });
    }

    /**
     * Every centre's rooms week by week from {@code from} to {@code to} (both included, at most {@link #MAX_WEEKS}),
     * read in one snapshot with one query of bookings per centre.
     */
    public RoomUseByWeek roomUseByWeek(IsoWeek from, IsoWeek to) {
        long count = ChronoUnit.WEEKS.between(from.monday(), to.monday()) + 1;
        if (count < 1 || count > MAX_WEEKS) {
            throw new IllegalArgumentException("from " + from + " to " + to + " must be 1 to " + MAX_WEEKS + " weeks, was " + count);
        }
        List<IsoWeek> weeks = Stream.iterate(from, w -> IsoWeek.of(w.monday().plusWeeks(1))).limit(count).toList();
        return snapshot.execute(status -> {
            List<RoomUseByWeek.CentreUse> centres = new ArrayList<>();
            for (CentreSummary summary : centres()) {
                Centre centre = centre(summary.centreId());
                ZoneId zone = centre.zone();
                List<OpeningHours> windows = openingHours(summary.centreId());
                Span range = new Span(from.monday().atStartOfDay(zone).toInstant(), to.monday().plusDays(7).atStartOfDay(zone).toInstant());
                Map<String, List<Span>> byRoom = new LinkedHashMap<>();
                jdbc.sql("SELECT resource_id FROM booking_resources WHERE centre_id = ? AND kind = 'ROOM'")
                        .param(summary.centreId())
                        .query(String.class).list()
                        .forEach(room -> byRoom.put(room, new ArrayList<>()));
                jdbc.sql("""
                                SELECT b.resource_id, b.starts_at, b.ends_at
                                FROM bookings b JOIN booking_resources r ON r.resource_id = b.resource_id AND r.kind = 'ROOM'
                                WHERE b.centre_id = ? AND b.starts_at < ? AND b.ends_at > ?""")
                        .params(summary.centreId(), utc(range.end()), utc(range.start()))
                        .query((rs, row) -> Map.entry(rs.getString("resource_id"), new Span(rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                                rs.getObject("ends_at", OffsetDateTime.class).toInstant())))
                        .list()
                        .forEach(booking -> byRoom.computeIfAbsent(booking.getKey(), id -> new ArrayList<>()).add(booking.getValue()));
                List<RoomUseByWeek.WeekUse> uses = new ArrayList<>();
                for (IsoWeek week : weeks) {
                    LocalDate monday = week.monday();
                    Span whole = new Span(monday.atStartOfDay(zone).toInstant(), monday.plusDays(7).atStartOfDay(zone).toInstant());
                    double booked = byRoom.values().stream().mapToDouble(spans -> hours(Span.union(spans, whole))).sum();
                    double open = openHours(monday, windows, zone) * byRoom.size();
                    uses.add(new RoomUseByWeek.WeekUse(week.toString(), Math.round(booked * 100) / 100.0, Math.round(open * 100) / 100.0,
                            open == 0 ? null : Math.round(booked / open * 1000) / 10.0));
                }
                centres.add(new RoomUseByWeek.CentreUse(summary.centreId(), centre.name(), byRoom.size(), uses));
            }
            return new RoomUseByWeek(weeks.stream()
                    .map(w -> new RoomUseByWeek.Week(w.toString(), w.week(), w.monday(), weekLabel(w)))
                    .toList(), centres);
        });
    }

    /** Hours the centre is open in the week of this Monday, daylight saving and windows past midnight included. */
    private static double openHours(LocalDate monday, List<OpeningHours> windows, ZoneId zone) {
        Span whole = new Span(monday.atStartOfDay(zone).toInstant(), monday.plusDays(7).atStartOfDay(zone).toInstant());
        List<Span> open = new ArrayList<>();
        // From the Sunday before: a window past midnight reaches into this Monday.
        for (LocalDate day = monday.minusDays(1); day.isBefore(monday.plusDays(7)); day = day.plusDays(1)) {
            for (OpeningHours window : windows) {
                if (window.day() == day.getDayOfWeek()) {
                    open.add(openSpan(day, window, zone));
                }
            }
        }
        return hours(Span.union(open, whole));
    }

    private Centre centre(String centreId) {
        return jdbc.sql("SELECT name, time_zone FROM booking_centres WHERE centre_id = ?")
                .param(centreId)
                .query((rs, row) -> new Centre(rs.getString("name"), zone(rs.getString("time_zone"), clock.getZone())))
                .optional()
                .orElseThrow(() -> new CentreNotFoundException(centreId));
    }

    private List<OpeningHours> openingHours(String centreId) {
        return jdbc.sql("SELECT day_of_week, opens, closes FROM centre_opening_hours WHERE centre_id = ? ORDER BY window_no")
                .param(centreId)
                .query((rs, row) -> new OpeningHours(DayOfWeek.of(rs.getInt("day_of_week")),
                        rs.getObject("opens", LocalTime.class), rs.getObject("closes", LocalTime.class)))
                .list();
    }

    /** A window whose closing time is not after its opening time closes the next day (a night café until 01.00). */
    private static Span openSpan(LocalDate day, OpeningHours window, ZoneId zone) {
        ZonedDateTime opens = ZonedDateTime.of(day, window.opens(), zone);
        LocalDate closingDay = window.closes().isAfter(window.opens()) ? day : day.plusDays(1);
        return new Span(opens.toInstant(), ZonedDateTime.of(closingDay, window.closes(), zone).toInstant());
    }

    /** Just after the screen's next change, but at least every refresh interval and never sooner than a second. */
    private long refreshSeconds(Instant now, Instant nextChange) {
        long untilChange = Duration.between(now, nextChange).toSeconds() + 1;
        return Math.max(1, Math.min(untilChange, Math.max(1, refresh.toSeconds())));
    }

    /** "uge 48 (23.–29. november 2026)" */
    static String weekLabel(IsoWeek week) {
        LocalDate monday = week.monday();
        LocalDate sunday = week.sunday();
        String days;
        if (monday.getMonth() == sunday.getMonth()) {
            days = monday.getDayOfMonth() + ".–" + DanishLabels.longDate(sunday);
        } else if (monday.getYear() == sunday.getYear()) {
            String longMonday = DanishLabels.longDate(monday);
            days = longMonday.substring(0, longMonday.lastIndexOf(' ')) + "–" + DanishLabels.longDate(sunday);
        } else {
            days = DanishLabels.longDate(monday) + "–" + DanishLabels.longDate(sunday);
        }
        return "uge " + week.week() + " (" + days + ")";
    }

    private static double hours(Duration duration) {
        return Math.round(duration.toSeconds() / 36.0) / 100.0;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private record Centre(String name, ZoneId zone) {
    }

    private record BookedRow(ResourceTally resource, Span span) {
    }

    private static final class ResourceTally {
        final String resourceId;
        final String name;
        final String kind;
        final List<Span> booked = new ArrayList<>();

        ResourceTally(String resourceId, String name, String kind) {
            this.resourceId = resourceId;
            this.name = name;
            this.kind = kind;
        }
    }

    /** A half-open period of time. */
    record Span(Instant start, Instant end) {

        /** The total length of the spans within the limits, overlaps counted once. */
        static Duration union(List<Span> spans, Span limits) {
            List<Span> clipped = spans.stream()
                    .map(s -> new Span(max(s.start, limits.start), min(s.end, limits.end)))
                    .filter(s -> s.end.isAfter(s.start))
                    .sorted(Comparator.comparing(Span::start))
                    .toList();
            Duration total = Duration.ZERO;
            Instant coveredUntil = limits.start;
            for (Span span : clipped) {
                Instant from = max(span.start, coveredUntil);
                if (span.end.isAfter(from)) {
                    total = total.plus(Duration.between(from, span.end));
                    coveredUntil = span.end;
                }
            }
            return total;
        }

        private static Instant max(Instant a, Instant b) {
            return a.isAfter(b) ? a : b;
        }

        private static Instant min(Instant a, Instant b) {
            return a.isBefore(b) ? a : b;
        }
    }
}
