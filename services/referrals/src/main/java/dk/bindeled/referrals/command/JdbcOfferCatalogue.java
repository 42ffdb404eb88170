package dk.bindeled.referrals.command;

import dk.bindeled.events.partner.v1.TargetGroup;
import dk.bindeled.referrals.domain.OfferCatalogue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The offer replica (integration/in fills it from bindeled.partner.v1), read in the command's transaction. */
@Component
public class JdbcOfferCatalogue implements OfferCatalogue {

    /** How many alternatives a refusal or a page names. */
    static final int ALTERNATIVES = 5;

    private static final String SELECT = """
            SELECT o.offer_id, o.partner_id, p.name AS partner_name, o.title, o.status, o.capacity_available, o.target_groups, o.answer_working_days, o.contact_days,
                   COALESCE(p.active, TRUE) AS partner_active
            FROM offer_replica o LEFT JOIN partner_replica p ON p.partner_id = o.partner_id""";

    private final JdbcClient jdbc;

    public JdbcOfferCatalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Offer> offer(String offerId) {
        return jdbc.sql(SELECT + " WHERE o.offer_id = ?").param(offerId).query(JdbcOfferCatalogue::offer).optional();
    }

    @Override
    public List<java.util.Map<String, Object>> live() {
        return jdbc.sql(SELECT + " WHERE o.status = 'ACTIVE' ORDER BY p.name, o.title").query(JdbcOfferCatalogue::offer).list().stream()
                .filter(Offer::live)
                .map(o -> {
                    java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
                    row.put("offerId", o.offerId());
                    row.put("title", o.title());
                    row.put("partnerId", o.partnerId());
                    row.put("partnerName", o.partnerName());
                    row.put("available", o.available());
                    row.put("targetGroups", o.targetGroups());
                    return row;
                })
                .toList();
    }

    @Override
    public List<Offer> alternatives(TargetGroup targetGroup, String excludingOfferId) {
        // Few enough to filter here: the target groups are a list in one column, portable between PostgreSQL and H2.
        return jdbc.sql(SELECT + " WHERE o.status = 'ACTIVE' AND o.offer_id <> ? AND (o.capacity_available IS NULL OR o.capacity_available > 0)"
                        + " ORDER BY o.capacity_available DESC NULLS LAST, o.title")
                .param(excludingOfferId)
                .query(JdbcOfferCatalogue::offer).list().stream()
                .filter(o -> o.live() && o.targetGroups().contains(targetGroup))
                .limit(ALTERNATIVES)
                .toList();
    }

    private static Offer offer(ResultSet rs, int row) throws SQLException {
        String groups = rs.getString("target_groups");
        List<TargetGroup> targetGroups = groups == null || groups.isBlank() ? List.of()
                : Arrays.stream(groups.split(",")).map(TargetGroup::valueOf).toList();
        Integer available = (Integer) rs.getObject("capacity_available");
        Integer answer = (Integer) rs.getObject("answer_working_days");
        Integer contact = (Integer) rs.getObject("contact_days");
        return new Offer(rs.getString("offer_id"), rs.getString("partner_id"), rs.getString("partner_name"), rs.getString("title"),
                "ACTIVE".equals(rs.getString("status")) && rs.getBoolean("partner_active"), available, targetGroups,
                answer == null && contact == null ? null : new dk.bindeled.events.partner.v1.ReferralTerms(answer, contact));
    }
}
