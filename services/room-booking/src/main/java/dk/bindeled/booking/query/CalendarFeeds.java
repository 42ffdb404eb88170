package dk.bindeled.booking.query;

import dk.bindeled.booking.domain.NotFoundException;
import dk.bindeled.booking.query.FeedTokens.Scope;
import dk.bindeled.booking.query.Views.BookingStatus;
import dk.bindeled.ical.IcalFeeds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The iCalendar feeds (RFC 5545) of a resource and of a centre, for calendar apps to subscribe to.
 * <ul>
 *   <li>A booking is a VEVENT with UID {@code <bookingId>@bindeled.dk} and SEQUENCE its change counter;
 *       times are local with TZID and the zone's VTIMEZONE. Confirmed is CONFIRMED, requested and offered are
 *       TENTATIVE, cancelled stays in the feed as CANCELLED (so subscribers remove it), rejected and lapsed are left out.</li>
 *   <li>A series is one master VEVENT (UID {@code <seriesId>@bindeled.dk}, its RRULE, EXDATE for the dates not
 *       booked and for occurrences cancelled or rejected since); an occurrence that was moved, or whose status
 *       differs from the master's, is an override VEVENT with the same UID and the RECURRENCE-ID of its original
 *       start.</li>
 *   <li>Visibility BUSY shows "Optaget" and no description; TITLE_ONLY the title alone; PUBLIC the title with
 *       partner, target group and attendees. The internal purpose never leaves the service.</li>
 * </ul>
 */
@Service
@Transactional(readOnly = true)
public class CalendarFeeds {

    public static final String PRODID = "-//Bindeled//Lokalebooking 1.0//DA";
    public static final String UID_DOMAIN = IcalFeeds.UID_DOMAIN;
    public static final String BUSY_SUMMARY = "Optaget";

    private record FeedBooking(String id, String resourceName, String partnerName, String seriesId, BookingStatus status,
                               LocalDateTime localStart, LocalDateTime localEnd, LocalDateTime originalLocalStart, String title,
                               String targetGroup, Integer attendees, String visibility, int version, Instant updatedAt,
                               ZoneId zone) {
    }

    private record FeedSeries(String id, String resourceName, String partnerName, String rrule, LocalDateTime firstLocalStart,
                              LocalDateTime firstLocalEnd, String title, String targetGroup, Integer attendees,
                              String visibility, int version, Instant updatedAt, ZoneId zone) {
    }

    private final JdbcClient jdbc;
    private final CalendarQueries queries;
    private final FeedTokens tokens;
    private final Clock clock;
    private final Duration past;
    private final Duration future;
    private final ZoneId serviceZone;

    public CalendarFeeds(JdbcClient jdbc, CalendarQueries queries, FeedTokens tokens, Clock clock,
                         @Value("${bindeled.booking.feed.past-days:365}") int pastDays,
                         @Value("${bindeled.booking.feed.future-days:400}") int futureDays,
                         @Value("${bindeled.booking.time-zone:Europe/Copenhagen}") String serviceZone) {
        this.serviceZone = ZoneId.of(serviceZone);
        this.jdbc = jdbc;
        this.queries = queries;
        this.tokens = tokens;
        this.clock = clock;
        this.past = Duration.ofDays(pastDays);
        this.future = Duration.ofDays(futureDays);
    }

    /** The feed of a resource, if the token opens it; otherwise 404, whether or not the resource exists. */
    public String resourceFeed(String resourceId, String token) {
        if (!tokens.opens(token, Scope.RESOURCE, resourceId)) {
            throw new NotFoundException("No such feed");
        }
        var resource = queries.resource(resourceId).orElseThrow(() -> new NotFoundException("No such feed"));
        var centre = queries.centreInfo(resource.centreId());
        String centreName = centre.map(CalendarQueries.CentreInfo::name).orElse(null);
        ZoneId zone = centre.map(CalendarQueries.CentreInfo::zone).orElse(ZoneId.of(CalendarProjection.DEFAULT_ZONE));
        return write(resource.name() + (centreName == null ? "" : " – " + centreName), zone, "b.resource_id = ?", "s.resource_id = ?",
                resourceId);
    }

