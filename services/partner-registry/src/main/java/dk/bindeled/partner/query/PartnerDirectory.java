package dk.bindeled.partner.query;

import com.fasterxml.jackson.core.type.TypeReference;
import dk.bindeled.events.EventJson;
import dk.bindeled.events.partner.v1.Capacity;
import dk.bindeled.events.partner.v1.MembershipRole;
import dk.bindeled.events.partner.v1.OfferLocation;
import dk.bindeled.events.partner.v1.OfferStatus;
import dk.bindeled.events.partner.v1.PartnerKind;
import dk.bindeled.events.partner.v1.ResourceCategory;
import dk.bindeled.events.partner.v1.Sector;
import dk.bindeled.events.partner.v1.TargetGroup;
import dk.bindeled.events.partner.v1.WeeklySchedule;
import dk.bindeled.partner.query.Views.ContactView;
import dk.bindeled.partner.query.Views.DirectoryFilter;
import dk.bindeled.partner.query.Views.HistoryEntry;
import dk.bindeled.partner.query.Views.MembershipView;
import dk.bindeled.partner.query.Views.OfferView;
import dk.bindeled.partner.query.Views.Page;
import dk.bindeled.partner.query.Views.PartnerProfileView;
import dk.bindeled.partner.query.Views.PartnerSummary;
import dk.bindeled.partner.query.Views.PartnerView;
import dk.bindeled.partner.query.Views.ResourceView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Queries on the directory projection. Never reads the event store. */
@Service
@Transactional(readOnly = true)
public class PartnerDirectory {

    private static final TypeReference<List<WeeklySchedule>> SCHEDULES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    public PartnerDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page<PartnerSummary> search(DirectoryFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!filter.includeInactive()) {
            where.append(" AND p.active = TRUE");
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.append(" AND (LOWER(p.name) LIKE :text OR LOWER(COALESCE(p.description, '')) LIKE :text"
                    + " OR EXISTS (SELECT 1 FROM offer o WHERE o.partner_id = p.id AND o.withdrawn = FALSE"
                    + " AND (LOWER(o.title) LIKE :text OR LOWER(COALESCE(o.description, '')) LIKE :text)))");
            params.put("text", "%" + escapeLike(filter.text().toLowerCase(Locale.ROOT).trim()) + "%");
        }
        if (filter.sector() != null) {
            where.append(" AND p.sector = :sector");
            params.put("sector", filter.sector().name());
        }
        if (filter.kind() != null) {
            where.append(" AND p.kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.centreId() != null && !filter.centreId().isBlank()) {
            where.append(" AND EXISTS (SELECT 1 FROM partner_centre c WHERE c.partner_id = p.id AND c.centre_id = :centre)");
            params.put("centre", filter.centreId());
        }
        if (filter.targetGroup() != null || filter.withFreeCapacity()) {
            where.append(" AND EXISTS (SELECT 1 FROM offer o WHERE o.partner_id = p.id AND o.withdrawn = FALSE AND o.status = 'ACTIVE'");
            if (filter.targetGroup() != null) {
                where.append(" AND EXISTS (SELECT 1 FROM offer_target_group g WHERE g.offer_id = o.id AND g.target_group = :group)");
                params.put("group", filter.targetGroup().name());
            }
            if (filter.withFreeCapacity()) {
                where.append(" AND o.capacity_available > 0");
            }
            where.append(")");
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM partner p" + where).params(params).query(Long.class).single();
        List<PartnerSummary> items = jdbc.sql("""
                        SELECT p.id, p.name, p.sector, p.kind, p.active,
                               (SELECT COUNT(*) FROM offer o WHERE o.partner_id = p.id AND o.withdrawn = FALSE) AS open_offers
                        FROM partner p""" + where + " ORDER BY LOWER(p.name), p.id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> new PartnerSummary(rs.getString("id"), rs.getString("name"), Sector.valueOf(rs.getString("sector")),
                        PartnerKind.valueOf(rs.getString("kind")), rs.getBoolean("active"), new ArrayList<>(), rs.getInt("open_offers")))
                .list();
        if (!items.isEmpty()) {
            Map<String, PartnerSummary> byId = new HashMap<>();
            items.forEach(s -> byId.put(s.id(), s));
            jdbc.sql("SELECT partner_id, COALESCE(centre_name, centre_id) AS centre FROM partner_centre WHERE partner_id IN (:ids) ORDER BY centre")
                    .param("ids", byId.keySet())
                    .query(rs -> {
                        byId.get(rs.getString("partner_id")).centres().add(rs.getString("centre"));
                    });
        }
        return Page.of(items, page, size, total);
    }

