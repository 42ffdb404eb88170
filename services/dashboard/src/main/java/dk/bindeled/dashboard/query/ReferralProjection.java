package dk.bindeled.dashboard.query;

import dk.bindeled.events.DanishLabels;
import dk.bindeled.events.IntegrationEvent;
import dk.bindeled.events.partner.v1.TargetGroup;
import dk.bindeled.events.referral.v1.ReferralAccepted;
import dk.bindeled.events.referral.v1.ReferralCompleted;
import dk.bindeled.events.referral.v1.ReferralConsentRevoked;
import dk.bindeled.events.referral.v1.ReferralContactFailed;
import dk.bindeled.events.referral.v1.ReferralContactMade;
import dk.bindeled.events.referral.v1.ReferralDeclined;
import dk.bindeled.events.referral.v1.ReferralEnteredInError;
import dk.bindeled.events.referral.v1.ReferralEvent;
import dk.bindeled.events.referral.v1.ReferralForwarded;
import dk.bindeled.events.referral.v1.ReferralOverdue;
import dk.bindeled.events.referral.v1.ReferralSent;
import dk.bindeled.events.referral.v1.ReferralWithdrawn;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Applies {@code bindeled.referral.v1} to the referral flow, with the inbox guarantees of {@link InboxProjection}. The
 * events of one referral arrive in order (the referral id is the key). The feed says which partner received a referral
 * for which target group, never whom.
 */
@Component
public class ReferralProjection extends InboxProjection {

    public ReferralProjection(JdbcClient jdbc, PlatformTransactionManager transactions, ApplicationEventPublisher publisher, Clock clock) {
        super(ReferralEvent.class, jdbc, transactions, publisher, clock);
    }

    @Override
    protected String project(IntegrationEvent event, OffsetDateTime at) {
        ReferralEvent e = (ReferralEvent) event;
        String group = e.targetGroup() == null ? "" : " (" + DanishLabels.targetGroup(e.targetGroup()) + ")";
        if (e instanceof ReferralSent) {
            int updated = jdbc.sql("UPDATE referral_flow SET status = 'SENT', offer_id = ?, updated_at = ? WHERE referral_id = ?")
                    .params(e.offerId(), at, e.referralId()).update();
            if (updated == 0) {
                jdbc.sql("""
                                INSERT INTO referral_flow (referral_id, referrer, recipient, offer_id, target_group, status, sent_at, updated_at)
                                VALUES (?, ?, ?, ?, ?, 'SENT', ?, ?)""")
                        .params(e.referralId(), e.referrerPartnerId(), e.recipientPartnerId(), e.offerId(), name(e.targetGroup()), at, at).update();
            }
            return "Henvisning sendt til " + partnerName(e.recipientPartnerId()) + group;
        }
        if (e instanceof ReferralAccepted) {
            status(e, "ACCEPTED", at);
            return "Henvisning accepteret af " + partnerName(e.recipientPartnerId()) + group;
        }
        if (e instanceof ReferralDeclined d) {
            status(e, "DECLINED", at);
            jdbc.sql("UPDATE referral_flow SET decline_reason = ? WHERE referral_id = ?").params(d.reason().name(), e.referralId()).update();
            return "Henvisning afvist af " + partnerName(e.recipientPartnerId()) + group + ": " + DanishLabels.declineReason(d.reason());
        }
        if (e instanceof ReferralForwarded f) {
            jdbc.sql("UPDATE referral_flow SET status = 'SENT', offer_id = ?, overdue = NULL, updated_at = ? WHERE referral_id = ?")
                    .params(f.toOfferId(), at, e.referralId()).update();
            return "Henvisning sendt videre hos " + partnerName(e.recipientPartnerId()) + group;
        }
        if (e instanceof ReferralContactMade) {
            status(e, "CONTACT_MADE", at);
            jdbc.sql("UPDATE referral_flow SET first_contact_at = COALESCE(first_contact_at, ?) WHERE referral_id = ?").params(at, e.referralId()).update();
            return "Kontakt skabt i en henvisning til " + partnerName(e.recipientPartnerId()) + group;
        }
        if (e instanceof ReferralContactFailed) {
            status(e, "CONTACT_FAILED", at);
            return "Ingen kontakt endnu i en henvisning til " + partnerName(e.recipientPartnerId()) + group;
        }
        if (e instanceof ReferralCompleted c) {
            status(e, "COMPLETED", at);
            jdbc.sql("UPDATE referral_flow SET outcome = ? WHERE referral_id = ?").params(c.outcome().name(), e.referralId()).update();
            return "Henvisning afsluttet hos " + partnerName(e.recipientPartnerId()) + group + ": " + DanishLabels.referralOutcome(c.outcome());
        }
        if (e instanceof ReferralWithdrawn) {
            status(e, "WITHDRAWN", at);
            return "Henvisning trukket tilbage" + group;
        }
        if (e instanceof ReferralEnteredInError) {
            // Not a referral that happened: out of the figures.
            jdbc.sql("DELETE FROM referral_flow WHERE referral_id = ?").param(e.referralId()).update();
            return "En henvisning er markeret som oprettet ved en fejl";
        }
        if (e instanceof ReferralOverdue o) {
            jdbc.sql("UPDATE referral_flow SET overdue = ?, updated_at = ? WHERE referral_id = ?").params(o.kind().name(), at, e.referralId()).update();
            return "Frist overskredet i en henvisning til " + partnerName(e.recipientPartnerId()) + group + ": " + DanishLabels.overdueKind(o.kind());
        }
        if (e instanceof ReferralConsentRevoked) {
            return "Et samtykke i en henvisning til " + partnerName(e.recipientPartnerId()) + " er trukket tilbage";
        }
        return "Henvisning opdateret";
    }

    /** A step that was waited for clears the overdue mark. */
    private void status(ReferralEvent e, String status, OffsetDateTime at) {
        jdbc.sql("UPDATE referral_flow SET status = ?, overdue = NULL, updated_at = ? WHERE referral_id = ?").params(status, at, e.referralId()).update();
    }

    private static String name(TargetGroup group) {
        return group == null ? null : group.name();
    }
}
