package dk.bindeled.dashboard.query;

import dk.bindeled.events.DanishLabels;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the referral flow: counts and the median time to first contact, per target group and receiving partner. */
@Component
public class ReferralFlowQueries {

    private static final Set<String> ACCEPTED = Set.of("ACCEPTED", "CONTACT_MADE", "CONTACT_FAILED", "COMPLETED");

    private final JdbcClient jdbc;

    public ReferralFlowQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Referral(String targetGroup, String recipient, String recipientName, String status, String declineReason,
                            String overdue, OffsetDateTime sentAt, OffsetDateTime firstContactAt) {
    }

    public ReferralFlow flow() {
        // A house has hundreds of referrals a year, not millions: read once, count here.
        List<Referral> all = jdbc.sql("""
                        SELECT f.target_group, f.recipient, p.name AS recipient_name, f.status, f.decline_reason, f.overdue, f.sent_at,
                               f.first_contact_at
                        FROM referral_flow f LEFT JOIN partners p ON p.partner_id = f.recipient""")
                .query((rs, n) -> new Referral(rs.getString("target_group"), rs.getString("recipient"), rs.getString("recipient_name"),
                        rs.getString("status"), rs.getString("decline_reason"), rs.getString("overdue"),
                        rs.getObject("sent_at", OffsetDateTime.class), rs.getObject("first_contact_at", OffsetDateTime.class)))
                .list();
        return new ReferralFlow(row("ALL", "Alle", all),
                group(all, r -> r.targetGroup() == null ? "NONE" : r.targetGroup(),
                        key -> "NONE".equals(key) ? "Ingen bestemt" : DanishLabels.targetGroup(key)),
                group(all, Referral::recipient, key -> all.stream().filter(r -> key.equals(r.recipient()) && r.recipientName() != null)
                        .map(Referral::recipientName).findFirst().orElse("aktør " + key)));
    }

    private static List<ReferralFlow.Row> group(List<Referral> all, Function<Referral, String> key, Function<String, String> label) {
        Map<String, List<Referral>> groups = all.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
        List<ReferralFlow.Row> rows = new ArrayList<>();
        groups.forEach((k, referrals) -> rows.add(row(k, label.apply(k), referrals)));
        rows.sort(Comparator.comparingLong(ReferralFlow.Row::sent).reversed().thenComparing(ReferralFlow.Row::label));
        return rows;
    }

    private static ReferralFlow.Row row(String key, String label, List<Referral> referrals) {
        Map<String, Long> declined = new LinkedHashMap<>();
        referrals.stream().filter(r -> "DECLINED".equals(r.status()) && r.declineReason() != null)
                .forEach(r -> declined.merge(r.declineReason(), 1L, Long::sum));
        List<Double> hours = referrals.stream().filter(r -> r.firstContactAt() != null)
                .map(r -> Duration.between(r.sentAt(), r.firstContactAt()).toMinutes() / 60.0).sorted().toList();
        Double median = hours.isEmpty() ? null : Math.round((hours.size() % 2 == 1 ? hours.get(hours.size() / 2)
                : (hours.get(hours.size() / 2 - 1) + hours.get(hours.size() / 2)) / 2) * 10) / 10.0;
        return new ReferralFlow.Row(key, label, referrals.size(), referrals.stream().filter(r -> ACCEPTED.contains(r.status())).count(),
                referrals.stream().filter(r -> "DECLINED".equals(r.status())).count(), declined,
                referrals.stream().filter(r -> "COMPLETED".equals(r.status())).count(),
                referrals.stream().filter(r -> r.overdue() != null).count(), median);
    }
}
