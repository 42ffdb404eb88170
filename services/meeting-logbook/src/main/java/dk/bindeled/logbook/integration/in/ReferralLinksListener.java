package dk.bindeled.logbook.integration.in;

import dk.bindeled.events.Topics;
import dk.bindeled.events.cloudevents.CloudEventCodec;
import dk.bindeled.events.cloudevents.ReceivedEvent;
import dk.bindeled.events.referral.v1.ReferralAccepted;
import dk.bindeled.events.referral.v1.ReferralCompleted;
import dk.bindeled.events.referral.v1.ReferralContactFailed;
import dk.bindeled.events.referral.v1.ReferralContactMade;
import dk.bindeled.events.referral.v1.ReferralDeclined;
import dk.bindeled.events.referral.v1.ReferralEnteredInError;
import dk.bindeled.events.referral.v1.ReferralEvent;
import dk.bindeled.events.referral.v1.ReferralEventsV1;
import dk.bindeled.events.referral.v1.ReferralForwarded;
import dk.bindeled.events.referral.v1.ReferralSent;
import dk.bindeled.events.referral.v1.ReferralWithdrawn;
import dk.bindeled.logbook.query.LinkedActivity;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The referrals between partners, from {@code bindeled.referral.v1}, for the collaborations' timelines: the pair, the
 * target group and the latest step of each (the event says nothing of the resident). A step delivered again sets the
 * same status; an overdue mark or a revoked consent is not a step and changes nothing here.
 */
@Component
public class ReferralLinksListener {

    private final CloudEventCodec codec = new CloudEventCodec(ReferralEventsV1.CATALOG, ReferralEventsV1.SOURCE);
    private final LinkedActivity links;

    public ReferralLinksListener(LinkedActivity links) {
        this.links = links;
    }

    @KafkaListener(id = "meeting-logbook-referral-links", idIsGroup = false, topics = Topics.REFERRAL_V1)
    public void on(ConsumerRecord<String, byte[]> record) {
        ReceivedEvent received = codec.read(record);
        if (!(received.event() instanceof ReferralEvent e)) {
            return;
        }
        if (e instanceof ReferralEnteredInError) {
            links.forget(e.referralId());
            return;
        }
        String status = status(e);
        if (status != null) {
            links.referral(e.referralId(), e.referrerPartnerId(), e.recipientPartnerId(), e.targetGroup() == null ? null : e.targetGroup().name(),
                    status, received.time().toInstant());
        }
    }

    private static String status(ReferralEvent e) {
        if (e instanceof ReferralSent) {
            return "SENT";
        } else if (e instanceof ReferralAccepted) {
            return "ACCEPTED";
        } else if (e instanceof ReferralDeclined) {
            return "DECLINED";
        } else if (e instanceof ReferralForwarded) {
            return "FORWARDED";
        } else if (e instanceof ReferralContactMade) {
            return "CONTACT_MADE";
        } else if (e instanceof ReferralContactFailed) {
            return "CONTACT_FAILED";
        } else if (e instanceof ReferralCompleted) {
            return "COMPLETED";
        } else if (e instanceof ReferralWithdrawn) {
            return "WITHDRAWN";
        }
        return null;
    }
}
