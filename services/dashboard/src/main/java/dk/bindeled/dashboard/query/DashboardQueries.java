package dk.bindeled.dashboard.query;

import dk.bindeled.events.DanishLabels;
import dk.bindeled.events.partner.v1.Sector;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads the dashboard's read model. */
@Component
public class DashboardQueries {

    public static final int MAX_CHANGES = 100;

    /** An offer counts while it is active and its partner has not been deactivated (unknown partners count). */
    private static final String LIVE_OFFER = """
            o.status = 'ACTIVE'
            AND NOT EXISTS (SELECT 1 FROM partners p WHERE p.partner_id = o.partner_id AND p.active = FALSE)""";

    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;

    public DashboardQueries(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        // One snapshot for all the counts, so the totals and the breakdowns agree with each other.
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    public Overview overview(int changes) {
        if (changes < 1 || changes > MAX_CHANGES) {
            throw new IllegalArgumentException("changes must be between 1 and " + MAX_CHANGES + ", was " + changes);
        }
        return snapshot.execute(status -> new Overview(
                count("SELECT COUNT(*) FROM partners WHERE active = TRUE"),
                count("SELECT COUNT(*) FROM offers o WHERE " + LIVE_OFFER),
                count("SELECT COUNT(*) FROM offers o WHERE " + LIVE_OFFER + " AND o.capacity_available > 0"),
                count("""
                        SELECT COUNT(*) FROM shared_resources r
                        WHERE NOT EXISTS (SELECT 1 FROM partners p WHERE p.partner_id = r.partner_id AND p.active = FALSE)"""),
                bySector(),
                byCentre(),
                byTargetGroup(),
                latestChanges(changes),
                newestEventTime().orElse(null)));
    }

    /** {@code ce_time} of the newest event applied; the pruned change feed always keeps the newest. */
    public Optional<Instant> newestEventTime() {
        return jdbc.sql("SELECT MAX(occurred_at) FROM latest_changes")
                .query((rs, row) -> instant(rs, 1))
                .optional();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private List<Overview.SectorCount> bySector() {
        Map<String, Long> counts = jdbc.sql("SELECT sector, COUNT(*) AS n FROM partners WHERE active = TRUE GROUP BY sector")
                .query((rs, row) -> Map.entry(rs.getString("sector"), rs.getLong("n")))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        // Every sector is listed, so the page shows a stable set of figures including zeroes.
        return Arrays.stream(Sector.values())
                .map(s -> new Overview.SectorCount(s.name(), DanishLabels.sector(s), counts.getOrDefault(s.name(), 0L)))
                .toList();
    }

    private List<Overview.CentreCount> byCentre() {
        return jdbc.sql("""
                        SELECT c.centre_id, c.centre_name, COUNT(*) AS n
                        FROM centre_memberships m
                        JOIN centres c ON c.centre_id = m.centre_id
                        JOIN partners p ON p.partner_id = m.partner_id AND p.active = TRUE
                        GROUP BY c.centre_id, c.centre_name
                        ORDER BY n DESC, c.centre_name, c.centre_id""")
                .query((rs, row) -> new Overview.CentreCount(rs.getString("centre_id"), rs.getString("centre_name"), rs.getLong("n")))
                .list();
    }

    private List<Overview.TargetGroupCount> byTargetGroup() {
        return jdbc.sql("""
                        SELECT g.target_group, COUNT(*) AS n
                        FROM offer_target_groups g
                        JOIN offers o ON o.partner_id = g.partner_id AND o.offer_id = g.offer_id
                        WHERE %s
                        GROUP BY g.target_group
                        ORDER BY n DESC, g.target_group""".formatted(LIVE_OFFER))
                .query((rs, row) -> new Overview.TargetGroupCount(rs.getString("target_group"),
                        DanishLabels.targetGroup(rs.getString("target_group")), rs.getLong("n")))
                .list();
    }

    private List<Change> latestChanges(int limit) {
        return jdbc.sql("""
                        SELECT ce_id, ce_type, subject, summary, occurred_at
                        FROM latest_changes
                        ORDER BY occurred_at DESC, seq DESC
                        LIMIT ?""")
                .param(limit)
                .query((rs, row) -> new Change(rs.getString("ce_id"), rs.getString("ce_type"), rs.getString("subject"),
                        rs.getString("summary"), instant(rs, 5)))
                .list();
    }

    /**
     * The changes of the feed with these CloudEvent ids, in the order of the ids; ids no longer in the feed
     * (pruned since) are left out.
     */
    public List<Change> changes(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String placeholders = String.join(", ", Collections.nCopies(ids.size(), "?"));
        Map<String, Change> byId = new HashMap<>();
        jdbc.sql("SELECT ce_id, ce_type, subject, summary, occurred_at FROM latest_changes WHERE ce_id IN (" + placeholders + ")")
                .params(ids.toArray())
                .query((rs, row) -> new Change(rs.getString("ce_id"), rs.getString("ce_type"), rs.getString("subject"),
                        rs.getString("summary"), instant(rs, 5)))
                .list()
                .forEach(change -> byId.put(change.id(), change));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
