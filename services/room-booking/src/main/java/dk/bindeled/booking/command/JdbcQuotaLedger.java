package dk.bindeled.booking.command;

import dk.bindeled.booking.domain.QuotaLedger;
import dk.bindeled.booking.domain.QuotaPolicy.Limit;
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
    public Optional<Shortfall> tryReserve(String centreId, String partnerId, Map<String, Use> use, Limit limit) {
        List<Map.Entry<String, Use>> done = new ArrayList<>();
        // Weeks in a fixed order, so two series of one partner lock their rows in the same order.
        for (Map.Entry<String, Use> week : new TreeMap<>(use).entrySet()) {
            insertWeek(centreId, partnerId, week.getKey());
            if (add(centreId, partnerId, week.getKey(), week.getValue(), limit) == 0) {
                release(centreId, partnerId, toMap(done));
                return Optional.of(shortfall(centreId, partnerId, week.getKey(), week.getValue()));
            }
            done.add(week);
        }
        return Optional.empty();
    }

    @Override
    public void release(String centreId, String partnerId, Map<String, Use> use) {
        for (Map.Entry<String, Use> week : new TreeMap<>(use).entrySet()) {
            add(centreId, partnerId, week.getKey(), new Use(0, 0).minus(week.getValue()), null);
        }
    }

    @Override
    public Use held(String centreId, String partnerId, String week) {
        return jdbc.sql("SELECT minutes, peak_minutes FROM quota_usage WHERE centre_id = ? AND partner_id = ? AND iso_week = ?")
                .params(centreId, partnerId, week)
                .query((rs, n) -> new Use(rs.getInt("minutes"), rs.getInt("peak_minutes")))
                .optional()
                .orElse(new Use(0, 0));
    }

    @Override
    public Optional<Shortfall> tryMove(String centreId, String partnerId, Map<String, Use> from, Map<String, Use> to, Limit limit) {
        Map<String, Use> change = QuotaLedger.change(from, to);
        List<Map.Entry<String, Use>> done = new ArrayList<>();
        // One statement per week (two where it gains: the row may not exist yet), the weeks in sorted order.
        for (Map.Entry<String, Use> week : change.entrySet()) {
            Use delta = week.getValue();
            boolean gains = delta.minutes() > 0 || delta.peakMinutes() > 0;
            if (gains) {
                insertWeek(centreId, partnerId, week.getKey());
            }
            if (add(centreId, partnerId, week.getKey(), delta, limit == null ? null : limit.where(delta)) == 0 && gains) {
                // Back out in the same order, on rows this transaction holds already: no new lock is taken.
                for (Map.Entry<String, Use> undo : done) {
                    add(centreId, partnerId, undo.getKey(), new Use(0, 0).minus(undo.getValue()), null);
                }
                return Optional.of(shortfall(centreId, partnerId, week.getKey(), delta));
            }
            done.add(week);
        }
        return Optional.empty();
    }

    private void insertWeek(String centreId, String partnerId, String week) {
        jdbc.sql("INSERT INTO quota_usage (centre_id, partner_id, iso_week, minutes, peak_minutes) VALUES (?, ?, ?, 0, 0) ON CONFLICT DO NOTHING")
                .params(centreId, partnerId, week).update();
    }

    /** Adds a (possibly negative) change to one week, within each part of the limit that is set; 0 when it does not fit. */
    private int add(String centreId, String partnerId, String week, Use delta, Limit limit) {
        boolean checkMinutes = limit != null && limit.minutes() != null;
        boolean checkPeak = limit != null && limit.peakMinutes() != null;
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
            statement = statement.param("limit", limit.minutes());
        }
        if (checkPeak) {
            statement = statement.param("peakLimit", limit.peakMinutes());
        }
        return statement.update();
    }

    private Shortfall shortfall(String centreId, String partnerId, String week, Use wanted) {
        Use held = jdbc.sql("SELECT minutes, peak_minutes FROM quota_usage WHERE centre_id = ? AND partner_id = ? AND iso_week = ?")
                .params(centreId, partnerId, week)
                .query((rs, n) -> new Use(rs.getInt("minutes"), rs.getInt("peak_minutes"))).single();
        return new Shortfall(week, held, wanted);
    }

    private static Map<String, Use> toMap(List<Map.Entry<String, Use>> entries) {
        Map<String, Use> map = new TreeMap<>();
        entries.forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }
}
