package dk.bindeled.logbook.query;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the other services did for a collaboration, as counts and categories only: the rooms booked for its meetings
 * through room booking, by where each booking stands, and the referrals among its partners (both the referring and the
 * receiving one a partner of it) since it started, by how far each has come and by target group. The referrals are
 * kept from {@code bindeled.referral.v1} ({@link #referral}); the rooms are the meetings' own.
 */
@Component
public class LinkedActivity {

    /** Counts by category; {@code total} the sum. */
    public record Counts(int total, Map<String, Integer> byCategory) {
    }

    /** {@code rooms} by room booking's status of each meeting's booking; {@code referrals} by status and by target group. */
    public record Links(Counts rooms, Counts referrals, Counts referralsByTargetGroup) {
    }

    private final JdbcClient jdbc;

    public LinkedActivity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A referral's latest step; its pair and when it was first sent stay as first recorded. */
    public void referral(String referralId, String referrer, String recipient, String targetGroup, String status, Instant at) {
        int updated = jdbc.sql("UPDATE referral_links SET status = ?, target_group = COALESCE(?, target_group), updated_at = ? WHERE referral_id = ?")
                .params(status, targetGroup, Timestamp.from(at), referralId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO referral_links (referral_id, referrer, recipient, target_group, status, sent_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(referralId, referrer, recipient, targetGroup, status, Timestamp.from(at), Timestamp.from(at)).update();
        }
    }

    /** A referral entered in error never happened: it leaves the counts. */
    public void forget(String referralId) {
        jdbc.sql("DELETE FROM referral_links WHERE referral_id = ?").param(referralId).update();
    }

    public Links of(String collaborationId, List<String> partners) {
        Map<String, Integer> rooms = counts(jdbc.sql("""
                        SELECT room_status AS category, COUNT(*) AS n FROM meetings
                        WHERE collaboration_id = ? AND room_status IS NOT NULL GROUP BY room_status ORDER BY room_status""")
                .param(collaborationId).query((rs, i) -> Map.entry(rs.getString("category"), rs.getInt("n"))).list());
        if (partners.size() < 2) {
            return new Links(total(rooms), total(Map.of()), total(Map.of()));
        }
        String in = String.join(", ", partners.stream().map(p -> "?").toList());
        String where = " FROM referral_links WHERE referrer IN (" + in + ") AND recipient IN (" + in + ") AND referrer <> recipient"
                + " AND sent_at >= (SELECT started_at FROM collaborations WHERE collaboration_id = ?)";
        Object[] params = new Object[partners.size() * 2 + 1];
        for (int i = 0; i < partners.size(); i++) {
            params[i] = partners.get(i);
            params[partners.size() + i] = partners.get(i);
        }
        params[params.length - 1] = collaborationId;
        Map<String, Integer> byStatus = counts(jdbc.sql("SELECT status AS category, COUNT(*) AS n" + where + " GROUP BY status ORDER BY status")
                .params(params).query((rs, i) -> Map.entry(rs.getString("category"), rs.getInt("n"))).list());
        Map<String, Integer> byGroup = counts(jdbc.sql("SELECT COALESCE(target_group, 'UNKNOWN') AS category, COUNT(*) AS n" + where
                        + " GROUP BY COALESCE(target_group, 'UNKNOWN') ORDER BY 1")
                .params(params).query((rs, i) -> Map.entry(rs.getString("category"), rs.getInt("n"))).list());
        return new Links(total(rooms), total(byStatus), total(byGroup));
    }

    private static Map<String, Integer> counts(List<Map.Entry<String, Integer>> rows) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        rows.forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    private static Counts total(Map<String, Integer> counts) {
        return new Counts(counts.values().stream().mapToInt(Integer::intValue).sum(), Map.copyOf(counts));
    }
}