    public Optional<PartnerView> find(String partnerId) {
        return jdbc.sql("SELECT * FROM partner WHERE id = ?").param(partnerId)
                .query((rs, n) -> new PartnerView(rs.getString("id"), rs.getString("name"), Sector.valueOf(rs.getString("sector")),
                        PartnerKind.valueOf(rs.getString("kind")), rs.getString("cvr"), rs.getString("description"),
                        rs.getString("website"), rs.getString("email"), rs.getString("phone"), rs.getBoolean("active"),
                        rs.getString("deactivation_reason"), rs.getObject("registered_at", OffsetDateTime.class),
                        rs.getObject("updated_at", OffsetDateTime.class), contacts(partnerId), offersOf(List.of(partnerId)),
                        resources(partnerId), memberships(partnerId)))
                .optional();
    }

    public boolean exists(String partnerId) {
        return jdbc.sql("SELECT COUNT(*) FROM partner WHERE id = ?").param(partnerId).query(Long.class).single() > 0;
    }

    public List<HistoryEntry> history(String partnerId) {
        return jdbc.sql("SELECT * FROM partner_history WHERE partner_id = ? ORDER BY sequence").param(partnerId)
                .query((rs, n) -> new HistoryEntry(rs.getLong("sequence"), rs.getString("event_type"),
                        rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("actor"), rs.getString("summary")))
                .list();
    }

    /** Active partners, by name: one page, in two statements. */
    public Page<PartnerProfileView> activeProfiles(int page, int size) {
        long total = jdbc.sql("SELECT COUNT(*) FROM partner WHERE active = TRUE").query(Long.class).single();
        List<PartnerProfileView> items = jdbc.sql("SELECT * FROM partner WHERE active = TRUE ORDER BY LOWER(name), id LIMIT ? OFFSET ?")
                .params(size, (long) page * size).query((rs, n) -> profile(rs)).list();
        return Page.of(items, page, size, total);
    }

    public Optional<PartnerProfileView> profile(String partnerId) {
        return jdbc.sql("SELECT * FROM partner WHERE id = ?").param(partnerId).query((rs, n) -> profile(rs)).optional();
    }

    /** The partners with these ids, in one statement. */
    public Map<String, PartnerProfileView> profiles(Collection<String> partnerIds) {
        if (partnerIds.isEmpty()) {
            return Map.of();
        }
        Map<String, PartnerProfileView> byId = new HashMap<>();
        jdbc.sql("SELECT * FROM partner WHERE id IN (:ids)").param("ids", partnerIds)
                .query((rs, n) -> profile(rs)).list().forEach(p -> byId.put(p.id(), p));
        return byId;
    }

    /**
     * Offers that are not withdrawn, of active partners, by title: one page in three statements (count, offers,
     * their target groups). {@code placedOnly} keeps the offers that say where they take place.
     */
    public Page<OfferView> openOffers(int page, int size, boolean placedOnly) {
        String from = " FROM offer o JOIN partner p ON p.id = o.partner_id WHERE o.withdrawn = FALSE AND p.active = TRUE"
                + (placedOnly ? " AND (o.centre_id IS NOT NULL OR o.address IS NOT NULL)" : "");
        long total = jdbc.sql("SELECT COUNT(*)" + from).query(Long.class).single();
        List<OfferView> items = jdbc.sql("SELECT o.*" + from + " ORDER BY LOWER(o.title), o.id LIMIT ? OFFSET ?")
                .params(size, (long) page * size).query((rs, n) -> offer(rs, new ArrayList<>())).list();
        return Page.of(withTargetGroups(items), page, size, total);
    }

    /** A partner's offers by title, the withdrawn ones too when asked, in two statements. */
    public List<OfferView> offersOf(String partnerId, boolean includeWithdrawn) {
        List<OfferView> offers = jdbc.sql("SELECT * FROM offer WHERE partner_id = ?" + (includeWithdrawn ? "" : " AND withdrawn = FALSE")
                        + " ORDER BY LOWER(title), id")
                .param(partnerId).query((rs, n) -> offer(rs, new ArrayList<>())).list();
        return withTargetGroups(offers);
    }

    public Optional<OfferView> offer(String offerId) {
        return offersById(List.of(offerId)).stream().findFirst();
    }

    public List<ContactView> contacts(String partnerId) {
        return jdbc.sql("SELECT * FROM partner_contact WHERE partner_id = ? ORDER BY name, id").param(partnerId)
                .query((rs, n) -> new ContactView(rs.getString("id"), rs.getString("name"), rs.getString("role"),
                        rs.getString("work_email"), rs.getString("work_phone")))
                .list();
    }

