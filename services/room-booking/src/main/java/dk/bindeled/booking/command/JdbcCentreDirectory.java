package dk.bindeled.booking.command;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.bindeled.booking.api.Events.CentreDefined;
import dk.bindeled.booking.api.Events.PartnerQuotaSet;
import dk.bindeled.booking.api.Quota;
import dk.bindeled.booking.api.TimeWindow;
import dk.bindeled.booking.domain.CentreDirectory;
import dk.bindeled.booking.domain.CentreRules;
import dk.bindeled.booking.domain.OpeningHours;
import dk.bindeled.booking.domain.PeakTime;
import dk.bindeled.booking.domain.QuotaPolicy;
import dk.bindeled.events.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The centres' rules as the command side reads them. Written by a subscribing handler, in the same
 * transaction as the centre's events, so a booking never sees rules older than the last stored change.
 */
@Component
@ProcessingGroup(JdbcCentreDirectory.PROCESSING_GROUP)
public class JdbcCentreDirectory implements CentreDirectory {

    /** A subscribing processor (application.yml): the rules change in the transaction that stores the centre's events. */
    public static final String PROCESSING_GROUP = "centre-rules";

    private static final ObjectMapper JSON = EventJson.mapper();

    private final JdbcClient jdbc;

    public JdbcCentreDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CentreDefined event) {
        Quota quota = event.defaultQuota();
        jdbc.sql("DELETE FROM centre_rules WHERE centre_id = ?").param(event.centreId()).update();
        jdbc.sql("""
                INSERT INTO centre_rules (centre_id, time_zone, manager_partner_id, cancellation_notice_hours, opening_hours,
                                          peak_hours, default_hours_per_week, default_peak_hours_per_week)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(event.centreId(), event.timeZone(), event.managerPartnerId(), event.cancellationNoticeHours(),
                        write(event.openingHours()), write(event.peakHours()),
                        quota == null ? null : quota.hoursPerWeek(), quota == null ? null : quota.peakHoursPerWeek())
                .update();
    }

    @EventHandler
    void on(dk.bindeled.booking.api.Events.ResourceDefined event) {
        jdbc.sql("DELETE FROM centre_resource WHERE resource_id = ?").param(event.resourceId()).update();
        jdbc.sql("INSERT INTO centre_resource (resource_id, centre_id) VALUES (?, ?)").params(event.resourceId(), event.centreId()).update();
    }

    @EventHandler
    void on(PartnerQuotaSet event) {
        jdbc.sql("DELETE FROM centre_partner_quota WHERE centre_id = ? AND partner_id = ?")
                .params(event.centreId(), event.partnerId()).update();
        jdbc.sql("INSERT INTO centre_partner_quota (centre_id, partner_id, hours_per_week, peak_hours_per_week) VALUES (?, ?, ?, ?)")
                .params(event.centreId(), event.partnerId(), event.quota() == null ? null : event.quota().hoursPerWeek(),
                        event.quota() == null ? null : event.quota().peakHoursPerWeek())
                .update();
    }

    /**
     * Every command reads its centre's rules from the table (another instance may have changed them a moment ago), but
     * the same JSON need not be parsed again: parsing it took 3 % of the service's CPU in the booking benchmark. Keyed by the JSON itself, so a
     * change is a new key; the values are immutable, and the few distinct ones are kept (emptied should they pile up).
     */
    private static final ParsedCache<OpeningHours> OPENING_HOURS = new ParsedCache<>();
    private static final ParsedCache<PeakTime> PEAK_TIMES = new ParsedCache<>();

    private static final class ParsedCache<T> {
        private static final int MAX_ENTRIES = 1_000;
        private final java.util.concurrent.ConcurrentHashMap<String, T> parsed = new java.util.concurrent.ConcurrentHashMap<>();

        T computeIfAbsent(String json, java.util.function.Function<String, T> parse) {
            if (parsed.size() > MAX_ENTRIES) {
                parsed.clear();
            }
            return parsed.computeIfAbsent(json, parse);
        }
    }

    @Override
    public Optional<CentreRules> rules(String centreId) {
        return jdbc.sql("SELECT * FROM centre_rules WHERE centre_id = ?").param(centreId)
                .query((rs, n) -> new CentreRules(rs.getString("centre_id"), ZoneId.of(rs.getString("time_zone")),
                        rs.getString("manager_partner_id"), rs.getInt("cancellation_notice_hours"),
                        OPENING_HOURS.computeIfAbsent(rs.getString("opening_hours"), json -> new OpeningHours(read(json,
                                new TypeReference<List<dk.bindeled.events.booking.v1.OpeningHours>>() { }))),
                        PEAK_TIMES.computeIfAbsent(rs.getString("peak_hours"),
                                json -> new PeakTime(read(json, new TypeReference<List<TimeWindow>>() { }))),
                        new Quota(nullableInt(rs, "default_hours_per_week"), nullableInt(rs, "default_peak_hours_per_week"))))
                .optional();
    }

    @Override
    public Quota quotaOf(String centreId, String partnerId) {
        Optional<Quota> own = jdbc.sql("SELECT hours_per_week, peak_hours_per_week FROM centre_partner_quota WHERE centre_id = ? AND partner_id = ?")
                .params(centreId, partnerId)
                .query((rs, n) -> new Quota(nullableInt(rs, "hours_per_week"), nullableInt(rs, "peak_hours_per_week")))
                .optional();
        return QuotaPolicy.applying(own, () -> rules(centreId).map(CentreRules::defaultQuota));
    }

    @Override
    public Optional<String> centreOf(String resourceId) {
        return jdbc.sql("SELECT centre_id FROM centre_resource WHERE resource_id = ?").param(resourceId).query(String.class).optional();
    }

    private static Integer nullableInt(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