    /** The feed of a centre (every resource), if the token opens it; otherwise 404. */
    public String centreFeed(String centreId, String token) {
        if (!tokens.opens(token, Scope.CENTRE, centreId)) {
            throw new NotFoundException("No such feed");
        }
        var centre = queries.centreInfo(centreId).orElseThrow(() -> new NotFoundException("No such feed"));
        return write(centre.name() == null ? centreId : centre.name(), centre.zone(), "b.centre_id = ?", "s.centre_id = ?", centreId);
    }

    /**
     * The feed of one partner's bookings at every centre, if the token opens it; otherwise 404. The partner's own
     * feed, for its members, still applies each booking's visibility: a subscribed calendar is easily shared further.
     */
    public String partnerFeed(String partnerId, String token) {
        if (!tokens.opens(token, Scope.PARTNER, partnerId)) {
            throw new NotFoundException("No such feed");
        }
        String name = jdbc.sql("SELECT name FROM partner_replica WHERE partner_id = ?").param(partnerId).query(String.class)
                .optional().orElse(partnerId);
        return write(name, serviceZone, "b.partner_id = ?", "s.partner_id = ?", partnerId);
    }

    /**
     * The feed from {@code past-days} back to {@code future-days} ahead, in a fixed number of statements however
     * many series it holds: the series' occurrences and exception dates are read for all of them at once. A
     * series in the window comes whole (every occurrence and exception), so that its RRULE, EXDATEs and
     * overrides say the same as before the window had an end.
     */
    private String write(String name, ZoneId zone, String bookingWhere, String seriesWhere, String id) {
        OffsetDateTime since = clock.instant().minus(past).atOffset(java.time.ZoneOffset.UTC);
        OffsetDateTime until = clock.instant().plus(future).atOffset(java.time.ZoneOffset.UTC);
        List<FeedBooking> singles = bookings(bookingWhere + " AND b.series_id IS NULL AND b.status NOT IN ('REJECTED', 'LAPSED')"
                + " AND b.ends_at >= ? AND b.starts_at < ?", id, since, until);
        String inWindow = seriesWhere + " AND EXISTS (SELECT 1 FROM cal_booking o WHERE o.series_id = s.id"
                + " AND o.ends_at >= ? AND o.starts_at < ?)";
        List<FeedSeries> series = series(inWindow, id, since, until);
        Map<String, List<FeedBooking>> occurrences = new HashMap<>();
        Map<String, List<LocalDate>> exceptions = new HashMap<>();
        if (!series.isEmpty()) {
            String ofSeries = " IN (SELECT s.id FROM cal_series s WHERE " + inWindow + ")";
            bookings("b.series_id" + ofSeries, id, since, until)
                    .forEach(b -> occurrences.computeIfAbsent(b.seriesId(), k -> new ArrayList<>()).add(b));
            jdbc.sql("SELECT series_id, ex_date FROM cal_series_exdate WHERE series_id" + ofSeries + " ORDER BY series_id, ex_date")
                    .params(id, since, until)
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getObject(2, LocalDate.class)))
                    .list()
                    .forEach(e -> exceptions.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        }

        Set<ZoneId> zones = new HashSet<>();
        singles.forEach(b -> zones.add(b.zone()));
        series.forEach(s -> zones.add(s.zone()));
        Calendar calendar = IcalFeeds.calendar(PRODID, name, zone, zones);

        List<Map.Entry<LocalDateTime, VEvent>> events = new ArrayList<>();
        for (FeedBooking b : singles) {
            events.add(Map.entry(b.localStart(), single(b)));
        }
        for (FeedSeries s : series) {
            seriesEvents(s, occurrences.getOrDefault(s.id(), List.of()), exceptions.getOrDefault(s.id(), List.of()))
                    .forEach(e -> events.add(Map.entry(s.firstLocalStart(), e)));
        }
        events.stream().sorted(Map.Entry.comparingByKey()).forEach(e -> calendar.add(e.getValue()));