    private List<ResourceView> resources(String partnerId) {
        return jdbc.sql("SELECT * FROM shared_resource WHERE partner_id = ? ORDER BY name, id").param(partnerId)
                .query((rs, n) -> new ResourceView(rs.getString("id"), rs.getString("name"),
                        ResourceCategory.valueOf(rs.getString("category")), rs.getString("description"), rs.getString("terms"),
                        rs.getObject("shared_at", OffsetDateTime.class)))
                .list();
    }

    private List<MembershipView> memberships(String partnerId) {
        return jdbc.sql("SELECT * FROM partner_centre WHERE partner_id = ? ORDER BY centre_id").param(partnerId)
                .query((rs, n) -> new MembershipView(rs.getString("centre_id"), rs.getString("centre_name"),
                        MembershipRole.valueOf(rs.getString("role")), rs.getObject("joined_at", OffsetDateTime.class)))
                .list();
    }

    private List<OfferView> offersOf(Collection<String> partnerIds) {
        List<String> ids = jdbc.sql("SELECT id FROM offer WHERE partner_id IN (:ids) ORDER BY LOWER(title), id")
                .param("ids", partnerIds).query(String.class).list();
        return offersById(ids);
    }

    private List<OfferView> offersById(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, List<TargetGroup>> groups = new HashMap<>();
        jdbc.sql("SELECT offer_id, target_group FROM offer_target_group WHERE offer_id IN (:ids) ORDER BY target_group")
                .param("ids", ids)
                .query(rs -> {
                    groups.computeIfAbsent(rs.getString("offer_id"), k -> new ArrayList<>())
                            .add(TargetGroup.valueOf(rs.getString("target_group")));
                });
        Map<String, OfferView> byId = new HashMap<>();
        jdbc.sql("SELECT * FROM offer WHERE id IN (:ids)").param("ids", ids)
                .query((rs, n) -> offer(rs, groups.getOrDefault(rs.getString("id"), List.of())))
                .list().forEach(o -> byId.put(o.id(), o));
        return ids.stream().map(byId::get).filter(o -> o != null).toList();
    }

    /** Fills in the target groups of the offers (whose lists must be mutable) with one statement. */
    private List<OfferView> withTargetGroups(List<OfferView> offers) {
        if (offers.isEmpty()) {
            return offers;
        }
        Map<String, OfferView> byId = new HashMap<>();
        offers.forEach(o -> byId.put(o.id(), o));
        jdbc.sql("SELECT offer_id, target_group FROM offer_target_group WHERE offer_id IN (:ids) ORDER BY target_group")
                .param("ids", byId.keySet())
                .query(rs -> {
                    byId.get(rs.getString("offer_id")).targetGroups().add(TargetGroup.valueOf(rs.getString("target_group")));
                });
        return offers;
    }

    private static PartnerProfileView profile(ResultSet rs) throws SQLException {
        return new PartnerProfileView(rs.getString("id"), rs.getString("name"), Sector.valueOf(rs.getString("sector")),
                PartnerKind.valueOf(rs.getString("kind")), rs.getString("cvr"), rs.getString("description"), rs.getString("website"),
                rs.getString("email"), rs.getString("phone"), rs.getBoolean("active"), rs.getObject("updated_at", OffsetDateTime.class));
    }

    private static OfferView offer(ResultSet rs, List<TargetGroup> groups) throws SQLException {
        String languages = rs.getString("languages");
        OfferLocation location = rs.getString("centre_id") == null && rs.getString("address") == null ? null
                : new OfferLocation(rs.getString("centre_id"), rs.getString("centre_name"), rs.getString("address"));
        Integer maximum = (Integer) rs.getObject("capacity_maximum");
        Integer available = (Integer) rs.getObject("capacity_available");
        Integer answerDays = (Integer) rs.getObject("referral_answer_days");
        Integer contactDays = (Integer) rs.getObject("referral_contact_days");
        return new OfferView(rs.getString("id"), rs.getString("partner_id"), rs.getString("title"), rs.getString("description"),
                groups, (Integer) rs.getObject("minimum_age"), (Integer) rs.getObject("maximum_age"),
                languages == null || languages.isEmpty() ? List.of() : Arrays.asList(languages.split(",")),
                rs.getString("cost"), schedules(rs.getString("schedules")), location,
                maximum == null && available == null ? null : new Capacity(maximum, available),
                OfferStatus.valueOf(rs.getString("status")), rs.getBoolean("withdrawn"), rs.getString("withdrawal_reason"),
                rs.getObject("updated_at", OffsetDateTime.class), answerDays == null && contactDays == null ? null
                        : new dk.bindeled.events.partner.v1.ReferralTerms(answerDays, contactDays));
    }

    private static List<WeeklySchedule> schedules(String json) {
        try {
            return EventJson.mapper().readValue(json, SCHEDULES);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable schedules in the offer table", e);
        }
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
