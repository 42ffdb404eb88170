package dk.bindeled.partner.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import dk.bindeled.axon.ProjectionTables;
import dk.bindeled.events.EventJson;
import dk.bindeled.partner.api.Events.ContactPersonAdded;
import dk.bindeled.partner.api.Events.ContactPersonRemoved;
import dk.bindeled.partner.api.Events.OfferPublished;
import dk.bindeled.partner.api.Events.OfferUpdated;
import dk.bindeled.partner.api.Events.OfferWithdrawn;
import dk.bindeled.partner.api.Events.PartnerDeactivated;
import dk.bindeled.partner.api.Events.PartnerJoinedCentre;
import dk.bindeled.partner.api.Events.PartnerLeftCentre;
import dk.bindeled.partner.api.Events.PartnerProfileUpdated;
import dk.bindeled.partner.api.Events.PartnerRegistered;
import dk.bindeled.partner.api.Events.ResourceShared;
import dk.bindeled.partner.api.Events.ResourceWithdrawn;
import dk.bindeled.partner.api.OfferDetails;
import dk.bindeled.partner.api.PartnerProfile;
import dk.bindeled.partner.config.AxonConfig;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps one generation's directory tables and each partner's history in step with the event store. Each
 * generation's streaming processor (see {@code ProjectionReplay}) has its tokens in the same database, stored in
 * the same transaction as the rows, so every event is applied once per generation; a rebuild is a new generation
 * written into the other set of tables from the first event.
 */
public class DirectoryProjection {

    /** The directory's tables, in the order they can be emptied. */
    public static final List<String> TABLES = List.of("partner_history", "offer_target_group", "offer", "partner_contact",
            "shared_resource", "partner_centre", "partner");

    private final JdbcClient jdbc;
    private final ProjectionTables.Slot tables;

