package dk.bindeled.booking.config;

import dk.bindeled.booking.api.Quota;
import dk.bindeled.booking.domain.QuotaLedger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Quota use in the service's database, changed on the command's own connection and transaction. The
 * conditional update checks and adds in one statement under the row's lock, so two bookings of one
 * partner on different resources queue for the row instead of both passing the check.
 */
@Component
public class JdbcQuotaLedger implements QuotaLedger {

    private final JdbcClient jdbc;

    public JdbcQuotaLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> tryReserve(String centreId, String partnerId, Map<String, Use> use, Quota limit) {
        List<Map.Entry<String, Use>> done = new ArrayList<>();
        // Weeks in a fixed order, so two series of one partner lock their rows in the same order.
        for (Map.Entry<String, Use> week : new TreeMap<>(use).entrySet()) {
            jdbc.sql("INSERT INTO quota_usage (centre_id, partner_id, iso_week, minutes, peak_minutes) VALUES (?, ?, ?, 0, 0) ON CONFLICT DO NOTHING")
                    .params(centreId, partnerId, week.getKey()).update();
            StringBuilder sql = new StringBuilder("UPDATE quota_usage SET minutes = minutes + :minutes, peak_minutes = peak_minutes + :peak"
                    + " WHERE centre_id = :centre AND partner_id = :partner AND iso_week = :week");
            if (limit != null && limit.hoursPerWeek() != null) {
                sql.append(" AND minutes + :minutes <= :limit");
            }
            if (limit != null && limit.peakHoursPerWeek() != null) {
                sql.append(" AND peak_minutes + :peak <= :peakLimit");
            }
            JdbcClient.StatementSpec statement = jdbc.sql(sql.toString())
                    .param("minutes", week.getValue().minutes()).param("peak", week.getValue().peakMinutes())
                    .param("centre", centreId).param("partner", partnerId).param("week", week.getKey());
            if (limit != null && limit.hoursPerWeek() != null) {
                statement = statement.param("limit", limit.hoursPerWeek() * 60);
            }
            if (limit != null && limit.peakHoursPerWeek() != null) {
                statement = statement.param("peakLimit", limit.peakHoursPerWeek() * 60);
            }
            if (statement.update() == 0) {
                release(centreId, partnerId, toMap(done));
                return Optional.of(refusal(centreId, partnerId, week.getKey(), week.getValue(), limit));
            }
            done.add(week);
        }
        return Optional.empty();
    }

    @Override
    public void release(String centreId, String partnerId, Map<String, Use> use) {
        for (Map.Entry<String, Use> week : new TreeMap<>(use).entrySet()) {
            jdbc.sql("""
                    UPDATE quota_usage SET minutes = GREATEST(minutes - ?, 0), peak_minutes = GREATEST(peak_minutes - ?, 0)
                    WHERE centre_id = ? AND partner_id = ? AND iso_week = ?""")
                    .params(week.getValue().minutes(), week.getValue().peakMinutes(), centreId, partnerId, week.getKey()).update();
        }
    }

    @Override
    public Optional<String> tryMove(String centreId, String partnerId, Map<String, Use> from, Map<String, Use> to, Quota limit) {
        Map<String, Use> change = QuotaLedger.change(from, to);
        List<Map.Entry<String, Use>> done = new ArrayList<>();
        // One statement per week (two where it gains: the row may not exist yet), the weeks in sorted order.
        for (Map.Entry<String, Use> week : change.entrySet()) {
            Use delta = week.getValue();
            boolean gains = delta.minutes() > 0 || delta.peakMinutes() > 0;
            if (gains) {
                jdbc.sql("INSERT INTO quota_usage (centre_id, partner_id, iso_week, minutes, peak_minutes) VALUES (?, ?, ?, 0, 0) ON CONFLICT DO NOTHING")
                        .params(centreId, partnerId, week.getKey()).update();
            }
            if (add(centreId, partnerId, week.getKey(), delta, limit) == 0 && gains) {
                // Back out in the same order, on rows this transaction holds already: no new lock is taken.
                for (Map.Entry<String, Use> undo : done) {
                    add(centreId, partnerId, undo.getKey(), new Use(0, 0).minus(undo.getValue()), null);
                }
                return Optional.of(refusal(centreId, partnerId, week.getKey(), delta, limit));
            }
            done.add(week);
        }
        return Optional.empty();
    }

    /** Adds a (possibly negative) change to one week, within the limit in each part the change adds to. */
    private int add(String centreId, String partnerId, String week, Use delta, Quota limit) {
        boolean checkMinutes = limit != null && limit.hoursPerWeek() != null && delta.minutes() > 0;
        boolean checkPeak = limit != null && limit.peakHoursPerWeek() != null && delta.peakMinutes() > 0;
        StringBuilder sql = new StringBuilder("UPDATE quota_usage SET minutes = GREATEST(minutes + :minutes, 0),"
                + " peak_minutes = GREATEST(peak_minutes + :peak, 0)"
                + " WHERE centre_id = :centre AND partner_id = :partner AND iso_week = :week");
        if (checkMinutes) {
            sql.append(" AND minutes + :minutes <= :limit");
        }
        if (checkPeak) {
            sql.append(" AND peak_minutes + :peak <= :peakLimit");
        }
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString())
                .param("minutes", delta.minutes()).param("peak", delta.peakMinutes())
                .param("centre", centreId).param("partner", partnerId).param("week", week);
        if (checkMinutes) {
            statement = statement.param("limit", limit.hoursPerWeek() * 60);
        }
        if (checkPeak) {
            statement = statement.param("peakLimit", limit.peakHoursPerWeek() * 60);
        }
        return statement.update();
    }

    private String refusal(String centreId, String partnerId, String week, Use wanted, Quota limit) {
        Use held = jdbc.sql("SELECT minutes, peak_minutes FROM quota_usage WHERE centre_id = ? AND partner_id = ? AND iso_week = ?")
                .params(centreId, partnerId, week)
                .query((rs, n) -> new Use(rs.getInt("minutes"), rs.getInt("peak_minutes"))).single();
        if (limit.hoursPerWeek() != null && held.minutes() + wanted.minutes() > limit.hoursPerWeek() * 60) {
            return String.format("The partner's quota in this centre is %d hours per week; in %s it already holds %s hours and this needs %s more",
                    limit.hoursPerWeek(), week, hours(held.minutes()), hours(wanted.minutes()));
        }
        return String.format("The partner's quota in this centre is %d hours per week in peak time; in %s it already holds %s peak hours and this needs %s more",
                limit.peakHoursPerWeek(), week, hours(held.peakMinutes()), hours(wanted.peakMinutes()));
    }

    private static String hours(int minutes) {
        return minutes % 60 == 0 ? String.valueOf(minutes / 60) : String.format(java.util.Locale.ROOT, "%.1f", minutes / 60.0);
    }

    private static Map<String, Use> toMap(List<Map.Entry<String, Use>> entries) {
        Map<String, Use> map = new TreeMap<>();
        entries.forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }
}
