package dk.bindeled.booking.integration.in;

import dk.bindeled.booking.api.Commands.FlagPartnerBookings;
import dk.bindeled.command.DeferredCommands;
import dk.bindeled.events.Topics;
import dk.bindeled.events.booking.v1.BookingFlagged.FlagReason;
import dk.bindeled.events.cloudevents.CloudEventCodec;
import dk.bindeled.events.partner.v1.PartnerDeactivated;
import dk.bindeled.events.partner.v1.PartnerEventsV1;
import dk.bindeled.events.partner.v1.PartnerJoinedCentre;
import dk.bindeled.events.partner.v1.PartnerLeftCentre;
import dk.bindeled.events.partner.v1.PartnerProfileUpdated;
import dk.bindeled.events.partner.v1.PartnerRegistered;
import dk.bindeled.kafka.Inbox;
import dk.bindeled.kafka.InboxConsumer;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the replica of the partner registry that booking rules read: who exists, is active and belongs
 * to which centre. Idempotent: the CloudEvent id goes into the inbox in the same transaction as the
 * change. When a partner is deactivated or leaves a centre, its coming bookings are flagged for the
 * centre's manager, never silently cancelled: the flag commands are deferred in that same transaction and
 * sent once it has committed (see {@link DeferredCommands}), so the schedules never hold a flag of a
 * transaction that rolled back, and no flag is lost if the service stops in between.
 */
@Component
public class PartnerEventsListener {

    private static final String ACTOR = "partner-registry";

    private final CloudEventCodec codec = new CloudEventCodec(PartnerEventsV1.CATALOG, PartnerEventsV1.SOURCE);
    private final JdbcClient jdbc;
    private final InboxConsumer consumer;
    private final DeferredCommands commands;
    private final Clock clock;

    public PartnerEventsListener(JdbcClient jdbc, Inbox inbox, TransactionTemplate transactions, DeferredCommands commands, Clock clock,
                                 MeterRegistry meters) {
        this.jdbc = jdbc;
        this.consumer = new InboxConsumer(inbox, transactions, meters);
        this.commands = commands;
        this.clock = clock;
    }

    // The group is spring.kafka.consumer.group-id (room-booking): instances of the service share it, a test context has its own.
    @KafkaListener(id = "room-booking-partner-replica", idIsGroup = false, topics = Topics.PARTNER_V1)
    public void on(ConsumerRecord<String, byte[]> record) {
        consumer.applyOnce(record, codec, this::apply);
    }

    private void apply(Object data) {
        if (data instanceof PartnerRegistered e) {
            upsert(e.partnerId(), e.name(), e.sector().name());
        } else if (data instanceof PartnerProfileUpdated e) {
            upsert(e.partnerId(), e.name(), e.sector().name());
        } else if (data instanceof PartnerDeactivated e) {
            jdbc.sql("UPDATE partner_replica SET active = FALSE WHERE partner_id = ?").param(e.partnerId()).update();
            flag(e.partnerId(), null, FlagReason.PARTNER_DEACTIVATED);
        } else if (data instanceof PartnerJoinedCentre e) {
            jdbc.sql("DELETE FROM partner_replica_centre WHERE partner_id = ? AND centre_id = ?").params(e.partnerId(), e.centreId()).update();
            jdbc.sql("INSERT INTO partner_replica_centre (partner_id, centre_id, role) VALUES (?, ?, ?)")
                    .params(e.partnerId(), e.centreId(), e.role().name()).update();
        } else if (data instanceof PartnerLeftCentre e) {
            jdbc.sql("DELETE FROM partner_replica_centre WHERE partner_id = ? AND centre_id = ?").params(e.partnerId(), e.centreId()).update();
            flag(e.partnerId(), e.centreId(), FlagReason.PARTNER_LEFT_CENTRE);
        }
        // Offers, contacts and shared resources are not needed for booking.
    }

    private void upsert(String partnerId, String name, String sector) {
        int updated = jdbc.sql("UPDATE partner_replica SET name = ?, sector = ? WHERE partner_id = ?").params(name, sector, partnerId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO partner_replica (partner_id, name, sector, active) VALUES (?, ?, ?, TRUE)")
                    .params(partnerId, name, sector).update();
        }
    }

    /** Flags the partner's coming bookings on every resource (of one centre, or all) that holds one. */
    private void flag(String partnerId, String centreId, FlagReason reason) {
        String sql = "SELECT DISTINCT l.resource_id FROM booking_locator l"
                + (centreId == null ? "" : " JOIN centre_resource r ON r.resource_id = l.resource_id AND r.centre_id = :centre")
                + " WHERE l.partner_id = :partner AND l.kind = 'BOOKING' AND l.starts_at > :now";
        JdbcClient.StatementSpec query = jdbc.sql(sql).param("partner", partnerId).param("now", Timestamp.from(clock.instant()));
        if (centreId != null) {
            query = query.param("centre", centreId);
        }
        List<String> resources = query.query(String.class).list();
        for (String resourceId : resources) {
            // Flagging is idempotent (a flagged booking is not flagged again), as a deferred command must be.
            commands.defer(new FlagPartnerBookings(resourceId, partnerId, reason), ACTOR);
        }
    }
}
