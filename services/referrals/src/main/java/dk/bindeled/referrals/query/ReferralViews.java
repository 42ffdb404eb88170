package dk.bindeled.referrals.query;

import dk.bindeled.axon.AxonSupportAutoConfiguration;
import dk.bindeled.referrals.api.Consent;
import dk.bindeled.referrals.api.Events.ConsentRecorded;
import dk.bindeled.referrals.api.Events.ConsentRevoked;
import dk.bindeled.referrals.api.Events.ContactFailed;
import dk.bindeled.referrals.api.Events.ContactMade;
import dk.bindeled.referrals.api.Events.ErasureRefused;
import dk.bindeled.referrals.api.Events.ReferralAccepted;
import dk.bindeled.referrals.api.Events.ReferralCompleted;
import dk.bindeled.referrals.api.Events.ReferralDeclined;
import dk.bindeled.referrals.api.Events.ReferralDrafted;
import dk.bindeled.referrals.api.Events.ReferralEnteredInError;
import dk.bindeled.referrals.api.Events.ReferralForwarded;
import dk.bindeled.referrals.api.Events.ReferralSent;
import dk.bindeled.referrals.api.Events.ReferralWithdrawn;
import dk.bindeled.referrals.api.Events.ResidentForgotten;
import dk.bindeled.referrals.api.Events.ResidentRegistered;
import dk.bindeled.referrals.api.PersonalData;
import dk.bindeled.referrals.api.Sealed;
import dk.bindeled.referrals.domain.ReferralLifecycle.Status;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read model of residents, referrals, their consents and timelines, written in the command's transaction (a
 * subscribing processor on the event store), so a referral is readable the moment its command is answered and a revoked
 * consent or a forgotten resident is gone from it in the same commit. Personal data stays sealed here too; forgetting
 * empties the copies of that controller, and revocation the recipient's.
 */
@Component
@ProcessingGroup("referral-views")
public class ReferralViews {

    private final JdbcClient jdbc;