        return IcalFeeds.write(calendar);
    }

    private VEvent single(FeedBooking b) {
        VEvent event = new VEvent(false);
        event.add(new Uid(b.id() + UID_DOMAIN));
        event.add(new DtStamp(b.updatedAt()));
        event.add(new DtStart<>(b.localStart().atZone(b.zone())));
        event.add(new DtEnd<>(b.localEnd().atZone(b.zone())));
        event.add(new Sequence(b.version()));
        event.add(status(b.status()));
        describe(event, b.visibility(), b.title(), b.partnerName(), b.targetGroup(), b.attendees(), b.status());
        event.add(new Location(b.resourceName() == null ? "" : b.resourceName()));
        return event;
    }

    private List<VEvent> seriesEvents(FeedSeries s, List<FeedBooking> occurrences, List<LocalDate> exceptions) {
        List<FeedBooking> live = occurrences.stream().filter(o -> o.status().holdsSlot()).toList();
        boolean anyCancelled = occurrences.stream().anyMatch(o -> o.status() == BookingStatus.CANCELLED);
        if (live.isEmpty() && !anyCancelled) {
            return List.of();
        }
        long confirmed = live.stream().filter(o -> o.status() == BookingStatus.CONFIRMED).count();
        BookingStatus masterStatus = live.isEmpty() ? BookingStatus.CANCELLED
                : confirmed * 2 >= live.size() ? BookingStatus.CONFIRMED : BookingStatus.REQUESTED;
        Instant stamp = occurrences.stream().map(FeedBooking::updatedAt).reduce(s.updatedAt(), (a, b) -> a.isAfter(b) ? a : b);
        ZoneId zone = s.zone();

        VEvent master = new VEvent(false);
        master.add(new Uid(s.id() + UID_DOMAIN));
        master.add(new DtStamp(stamp));
        master.add(new DtStart<>(s.firstLocalStart().atZone(zone)));
        master.add(new DtEnd<>(s.firstLocalEnd().atZone(zone)));
        master.add(new RRule<>(s.rrule()));
        Set<LocalDateTime> exdates = new LinkedHashSet<>();
        for (LocalDate exception : exceptions) {
            exdates.add(exception.atTime(s.firstLocalStart().toLocalTime()));
        }
        occurrences.stream().filter(o -> !o.status().holdsSlot()).forEach(o -> exdates.add(o.originalLocalStart()));
        if (!exdates.isEmpty() && masterStatus != BookingStatus.CANCELLED) {
            List<ZonedDateTime> dates = new TreeSet<>(exdates).stream().map(d -> d.atZone(zone)).toList();
            master.add(new ExDate<>(new ParameterList(List.of(new TzId(zone.getId()))), new DateList<>(dates)));
        }
        master.add(new Sequence(s.version()));
        master.add(status(masterStatus));
        describe(master, s.visibility(), s.title(), s.partnerName(), s.targetGroup(), s.attendees(), masterStatus);
        master.add(new Location(s.resourceName() == null ? "" : s.resourceName()));

        List<VEvent> events = new ArrayList<>(List.of(master));
        Duration length = Duration.between(s.firstLocalStart(), s.firstLocalEnd());
        for (FeedBooking o : live) {
            boolean moved = !o.localStart().equals(o.originalLocalStart())
                    || !Duration.between(o.localStart(), o.localEnd()).equals(length);
            if (!moved && o.status() == masterStatus) {
                continue;
            }
            VEvent override = new VEvent(false);
            override.add(new Uid(s.id() + UID_DOMAIN));
            override.add(new DtStamp(o.updatedAt()));
            override.add(new RecurrenceId<>(o.originalLocalStart().atZone(zone)));
            override.add(new DtStart<>(o.localStart().atZone(zone)));
            override.add(new DtEnd<>(o.localEnd().atZone(zone)));
            override.add(new Sequence(s.version()));
            override.add(status(o.status()));
            describe(override, o.visibility(), o.title(), o.partnerName(), o.targetGroup(), o.attendees(), o.status());
            override.add(new Location(o.resourceName() == null ? "" : o.resourceName()));
            events.add(override);
        }
        return events;
    }

    private static void describe(VEvent event, String visibility, String title, String partner, String targetGroup,
                                 Integer attendees, BookingStatus status) {
        if ("BUSY".equals(visibility)) {
            event.add(new Summary(BUSY_SUMMARY));
            return;
        }
        event.add(new Summary(title == null || title.isBlank() ? BUSY_SUMMARY : title));
        if (!"PUBLIC".equals(visibility)) {
            return;
        }
        List<String> lines = new ArrayList<>();
        if (partner != null) {
            lines.add("Arrangør: " + partner);
        }
        if (targetGroup != null && !targetGroup.isBlank()) {
            lines.add("Målgruppe: " + targetGroup);
        }
        if (attendees != null) {
            lines.add("Deltagere: " + attendees);
        }
        if (status == BookingStatus.REQUESTED) {
            lines.add("Afventer godkendelse");
        } else if (status == BookingStatus.OFFERED) {
            lines.add("Tilbudt fra ventelisten");
        }
        if (!lines.isEmpty()) {
            event.add(new Description(String.join("\n", lines)));
        }
    }

    private static Status status(BookingStatus status) {
        return switch (status) {
            case CONFIRMED -> ImmutableStatus.VEVENT_CONFIRMED;
            case CANCELLED, REJECTED, LAPSED -> ImmutableStatus.VEVENT_CANCELLED;
            case REQUESTED, OFFERED -> ImmutableStatus.VEVENT_TENTATIVE;
        };
    }

    private List<FeedBooking> bookings(String where, Object... params) {
        return jdbc.sql("""
                SELECT b.id, r.name AS resource_name, p.name AS partner_name, b.series_id, b.status, b.local_start, b.local_end,
                       b.original_local_start, b.title, b.target_group, b.attendees, b.visibility, b.version, b.updated_at,
                       c.time_zone
                FROM cal_booking b LEFT JOIN cal_resource r ON r.id = b.resource_id
                LEFT JOIN partner_replica p ON p.partner_id = b.partner_id LEFT JOIN cal_centre c ON c.id = b.centre_id
                WHERE """ + " " + where + " ORDER BY b.local_start, b.id")
                .params(params)
                .query((rs, n) -> new FeedBooking(rs.getString("id"), rs.getString("resource_name"), rs.getString("partner_name"),
                        rs.getString("series_id"), BookingStatus.valueOf(rs.getString("status")),
                        rs.getObject("local_start", LocalDateTime.class), rs.getObject("local_end", LocalDateTime.class),
                        rs.getObject("original_local_start", LocalDateTime.class), rs.getString("title"),
                        rs.getString("target_group"), (Integer) rs.getObject("attendees"), rs.getString("visibility"),
                        rs.getInt("version"), rs.getObject("updated_at", OffsetDateTime.class).toInstant(), zone(rs.getString("time_zone"))))
                .list();
    }

    private List<FeedSeries> series(String where, Object... params) {
        return jdbc.sql("""
                SELECT s.id, r.name AS resource_name, p.name AS partner_name, s.rrule, s.first_local_start, s.first_local_end,
                       s.title, s.target_group, s.attendees, s.visibility, s.version, s.updated_at, c.time_zone
                FROM cal_series s LEFT JOIN cal_resource r ON r.id = s.resource_id
                LEFT JOIN partner_replica p ON p.partner_id = s.partner_id LEFT JOIN cal_centre c ON c.id = s.centre_id
                WHERE """ + " " + where + " ORDER BY s.first_local_start, s.id")
                .params(params)
                .query((rs, n) -> new FeedSeries(rs.getString("id"), rs.getString("resource_name"), rs.getString("partner_name"),
                        rs.getString("rrule"), rs.getObject("first_local_start", LocalDateTime.class),
                        rs.getObject("first_local_end", LocalDateTime.class), rs.getString("title"), rs.getString("target_group"),
                        (Integer) rs.getObject("attendees"), rs.getString("visibility"), rs.getInt("version"),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant(), zone(rs.getString("time_zone"))))
                .list();
    }

    private static ZoneId zone(String id) {
        return ZoneId.of(id == null ? CalendarProjection.DEFAULT_ZONE : id);
    }
}
