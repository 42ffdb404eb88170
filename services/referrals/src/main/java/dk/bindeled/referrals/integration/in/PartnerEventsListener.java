package dk.bindeled.referrals.integration.in;

import dk.bindeled.events.Topics;
import dk.bindeled.events.cloudevents.CloudEventCodec;
import dk.bindeled.events.partner.v1.Capacity;
import dk.bindeled.events.partner.v1.OfferPublished;
import dk.bindeled.events.partner.v1.OfferStatus;
import dk.bindeled.events.partner.v1.OfferUpdated;
import dk.bindeled.events.partner.v1.OfferWithdrawn;
import dk.bindeled.events.partner.v1.PartnerDeactivated;
import dk.bindeled.events.partner.v1.PartnerEventsV1;
import dk.bindeled.events.partner.v1.PartnerProfileUpdated;
import dk.bindeled.events.partner.v1.PartnerRegistered;
import dk.bindeled.events.partner.v1.TargetGroup;
import dk.bindeled.kafka.Inbox;
import dk.bindeled.kafka.InboxConsumer;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the replica of the partner registry that the referral rules read: which partners are active, and their offers'
 * status, capacity and target groups. Idempotent: the CloudEvent id goes into the inbox in the same transaction as the
 * change. Contact people and shared resources are not needed here.
 */
@Component
public class PartnerEventsListener {

    private final CloudEventCodec codec = new CloudEventCodec(PartnerEventsV1.CATALOG, PartnerEventsV1.SOURCE);
    private final JdbcClient jdbc;
    private final InboxConsumer consumer;

    public PartnerEventsListener(JdbcClient jdbc, Inbox inbox, TransactionTemplate transactions, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.consumer = new InboxConsumer(inbox, transactions, meters);
    }

    // The group is spring.kafka.consumer.group-id (referrals): instances of the service share it, a test context has its own.
    @KafkaListener(id = "referrals-offer-replica", idIsGroup = false, topics = Topics.PARTNER_V1)
    public void on(ConsumerRecord<String, byte[]> record) {
        consumer.applyOnce(record, codec, this::apply);
    }

    private void apply(Object data) {
        if (data instanceof PartnerRegistered e) {
            partner(e.partnerId(), e.name());
        } else if (data instanceof PartnerProfileUpdated e) {
            partner(e.partnerId(), e.name());
        } else if (data instanceof PartnerDeactivated e) {
            jdbc.sql("UPDATE partner_replica SET active = FALSE WHERE partner_id = ?").param(e.partnerId()).update();
        } else if (data instanceof OfferPublished e) {
            offer(e.offerId(), e.partnerId(), e.title(), e.status(), e.capacity(), e.targetGroups(), e.referralTerms());
        } else if (data instanceof OfferUpdated e) {
            offer(e.offerId(), e.partnerId(), e.title(), e.status(), e.capacity(), e.targetGroups(), e.referralTerms());
        } else if (data instanceof OfferWithdrawn e) {
            jdbc.sql("UPDATE offer_replica SET status = 'WITHDRAWN' WHERE offer_id = ?").param(e.offerId()).update();
        }
    }

    private void partner(String partnerId, String name) {
        if (jdbc.sql("UPDATE partner_replica SET name = ? WHERE partner_id = ?").params(name, partnerId).update() == 0) {
            jdbc.sql("INSERT INTO partner_replica (partner_id, name, active) VALUES (?, ?, TRUE)").params(partnerId, name).update();
        }
    }

    private void offer(String offerId, String partnerId, String title, OfferStatus status, Capacity capacity, List<TargetGroup> groups,
                       dk.bindeled.events.partner.v1.ReferralTerms terms) {
        String targetGroups = groups == null ? "" : groups.stream().map(Enum::name).distinct().collect(Collectors.joining(","));
        Integer maximum = capacity == null ? null : capacity.maximum();
        Integer available = capacity == null ? null : capacity.available();
        Integer answer = terms == null ? null : terms.answerWorkingDays();
        Integer contact = terms == null ? null : terms.contactDays();
        if (jdbc.sql("""
                        UPDATE offer_replica SET partner_id = ?, title = ?, status = ?, capacity_max = ?, capacity_available = ?, target_groups = ?,
                               answer_working_days = ?, contact_days = ? WHERE offer_id = ?""")
                .params(partnerId, title, status.name(), maximum, available, targetGroups, answer, contact, offerId).update() == 0) {
            jdbc.sql("""
                            INSERT INTO offer_replica (offer_id, partner_id, title, status, capacity_max, capacity_available, target_groups,
                                                       answer_working_days, contact_days) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(offerId, partnerId, title, status.name(), maximum, available, targetGroups, answer, contact).update();
        }
    }
}