    public ReferralViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ResidentRegistered e, @Timestamp Instant at) {
        jdbc.sql("INSERT INTO residents (resident_id, controller, data, registered_at) VALUES (?, ?, ?, ?)")
                .params(e.residentId(), e.controller(), e.data().ciphertext(), utc(at)).update();
    }

    @EventHandler
    void on(ResidentForgotten e, @Timestamp Instant at, @MetaDataValue(AxonSupportAutoConfiguration.ACTOR) String actor) {
        jdbc.sql("UPDATE residents SET data = NULL, forgotten_at = ? WHERE resident_id = ? AND controller = ?")
                .params(utc(at), e.residentId(), e.controller()).update();
        jdbc.sql("UPDATE referrals SET shared_data = NULL WHERE resident_id = ? AND recipient = ?").params(e.residentId(), e.controller()).update();
        jdbc.sql("UPDATE status_links SET label = NULL WHERE issuer = ? AND referral_id IN (SELECT referral_id FROM referrals WHERE resident_id = ?)")
                .params(e.controller(), e.residentId()).update();
        jdbc.sql("""
                        UPDATE referral_steps SET note = NULL
                        WHERE note_controller = ? AND referral_id IN (SELECT referral_id FROM referrals WHERE resident_id = ?)""")
                .params(e.controller(), e.residentId()).update();
        // The aggregates keep no personal data, sealed or not; their snapshots go anyway, so none can outlive the key.
        jdbc.sql("""
                        DELETE FROM snapshot_event_entry
                        WHERE aggregate_identifier = ? OR aggregate_identifier IN (SELECT referral_id FROM referrals WHERE resident_id = ?)""")
                .params(e.residentId(), e.residentId()).update();
        decision(e.residentId(), e.controller(), "ERASED", null, actor, at);
    }

    @EventHandler
    void on(ErasureRefused e, @Timestamp Instant at, @MetaDataValue(AxonSupportAutoConfiguration.ACTOR) String actor) {
        decision(e.residentId(), e.controller(), "REFUSED", e.legalBasis(), actor, at);
    }

    @EventHandler
    void on(ReferralDrafted e, @Timestamp Instant at, @MetaDataValue(AxonSupportAutoConfiguration.ACTOR) String actor) {
        jdbc.sql("""
                        INSERT INTO referrals (referral_id, resident_id, referrer, recipient, offer_id, target_group, status, drafted_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.referralId(), e.residentId(), e.referrer(), e.recipient(), e.offerId(),
                        e.targetGroup() == null ? null : e.targetGroup().name(), Status.DRAFT.name(), utc(at), utc(at)).update();
        step(e.referralId(), "DRAFTED", null, actor, at, e.note());
    }

    @EventHandler
    void on(ConsentRecorded e) {
        Consent c = e.consent();
        jdbc.sql("""
                        INSERT INTO consents (referral_id, consent_id, purpose, recipient, shared_data, basis, provision, given_by,
                                              recorded_by, given_on, expires_on)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.referralId(), c.consentId(), c.purpose(), c.recipient(),
                        c.sharedData().stream().map(PersonalData.Field::name).collect(Collectors.joining(",")), c.basis().name(),
                        c.provision(), c.givenBy() == null ? Consent.GivenBy.NONE.name() : c.givenBy().name(), c.recordedBy(),
                        c.givenOn(), c.expiresOn()).update();
    }

    @EventHandler
    void on(ConsentRevoked e, @Timestamp Instant at, @MetaDataValue(AxonSupportAutoConfiguration.ACTOR) String actor) {
        jdbc.sql("UPDATE consents SET revoked_at = ? WHERE referral_id = ? AND consent_id = ?").params(utc(at), e.referralId(), e.consentId()).update();
        // Revoking stops the sharing at once: the recipient's copy goes in the same commit.
        jdbc.sql("UPDATE referrals SET shared_data = NULL, updated_at = ? WHERE referral_id = ? AND consent_id = ?")
                .params(utc(at), e.referralId(), e.consentId()).update();
        step(e.referralId(), "CONSENT_REVOKED", null, actor, at, null);
    }

    @EventHandler
    void on(ReferralSent e, @Timestamp Instant at, @MetaDataValue(AxonSupportAutoConfiguration.ACTOR) String actor) {
        jdbc.sql("UPDATE referrals SET status = ?, consent_id = ?, shared_data = ?, capacity_override = ?, sent_at = ?, updated_at = ? WHERE referral_id = ?")
                .params(Status.SENT.name(), e.consentId(), e.shared().ciphertext(), e.overrideReason(), utc(at), utc(at), e.referralId()).update();
        step(e.referralId(), "SENT", e.overrideReason() != null ? "CAPACITY_OVERRIDDEN" : null, actor, at, null);
    }

    @EventHandler
    void on(ReferralWithdrawn e, @Timestamp Instant at, @MetaDataValue(AxonSupportAutoConfiguration.ACTOR) String actor) {
        close(e.referralId(), Status.WITHDRAWN, at);
        step(e.referralId(), "WITHDRAWN", null, actor, at, e.note());
    }

    @EventHandler
    void on(ReferralEnteredInError e, @Timestamp Instant at, @MetaDataValue(AxonSupportAutoConfiguration.ACTOR) String actor) {
        close(e.referralId(), Status.ENTERED_IN_ERROR, at);
        step(e.referralId(), "ENTERED_IN_ERROR", null, actor, at, e.note());
    }

    @EventHandler
    void on(ReferralAccepted e, @Timestamp Instant at, @MetaDataValue(AxonSupportAutoConfiguration.ACTOR) String actor) {
        jdbc.sql("UPDATE referrals SET status = ?, answered_at = COALESCE(answered_at, ?), overdue = NULL, overdue_since = NULL, updated_at = ? WHERE referral_id = ?")
                .params(Status.ACCEPTED.name(), utc(at), utc(at), e.referralId()).update();
        step(e.referralId(), "ACCEPTED", null, actor, at, e.note());
    }

    @EventHandler
    void on(ReferralDeclined e, @Timestamp Instant at, @MetaDataValue(AxonSupportAutoConfiguration.ACTOR) String actor) {
        jdbc.sql("UPDATE referrals SET answered_at = COALESCE(answered_at, ?) WHERE referral_id = ?").params(utc(at), e.referralId()).update();
        close(e.referralId(), Status.DECLINED, at);
        step(e.referralId(), "DECLINED", e.reason().name(), actor, at, e.note());
    }

    @EventHandler
    void on(ReferralForwarded e, @Timestamp Instant at, @MetaDataValue(AxonSupportAutoConfiguration.ACTOR) String actor) {
        jdbc.sql("UPDATE referrals SET status = ?, offer_id = ?, overdue = NULL, overdue_since = NULL, updated_at = ? WHERE referral_id = ?")
                .params(Status.SENT.name(), e.toOfferId(), utc(at), e.referralId()).update();
        step(e.referralId(), "FORWARDED", e.toOfferId(), actor, at, e.note());
    }

    @EventHandler
    void on(ContactMade e, @Timestamp Instant at, @MetaDataValue(AxonSupportAutoConfiguration.ACTOR) String actor) {
        jdbc.sql("UPDATE referrals SET status = ?, first_contact_at = COALESCE(first_contact_at, ?), overdue = NULL, overdue_since = NULL, updated_at = ? WHERE referral_id = ?")
                .params(Status.CONTACT_MADE.name(), utc(at), utc(at), e.referralId()).update();
        step(e.referralId(), "CONTACT_MADE", null, actor, at, e.note());
    }

    @EventHandler
    void on(ContactFailed e, @Timestamp Instant at, @MetaDataValue(AxonSupportAutoConfiguration.ACTOR) String actor) {
        jdbc.sql("UPDATE referrals SET status = ?, updated_at = ? WHERE referral_id = ?").params(Status.CONTACT_FAILED.name(), utc(at), e.referralId()).update();
        step(e.referralId(), "CONTACT_FAILED", null, actor, at, e.note());
    }

    @EventHandler
    void on(dk.bindeled.referrals.api.Events.ReferralOverdue e, @Timestamp Instant at) {
        jdbc.sql("UPDATE referrals SET overdue = ?, overdue_since = ?, updated_at = ? WHERE referral_id = ?")
                .params(e.kind().name(), utc(e.dueAt()), utc(at), e.referralId()).update();
        step(e.referralId(), "OVERDUE", e.kind().name(), dk.bindeled.referrals.domain.DeadlinePolicy.ACTOR, at, null);
    }

    @EventHandler
    void on(ReferralCompleted e, @Timestamp Instant at, @MetaDataValue(AxonSupportAutoConfiguration.ACTOR) String actor) {
        close(e.referralId(), Status.COMPLETED, at);
        step(e.referralId(), "COMPLETED", e.outcome().name(), actor, at, e.note());
    }

    @EventHandler
    void on(dk.bindeled.referrals.api.Events.StatusLinkIssued e, @Timestamp Instant at, @MetaDataValue(AxonSupportAutoConfiguration.ACTOR) String actor) {
        jdbc.sql("""
                        INSERT INTO status_links (link_id, referral_id, token_hash, issuer, issued_by, label, shows_personal_data, issued_at, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.linkId(), e.referralId(), e.tokenHash(), e.issuer(), actor == null ? "anonymous" : actor,
                        e.label() == null ? null : e.label().ciphertext(), e.showsPersonalData(), utc(at), utc(e.expiresAt())).update();
        step(e.referralId(), "STATUS_LINK_ISSUED", null, actor, at, null);
    }

    @EventHandler
    void on(dk.bindeled.referrals.api.Events.StatusLinkRevoked e, @Timestamp Instant at, @MetaDataValue(AxonSupportAutoConfiguration.ACTOR) String actor) {
        jdbc.sql("UPDATE status_links SET revoked_at = ?, revoked_by = ? WHERE link_id = ?")
                .params(utc(at), actor == null ? "anonymous" : actor, e.linkId()).update();
        step(e.referralId(), "STATUS_LINK_REVOKED", null, actor, at, null);
    }

    private void close(String referralId, Status status, Instant at) {
        jdbc.sql("UPDATE referrals SET status = ?, closed_at = ?, overdue = NULL, overdue_since = NULL, updated_at = ? WHERE referral_id = ?")
                .params(status.name(), utc(at), utc(at), referralId).update();
    }

    private void step(String referralId, String step, String detail, String actor, Instant at, Sealed note) {
        long seq = jdbc.sql("SELECT COALESCE(MAX(seq), 0) + 1 FROM referral_steps WHERE referral_id = ?").param(referralId).query(Long.class).single();
        jdbc.sql("INSERT INTO referral_steps (referral_id, seq, step, detail, actor, at, note_controller, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(referralId, seq, step, detail, actor == null ? "anonymous" : actor, utc(at), note == null ? null : note.controller(),
                        note == null ? null : note.ciphertext()).update();
    }

    private void decision(String residentId, String controller, String decision, String legalBasis, String actor, Instant at) {
        jdbc.sql("INSERT INTO erasure_decisions (resident_id, controller, decision, legal_basis, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(residentId, controller, decision, legalBasis, actor == null ? "anonymous" : actor, utc(at)).update();
    }

    static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
