package dk.bindeled.dashboard.query;

import dk.bindeled.events.DanishLabels;
import dk.bindeled.events.IntegrationEvent;
import dk.bindeled.events.partner.v1.Capacity;
import dk.bindeled.events.partner.v1.ContactPersonAdded;
import dk.bindeled.events.partner.v1.ContactPersonRemoved;
import dk.bindeled.events.partner.v1.OfferLocation;
import dk.bindeled.events.partner.v1.OfferPublished;
import dk.bindeled.events.partner.v1.OfferStatus;
import dk.bindeled.events.partner.v1.OfferUpdated;
import dk.bindeled.events.partner.v1.OfferWithdrawn;
import dk.bindeled.events.partner.v1.PartnerDeactivated;
import dk.bindeled.events.partner.v1.PartnerEvent;
import dk.bindeled.events.partner.v1.PartnerJoinedCentre;
import dk.bindeled.events.partner.v1.PartnerKind;
import dk.bindeled.events.partner.v1.PartnerLeftCentre;
import dk.bindeled.events.partner.v1.PartnerProfileUpdated;
import dk.bindeled.events.partner.v1.PartnerRegistered;
import dk.bindeled.events.partner.v1.ResourceShared;
import dk.bindeled.events.partner.v1.ResourceWithdrawn;
import dk.bindeled.events.partner.v1.Sector;
import dk.bindeled.events.partner.v1.TargetGroup;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Applies {@code bindeled.partner.v1} events to the read model, with the inbox guarantees of
 * {@link InboxProjection}.
 *
 * <p>Events of one partner arrive in order (the partner id is the record key), so the read-then-write
 * steps below never race with another event of the same partner.
 */
@Component
public class PartnerProjection extends InboxProjection {

    /** Status of an offer the partner withdrew; not one of the contract's statuses, which describe live offers. */
    static final String WITHDRAWN = "WITHDRAWN";

    public PartnerProjection(JdbcClient jdbc, PlatformTransactionManager transactions, ApplicationEventPublisher publisher, Clock clock) {
        super(PartnerEvent.class, jdbc, transactions, publisher, clock);
    }

    @Override
    protected String project(IntegrationEvent event, OffsetDateTime at) {
        return applyPartnerEvent((PartnerEvent) event, at);
    }

    /** Changes the read model and returns the Danish summary of what happened. */
    private String applyPartnerEvent(PartnerEvent event, OffsetDateTime at) {
        if (event instanceof PartnerRegistered e) {
            savePartner(e.partnerId(), e.name(), e.sector(), e.kind(), true, at);
            return "Ny aktør: " + e.name();
        }
        if (event instanceof PartnerProfileUpdated e) {
            savePartner(e.partnerId(), e.name(), e.sector(), e.kind(), false, at);
            return "Profil opdateret: " + e.name();
        }
        if (event instanceof PartnerDeactivated e) {
            jdbc.sql("UPDATE partners SET active = FALSE, updated_at = ? WHERE partner_id = ?")
                    .params(at, e.partnerId())
                    .update();
            return "Aktør deaktiveret: " + partnerName(e.partnerId());
        }
        if (event instanceof ContactPersonAdded e) {
            return "Ny kontaktperson hos " + partnerName(e.partnerId());
        }
        if (event instanceof ContactPersonRemoved e) {
            return "Kontaktperson fjernet hos " + partnerName(e.partnerId());
        }
        if (event instanceof OfferPublished e) {
            saveOffer(e.partnerId(), e.offerId(), e.title(), e.status(), e.location(), e.capacity(), e.targetGroups(), at);
            return "Nyt tilbud: " + e.title() + " (" + partnerName(e.partnerId()) + ")";
        }
        if (event instanceof OfferUpdated e) {
            saveOffer(e.partnerId(), e.offerId(), e.title(), e.status(), e.location(), e.capacity(), e.targetGroups(), at);
            String state = e.status() == OfferStatus.ACTIVE ? "" : " – " + DanishLabels.offerStatus(e.status());
            return "Tilbud opdateret: " + e.title() + " (" + partnerName(e.partnerId()) + ")" + state;
        }
        if (event instanceof OfferWithdrawn e) {
            Optional<String> title = offerTitle(e.partnerId(), e.offerId());
            jdbc.sql("UPDATE offers SET status = ?, updated_at = ? WHERE partner_id = ? AND offer_id = ?")
                    .params(WITHDRAWN, at, e.partnerId(), e.offerId())
                    .update();
            recordStatus(e.partnerId(), e.offerId(), WITHDRAWN, at);
            return title.map(t -> "Tilbud trukket tilbage: " + t + " (" + partnerName(e.partnerId()) + ")")
                    .orElseGet(() -> "Tilbud trukket tilbage hos " + partnerName(e.partnerId()));
        }
        if (event instanceof ResourceShared e) {
            int updated = jdbc.sql("""
                            UPDATE shared_resources SET name = ?, category = ?, shared_at = ?
                            WHERE partner_id = ? AND resource_id = ?""")
                    .params(e.name(), e.category().name(), at, e.partnerId(), e.resourceId())
                    .update();
            if (updated == 0) {
                jdbc.sql("""
                                INSERT INTO shared_resources (partner_id, resource_id, name, category, shared_at)
                                VALUES (?, ?, ?, ?, ?)""")
                        .params(e.partnerId(), e.resourceId(), e.name(), e.category().name(), at)
                        .update();
            }
            return "Deles på delebørsen: " + e.name() + " (" + partnerName(e.partnerId()) + ")";
        }
        if (event instanceof ResourceWithdrawn e) {
            Optional<String> name = jdbc.sql("SELECT name FROM shared_resources WHERE partner_id = ? AND resource_id = ?")
                    .params(e.partnerId(), e.resourceId())
                    .query(String.class)
                    .optional();
            jdbc.sql("DELETE FROM shared_resources WHERE partner_id = ? AND resource_id = ?")
                    .params(e.partnerId(), e.resourceId())
                    .update();
            return name.map(n -> "Fjernet fra delebørsen: " + n + " (" + partnerName(e.partnerId()) + ")")
                    .orElseGet(() -> "Ressource fjernet fra delebørsen hos " + partnerName(e.partnerId()));
        }
        if (event instanceof PartnerJoinedCentre e) {
            String centreName = saveCentre(e.centreId(), e.centreName());
            int updated = jdbc.sql("UPDATE centre_memberships SET role = ? WHERE partner_id = ? AND centre_id = ?")
                    .params(e.role().name(), e.partnerId(), e.centreId())
                    .update();
            if (updated == 0) {
                jdbc.sql("INSERT INTO centre_memberships (partner_id, centre_id, role, joined_at) VALUES (?, ?, ?, ?)")
                        .params(e.partnerId(), e.centreId(), e.role().name(), at)
                        .update();
            }
            return partnerName(e.partnerId()) + " er nu " + DanishLabels.membership(e.role()) + " i " + centreName;
        }
        if (event instanceof PartnerLeftCentre e) {
            jdbc.sql("DELETE FROM centre_memberships WHERE partner_id = ? AND centre_id = ?")
                    .params(e.partnerId(), e.centreId())
                    .update();
            return partnerName(e.partnerId()) + " har forladt " + centreName(e.centreId()).orElse(e.centreId());
        }
        throw new IllegalArgumentException("No projection for " + event.getClass().getName());
    }

