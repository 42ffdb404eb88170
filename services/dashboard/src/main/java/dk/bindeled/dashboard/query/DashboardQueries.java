package dk.bindeled.dashboard.query;

import dk.bindeled.events.DanishLabels;
import dk.bindeled.events.IsoWeek;
import dk.bindeled.events.partner.v1.Sector;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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

    /**
     * Live offers at the end of each week (Sunday midnight in {@code zone}) from {@code from} to {@code to}, both
     * included, at most {@link CentreQueries#MAX_WEEKS}. The whole history is read once: a house has tens of offers.
     */
    public OffersByWeek offersByWeek(IsoWeek from, IsoWeek to, ZoneId zone) {
        long count = ChronoUnit.WEEKS.between(from.monday(), to.monday()) + 1;
        if (count < 1 || count > CentreQueries.MAX_WEEKS) {
            throw new IllegalArgumentException("from " + from + " to " + to + " must be 1 to " + CentreQueries.MAX_WEEKS + " weeks, was " + count);
        }
        List<IsoWeek> weeks = Stream.iterate(from, w -> IsoWeek.of(w.monday().plusWeeks(1))).limit(count).toList();
        return snapshot.execute(status -> {
            record OfferChange(String offer, String status, Instant at) {
            }
            List<OfferChange> history = jdbc.sql("""
                            SELECT partner_id, offer_id, status, changed_at FROM offer_history
                            ORDER BY changed_at, history_id""")
                    .query((rs, row) -> new OfferChange(rs.getString("partner_id") + "/" + rs.getString("offer_id"), rs.getString("status"),
                            instant(rs, 4)))
                    .list();
            Map<String, List<String>> groupsOf = new HashMap<>();
            jdbc.sql("SELECT partner_id, offer_id, target_group FROM offer_target_groups")
                    .query((rs, row) -> Map.entry(rs.getString("partner_id") + "/" + rs.getString("offer_id"), rs.getString("target_group")))
                    .list()
                    .forEach(e -> groupsOf.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            Map<String, String> sectorOf = new HashMap<>();
            Set<String> deactivated = new HashSet<>();
            jdbc.sql("SELECT partner_id, sector, active FROM partners")
                    .query((rs, row) -> {
                        sectorOf.put(rs.getString("partner_id"), rs.getString("sector"));
                        if (!rs.getBoolean("active")) {
                            deactivated.add(rs.getString("partner_id"));
                        }
                        return null;
                    })
                    .list();

            Map<String, long[]> byGroup = new TreeMap<>();
            Map<String, long[]> bySector = new LinkedHashMap<>();
            Arrays.stream(Sector.values()).forEach(sector -> bySector.put(sector.name(), new long[weeks.size()]));
            Map<String, String> statusNow = new HashMap<>();
            int next = 0;
            for (int i = 0; i < weeks.size(); i++) {
                Instant end = weeks.get(i).monday().plusDays(7).atStartOfDay(zone).toInstant();
                while (next < history.size() && history.get(next).at().isBefore(end)) {
                    statusNow.put(history.get(next).offer(), history.get(next).status());
                    next++;
                }
                for (Map.Entry<String, String> offer : statusNow.entrySet()) {
                    String partner = offer.getKey().substring(0, offer.getKey().indexOf('/'));
                    if (!"ACTIVE".equals(offer.getValue()) || deactivated.contains(partner)) {
                        continue;
                    }
                    for (String group : groupsOf.getOrDefault(offer.getKey(), List.of())) {
                        byGroup.computeIfAbsent(group, g -> new long[weeks.size()])[i]++;
                    }
                    long[] sector = bySector.get(sectorOf.get(partner));
                    if (sector != null) {
                        sector[i]++;
                    }
                }
            }
            return new OffersByWeek(weeks.stream().map(IsoWeek::toString).toList(),
                    byGroup.entrySet().stream()
                            .map(e -> new OffersByWeek.Series(e.getKey(), DanishLabels.targetGroup(e.getKey()), counts(e.getValue())))
                            .toList(),
                    bySector.entrySet().stream()
                            .map(e -> new OffersByWeek.Series(e.getKey(), DanishLabels.sector(Sector.valueOf(e.getKey())), counts(e.getValue())))
                            .toList());
        });
    }

    private static List<Long> counts(long[] values) {
        return Arrays.stream(values).boxed().toList();
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