    public DirectoryProjection(JdbcClient jdbc, ProjectionTables.Slot tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    private JdbcClient.StatementSpec sql(String statement) {
        return jdbc.sql(tables.sql(statement));
    }

    @EventHandler
    void on(PartnerRegistered event, @Timestamp Instant at, EventMessage<?> message) {
        PartnerProfile p = event.profile();
        sql("""
                INSERT INTO partner (id, name, sector, kind, cvr, description, website, email, phone, active, registered_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?, ?)""")
                .params(event.partnerId(), p.name(), p.sector().name(), p.kind().name(), p.cvr(), p.description(),
                        p.website(), p.email(), p.phone(), time(at), time(at))
                .update();
        history(message, "Registered as " + p.name() + " (" + p.sector() + ", " + p.kind() + ")");
    }

    @EventHandler
    void on(PartnerProfileUpdated event, @Timestamp Instant at, EventMessage<?> message) {
        PartnerProfile p = event.profile();
        sql("""
                UPDATE partner SET name = ?, sector = ?, kind = ?, cvr = ?, description = ?, website = ?, email = ?,
                       phone = ?, updated_at = ? WHERE id = ?""")
                .params(p.name(), p.sector().name(), p.kind().name(), p.cvr(), p.description(), p.website(), p.email(),
                        p.phone(), time(at), event.partnerId())
                .update();
        history(message, "Profile updated");
    }

    @EventHandler
    void on(PartnerDeactivated event, @Timestamp Instant at, EventMessage<?> message) {
        sql("UPDATE partner SET active = FALSE, deactivation_reason = ?, updated_at = ? WHERE id = ?")
                .params(event.reason(), time(at), event.partnerId()).update();
        history(message, "Deactivated" + reason(event.reason()));
    }

    @EventHandler
    void on(ContactPersonAdded event, EventMessage<?> message) {
        sql("INSERT INTO partner_contact (partner_id, id, name, role, work_email, work_phone) VALUES (?, ?, ?, ?, ?, ?)")
                .params(event.partnerId(), event.contactPersonId(), event.name(), event.role(), event.workEmail(), event.workPhone())
                .update();
        history(message, "Contact person added: " + event.name());
    }

    @EventHandler
    void on(ContactPersonRemoved event, EventMessage<?> message) {
        sql("DELETE FROM partner_contact WHERE partner_id = ? AND id = ?")
                .params(event.partnerId(), event.contactPersonId()).update();
        history(message, "Contact person removed");
    }

    @EventHandler
    void on(OfferPublished event, @Timestamp Instant at, EventMessage<?> message) {
        OfferDetails o = event.details();
        sql("""
                INSERT INTO offer (id, partner_id, title, description, minimum_age, maximum_age, languages, cost, schedules,
                                   centre_id, centre_name, address, capacity_maximum, capacity_available, status, withdrawn, updated_at,
                                   referral_answer_days, referral_contact_days)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?)""")
                .params(event.offerId(), event.partnerId(), o.title(), o.description(), o.minimumAge(), o.maximumAge(),
                        String.join(",", o.languages()), o.cost(), json(o), centreId(o), centreName(o), address(o),
                        capacityMaximum(o), capacityAvailable(o), o.status().name(), time(at), answerDays(o), contactDays(o))
                .update();
        replaceTargetGroups(event.offerId(), o);
        history(message, "Offer published: " + o.title());
    }

    @EventHandler
    void on(OfferUpdated event, @Timestamp Instant at, EventMessage<?> message) {
        OfferDetails o = event.details();
        sql("""
                UPDATE offer SET title = ?, description = ?, minimum_age = ?, maximum_age = ?, languages = ?, cost = ?,
                       schedules = ?, centre_id = ?, centre_name = ?, address = ?, capacity_maximum = ?,
                       capacity_available = ?, status = ?, updated_at = ?, referral_answer_days = ?, referral_contact_days = ? WHERE id = ?""")
                .params(o.title(), o.description(), o.minimumAge(), o.maximumAge(), String.join(",", o.languages()),
                        o.cost(), json(o), centreId(o), centreName(o), address(o), capacityMaximum(o),
                        capacityAvailable(o), o.status().name(), time(at), answerDays(o), contactDays(o), event.offerId())
                .update();
        replaceTargetGroups(event.offerId(), o);
        history(message, "Offer updated: " + o.title());
    }

    private static Integer answerDays(OfferDetails o) {
        return o.referralTerms() == null ? null : o.referralTerms().answerWorkingDays();
    }

    private static Integer contactDays(OfferDetails o) {
        return o.referralTerms() == null ? null : o.referralTerms().contactDays();
    }

    @EventHandler
    void on(OfferWithdrawn event, @Timestamp Instant at, EventMessage<?> message) {
        sql("UPDATE offer SET withdrawn = TRUE, withdrawal_reason = ?, updated_at = ? WHERE id = ?")
                .params(event.reason(), time(at), event.offerId()).update();
        history(message, "Offer withdrawn" + reason(event.reason()));
    }

    @EventHandler
    void on(ResourceShared event, @Timestamp Instant at, EventMessage<?> message) {
        sql("""
                INSERT INTO shared_resource (partner_id, id, name, category, description, terms, shared_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(event.partnerId(), event.resourceId(), event.name(), event.category().name(), event.description(),
                        event.terms(), time(at))
                .update();
        history(message, "Resource shared: " + event.name());
    }

    @EventHandler
    void on(ResourceWithdrawn event, EventMessage<?> message) {
        sql("DELETE FROM shared_resource WHERE partner_id = ? AND id = ?")
                .params(event.partnerId(), event.resourceId()).update();
        history(message, "Resource withdrawn");
    }

    @EventHandler
    void on(PartnerJoinedCentre event, @Timestamp Instant at, EventMessage<?> message) {
        // Joining again with another role changes the role of the existing membership.
        sql("DELETE FROM partner_centre WHERE partner_id = ? AND centre_id = ?")
                .params(event.partnerId(), event.centreId()).update();
        sql("INSERT INTO partner_centre (partner_id, centre_id, centre_name, role, joined_at) VALUES (?, ?, ?, ?, ?)")
                .params(event.partnerId(), event.centreId(), event.centreName(), event.role().name(), time(at)).update();
        history(message, "Joined centre " + (event.centreName() == null ? event.centreId() : event.centreName()) + " as " + event.role());
    }

    @EventHandler
    void on(PartnerLeftCentre event, EventMessage<?> message) {
        sql("DELETE FROM partner_centre WHERE partner_id = ? AND centre_id = ?")
                .params(event.partnerId(), event.centreId()).update();
        history(message, "Left centre " + event.centreId());
    }

    private void history(EventMessage<?> message, String summary) {
        DomainEventMessage<?> domainEvent = (DomainEventMessage<?>) message;
        Object actor = message.getMetaData().get(AxonConfig.ACTOR);
        sql("""
                INSERT INTO partner_history (partner_id, sequence, event_type, occurred_at, actor, summary)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber(),
                        message.getPayloadType().getSimpleName(), time(message.getTimestamp()),
                        actor == null ? null : actor.toString(), truncate(summary, 1000))
                .update();
    }

    private void replaceTargetGroups(String offerId, OfferDetails o) {
        sql("DELETE FROM offer_target_group WHERE offer_id = ?").param(offerId).update();
        o.targetGroups().stream().distinct().forEach(group ->
                sql("INSERT INTO offer_target_group (offer_id, target_group) VALUES (?, ?)")
                        .params(offerId, group.name()).update());
    }

    private static String json(OfferDetails o) {
        try {
            return EventJson.mapper().writeValueAsString(o.schedules());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write schedules", e);
        }
    }

    private static String centreId(OfferDetails o) {
        return o.location() == null ? null : o.location().centreId();
    }

    private static String centreName(OfferDetails o) {
        return o.location() == null ? null : o.location().centreName();
    }

    private static String address(OfferDetails o) {
        return o.location() == null ? null : o.location().address();
    }

    private static Integer capacityMaximum(OfferDetails o) {
        return o.capacity() == null ? null : o.capacity().maximum();
    }

    private static Integer capacityAvailable(OfferDetails o) {
        return o.capacity() == null ? null : o.capacity().available();
    }

    private static String reason(String reason) {
        return reason == null || reason.isBlank() ? "" : ": " + reason;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