    /**
     * Registration (re)activates; a profile update never does, so a late profile change of a deactivated
     * partner does not bring it back. A profile update of a partner never seen registered creates it active.
     */
    private void savePartner(String partnerId, String name, Sector sector, PartnerKind kind, boolean registration, OffsetDateTime at) {
        String activation = registration ? ", active = TRUE" : "";
        int updated = jdbc.sql("UPDATE partners SET name = ?, sector = ?, kind = ?, updated_at = ?" + activation + " WHERE partner_id = ?")
                .params(name, sector.name(), kind.name(), at, partnerId)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO partners (partner_id, name, sector, kind, active, updated_at)
                            VALUES (?, ?, ?, ?, TRUE, ?)""")
                    .params(partnerId, name, sector.name(), kind.name(), at)
                    .update();
        }
    }

    private void saveOffer(String partnerId, String offerId, String title, OfferStatus status, OfferLocation location,
                           Capacity capacity, List<TargetGroup> targetGroups, OffsetDateTime at) {
        String centreId = location == null ? null : location.centreId();
        String centreName = location == null ? null : location.centreName();
        Integer maximum = capacity == null ? null : capacity.maximum();
        Integer available = capacity == null ? null : capacity.available();
        int updated = jdbc.sql("""
                        UPDATE offers SET title = ?, status = ?, centre_id = ?, centre_name = ?,
                                          capacity_max = ?, capacity_available = ?, updated_at = ?
                        WHERE partner_id = ? AND offer_id = ?""")
                .params(title, status.name(), centreId, centreName, maximum, available, at, partnerId, offerId)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO offers (partner_id, offer_id, title, status, centre_id, centre_name,
                                                capacity_max, capacity_available, updated_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(partnerId, offerId, title, status.name(), centreId, centreName, maximum, available, at)
                    .update();
        }
        recordStatus(partnerId, offerId, status.name(), at);
        // The event carries the whole offer, so its target groups replace the stored ones.
        jdbc.sql("DELETE FROM offer_target_groups WHERE partner_id = ? AND offer_id = ?")
                .params(partnerId, offerId)
                .update();
        Set<TargetGroup> groups = new LinkedHashSet<>(targetGroups == null ? List.of() : targetGroups);
        for (TargetGroup group : groups) {
            jdbc.sql("INSERT INTO offer_target_groups (partner_id, offer_id, target_group) VALUES (?, ?, ?)")
                    .params(partnerId, offerId, group.name())
                    .update();
        }
        if (centreId != null && centreName != null) {
            saveCentre(centreId, centreName);
        }
    }

    /** One row per change, not per status, so that history queries need no look at the row before. */
    private void recordStatus(String partnerId, String offerId, String status, OffsetDateTime at) {
        jdbc.sql("INSERT INTO offer_history (partner_id, offer_id, status, changed_at) VALUES (?, ?, ?, ?)")
                .params(partnerId, offerId, status, at)
                .update();
    }

    /** Stores the centre's newest name, keeping a known one when the event carries none; returns the name to show. */
    private String saveCentre(String centreId, String announcedName) {
        boolean named = announcedName != null && !announcedName.isBlank();
        // Partners of different partitions may announce the same centre at once: insert-or-ignore, then rename.
        jdbc.sql("INSERT INTO centres (centre_id, centre_name) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(centreId, named ? announcedName : centreId)
                .update();
        if (named) {
            jdbc.sql("UPDATE centres SET centre_name = ? WHERE centre_id = ? AND centre_name <> ?")
                    .params(announcedName, centreId, announcedName)
                    .update();
            return announcedName;
        }
        return centreName(centreId).orElse(centreId);
    }

    private Optional<String> centreName(String centreId) {
        return jdbc.sql("SELECT centre_name FROM centres WHERE centre_id = ?").param(centreId).query(String.class).optional();
    }

    private Optional<String> offerTitle(String partnerId, String offerId) {
        return jdbc.sql("SELECT title FROM offers WHERE partner_id = ? AND offer_id = ?")
                .params(partnerId, offerId)
                .query(String.class)
                .optional();
    }
}
