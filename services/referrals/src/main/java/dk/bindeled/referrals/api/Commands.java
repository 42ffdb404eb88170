package dk.bindeled.referrals.api;

import dk.bindeled.events.partner.v1.TargetGroup;
import dk.bindeled.events.referral.v1.DeclineReason;
import dk.bindeled.events.referral.v1.ReferralOutcome;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * What can be asked of a resident and of a referral. Personal data and notes arrive already sealed (the web layer seals
 * them under the acting organisation's key), so no command, log line or aggregate ever holds them in the clear.
 * {@code actingOrg} is the caller's organisation (the token's {@code org}): it decides which side of the referral acts.
 */
public final class Commands {

    private Commands() {
    }

    public record RegisterResident(@TargetAggregateIdentifier String residentId, String controller, Sealed data) {
    }

    /** Forgetting for one controller: erase (its key is deleted), or refuse with the legal basis for keeping it. */
    public record ForgetResident(@TargetAggregateIdentifier String residentId, String controller, boolean refused, String legalBasis) {
    }

    /**
     * A referral with its first consent, sent at once when {@code shared} (the consented fields sealed for the recipient)
     * is given, else kept as a draft: one command, so a refusal of any part stores none of it.
     */
    public record DraftReferral(@TargetAggregateIdentifier String referralId, String residentId, String referrer, String recipient,
                                String offerId, TargetGroup targetGroup, Sealed note, Consent consent, Sealed shared, String overrideReason) {
    }

    public record RecordConsent(@TargetAggregateIdentifier String referralId, String actingOrg, Consent consent) {
    }

    public record RevokeConsent(@TargetAggregateIdentifier String referralId, String actingOrg, String consentId) {
    }

    /** {@code shared}: the consented fields sealed for the recipient; {@code overrideReason}: sent although the offer is full. */
    public record SendReferral(@TargetAggregateIdentifier String referralId, String actingOrg, Sealed shared, String overrideReason) {
    }

    public record WithdrawReferral(@TargetAggregateIdentifier String referralId, String actingOrg, Sealed note) {
    }

    public record MarkReferralEnteredInError(@TargetAggregateIdentifier String referralId, String actingOrg, Sealed note) {
    }

    public record AcceptReferral(@TargetAggregateIdentifier String referralId, String actingOrg, Sealed note) {
    }

    public record DeclineReferral(@TargetAggregateIdentifier String referralId, String actingOrg, DeclineReason reason, Sealed note) {
    }

    public record ForwardReferral(@TargetAggregateIdentifier String referralId, String actingOrg, String toOfferId, Sealed note) {
    }

    public record RecordContactMade(@TargetAggregateIdentifier String referralId, String actingOrg, Sealed note) {
    }

    public record RecordContactFailed(@TargetAggregateIdentifier String referralId, String actingOrg, Sealed note) {
    }

    public record CompleteReferral(@TargetAggregateIdentifier String referralId, String actingOrg, ReferralOutcome outcome, Sealed note) {
    }

    /**
     * A status link for one referral, for a partner without accounts: {@code tokenHash} is the SHA-256 of the address's
     * token (the token itself is handed out once and kept nowhere); {@code label}, who it is for, sealed by the issuer;
     * {@code expiresInDays} null for the default.
     */
    public record IssueStatusLink(@TargetAggregateIdentifier String referralId, String actingOrg, String linkId, String tokenHash, Sealed label,
                                  Integer expiresInDays, boolean showsPersonalData) {
    }

    public record RevokeStatusLink(@TargetAggregateIdentifier String referralId, String actingOrg, String linkId) {
    }
}
