package dk.bindeled.referrals.api;

import dk.bindeled.events.partner.v1.TargetGroup;
import dk.bindeled.events.referral.v1.DeclineReason;
import dk.bindeled.events.referral.v1.ReferralOutcome;

/**
 * The referrals service's own history (the event store), personal data only ever {@link Sealed}. Who did it is the
 * event's actor metadata and when its timestamp. What other services learn is the allow-listed translation into
 * {@code dk.bindeled.events.referral.v1}, which carries none of it.
 */
public final class Events {

    private Events() {
    }

    /**
     * Who a referral is between and what it is for, as it stands when the event happens: on every event, so the
     * integration events (and a replay of them) need nothing but the event itself.
     */
    public record Parties(String referrer, String recipient, String offerId, TargetGroup targetGroup) {
    }

    public record ResidentRegistered(String residentId, String controller, Sealed data) {
    }

    /** The controller's key is deleted: every copy sealed under it is unreadable from now on. */
    public record ResidentForgotten(String residentId, String controller) {
    }

    /** The controller keeps the data under its duty to keep records: the refusal and its legal basis are the record. */
    public record ErasureRefused(String residentId, String controller, String legalBasis) {
    }

    public record ReferralDrafted(String referralId, String residentId, String referrer, String recipient, String offerId,
                                  TargetGroup targetGroup, Sealed note) {
    }

    public record ConsentRecorded(String referralId, Parties parties, Consent consent) {
    }

    public record ConsentRevoked(String referralId, Parties parties, String consentId) {
    }

    public record ReferralSent(String referralId, Parties parties, String consentId, Sealed shared, String overrideReason) {
    }

    public record ReferralWithdrawn(String referralId, Parties parties, Sealed note) {
    }

    public record ReferralEnteredInError(String referralId, Parties parties, Sealed note) {
    }

    public record ReferralAccepted(String referralId, Parties parties, Sealed note) {
    }

    public record ReferralDeclined(String referralId, Parties parties, DeclineReason reason, Sealed note) {
    }

    public record ReferralForwarded(String referralId, Parties parties, String fromOfferId, String toOfferId, Sealed note) {
    }

    public record ContactMade(String referralId, Parties parties, Sealed note) {
    }

    public record ContactFailed(String referralId, Parties parties, Sealed note) {
    }

    /** Not answered, or no contact made, in time (DeadlinePolicy): raised by a deadline, to both sides. */
    public record ReferralOverdue(String referralId, Parties parties, dk.bindeled.events.referral.v1.OverdueKind kind, java.time.Instant dueAt) {
    }

    public record ReferralCompleted(String referralId, Parties parties, ReferralOutcome outcome, Sealed note) {
    }

    /** {@code issuer}: the organisation that handed the link out; {@code label} sealed by it. */
    public record StatusLinkIssued(String referralId, Parties parties, String linkId, String tokenHash, String issuer, Sealed label,
                                   java.time.Instant expiresAt, boolean showsPersonalData) {
    }

    public record StatusLinkRevoked(String referralId, Parties parties, String linkId) {
    }
}
