package dk.bindeled.logbook.query;

import dk.bindeled.domain.NotFoundException;
import dk.bindeled.events.DanishLabels;
import dk.bindeled.events.logbook.v1.MeetingType;
import dk.bindeled.ical.FeedTokenStore;
import dk.bindeled.ical.IcalFeeds;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A partner's meetings as an iCalendar feed (RFC 5545, by ical-support's rules, as room booking's feeds): every meeting of
 * its collaborations it is invited to or votes at, from a year back to 400 days ahead. A meeting is a VEVENT with UID
 * {@code <meetingId>@bindeled.dk}, its time in Europe/Copenhagen, its place, and its type and agenda as description.
 * Opened by a feed token of that partner; any other token answers like a feed that does not exist.
 */
@Component
public class MeetingFeed {

    public static final String SCOPE = "PARTNER";
    static final String PRODID = "-//Bindeled//Logbog 1.0//DA";
    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    static final Duration PAST = Duration.ofDays(365);
    static final Duration FUTURE = Duration.ofDays(400);

    private final JdbcClient jdbc;
    private final FeedTokenStore tokens;
    private final Clock clock;

    public MeetingFeed(JdbcClient jdbc, FeedTokenStore tokens, Clock clock) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.clock = clock;
    }

    public String partnerFeed(String partnerId, String token) {
        if (!tokens.opens(token, SCOPE, partnerId)) {
            throw new NotFoundException("No such feed");
        }
        record Row(String id, String type, String title, OffsetDateTime startsAt, OffsetDateTime endsAt, String place) {
        }
        // The partner lists are JSON arrays of ids: a quoted id matches one element exactly.
        String quoted = "%\"" + partnerId.replace("%", "").replace("_", "") + "\"%";
        List<Row> meetings = jdbc.sql("""
                        SELECT meeting_id, type, title, starts_at, ends_at, place FROM meetings
                        WHERE (members LIKE ? OR invited LIKE ?) AND starts_at >= ? AND starts_at < ?
                        ORDER BY starts_at, meeting_id""")
                .params(quoted, quoted, clock.instant().minus(PAST).atOffset(ZoneOffset.UTC), clock.instant().plus(FUTURE).atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new Row(rs.getString("meeting_id"), rs.getString("type"), rs.getString("title"), rs.getObject("starts_at", OffsetDateTime.class),
                        rs.getObject("ends_at", OffsetDateTime.class), rs.getString("place")))
                .list();
        Calendar calendar = IcalFeeds.calendar(PRODID, "Møder i Bindeled", COPENHAGEN, List.of());
        for (Row m : meetings) {
            VEvent event = new VEvent(false);
            event.add(new Uid(m.id() + IcalFeeds.UID_DOMAIN));
            event.add(new DtStamp(clock.instant()));
            event.add(new DtStart<>(m.startsAt().atZoneSameInstant(COPENHAGEN)));
            event.add(new DtEnd<>((m.endsAt() != null ? m.endsAt() : m.startsAt().plusHours(2)).atZoneSameInstant(COPENHAGEN)));
            event.add(new Summary(m.title()));
            event.add(ImmutableStatus.VEVENT_CONFIRMED);
            if (m.place() != null) {
                event.add(new Location(m.place()));
            }
            List<String> agenda = jdbc.sql("SELECT title FROM agenda_items WHERE meeting_id = ? ORDER BY seq").param(m.id()).query(String.class).list();
            StringBuilder description = new StringBuilder(DanishLabels.meetingType(MeetingType.valueOf(m.type())));
            if (!agenda.isEmpty()) {
                description.append(". Dagsorden: ");
                for (int i = 0; i < agenda.size(); i++) {
                    description.append(i == 0 ? "" : "; ").append(i + 1).append(". ").append(agenda.get(i));
                }
            }
            event.add(new Description(description.toString()));
            calendar.add(event);
        }
        return IcalFeeds.write(calendar);
    }
}
