package dk.bindeled.referrals.query;

import dk.bindeled.referrals.api.PersonalData;
import dk.bindeled.referrals.domain.ReferralLifecycle.Side;
import dk.bindeled.referrals.domain.ReferralLifecycle.Step;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/** What the referral queries answer. Personal data appears only where the reader may see it at the moment of reading. */
public final class Views {

    private Views() {
    }

    /** A line of an inbox or an outbox: no personal data, the pseudonymous resident id only. */
    /** {@code overdue}: ANSWER or CONTACT while it waits past its deadline, else null. */
    public record ReferralSummary(String id, String residentId, Side side, String referrer, String recipient, String offerId,
                                  String targetGroup, String status, String overdue, OffsetDateTime sentAt, OffsetDateTime updatedAt) {
    }

    /**
     * @param resident      the resident's data as this reader may see it now: the referrer its own record, the recipient
     *                      the consented fields while the consent holds; null otherwise
     * @param residentShown why the data is or is not shown: SHOWN, NOT_SENT, CONSENT_NOT_VALID, FORGOTTEN
     * @param steps         the steps this reader may take now
     */
    public record ReferralView(String id, String residentId, Side side, String referrer, String recipient, String offerId,
                               String targetGroup, String status, Set<Step> steps, PersonalData resident, String residentShown,
                               List<ConsentView> consents, List<StepView> timeline, OffsetDateTime draftedAt, OffsetDateTime sentAt,
                               OffsetDateTime answeredAt, OffsetDateTime firstContactAt, OffsetDateTime closedAt, String capacityOverride,
                               String overdue, OffsetDateTime overdueSince, List<StatusLinkView> statusLinks) {
    }

    /**
     * A status link as either side sees it; the label only for the organisation that issued it (it may name a person).
     * {@code usable}: it opens now (not revoked, not expired).
     */
    public record StatusLinkView(String linkId, String issuer, String issuedBy, String label, boolean hasLabel, boolean showsPersonalData,
                                 OffsetDateTime issuedAt, OffsetDateTime expiresAt, OffsetDateTime revokedAt, boolean usable, int opened,
                                 OffsetDateTime lastOpenedAt) {
    }

    /**
     * What a status link shows, without signing in: the referral's course (no notes, no names of staff) and the resident's
     * data only when the issuer chose so and the consent holds now; {@code residentShown} says why not otherwise.
     */
    public record PublicStatus(String referralId, String offerTitle, String referrerName, String recipientName, String status, String overdue,
                               OffsetDateTime sentAt, OffsetDateTime closedAt, List<PublicStep> timeline, PersonalData resident,
                               String residentShown, OffsetDateTime expiresAt) {
    }

    public record PublicStep(String step, String detail, OffsetDateTime at) {
    }

    public record ConsentView(String consentId, String purpose, String recipient, List<PersonalData.Field> sharedData, String basis,
                              String provision, String givenBy, String recordedBy, LocalDate givenOn, LocalDate expiresOn,
                              OffsetDateTime revokedAt, boolean validToday) {
    }

    /** A step of the timeline; its note only for the organisation that wrote it (and while it has not forgotten the resident). */
    public record StepView(long seq, String step, String detail, String actor, OffsetDateTime at, String note, boolean hasNote) {

        /** A note is personal data: never in a log line. */
        @Override
        public String toString() {
            return "StepView[" + seq + " " + step + (hasNote ? " with note" : "") + "]";
        }
    }

    public record ReadView(String referralId, String reader, String readerOrg, String fields, OffsetDateTime readAt) {
    }

    public record ErasureView(String controller, String decision, String legalBasis, String decidedBy, OffsetDateTime decidedAt) {
    }

    /** GDPR art. 15 for one controller: what it holds of the resident, what it did with it and who read it. */
    public record ResidentExport(String residentId, String controller, PersonalData personalData, boolean forgotten,
                                 List<ReferralView> referrals, List<ReadView> reads, List<ErasureView> erasures) {
    }

    /** Counts only. */
    public record Statistics(long total, java.util.Map<String, Long> byStatus, java.util.Map<String, Long> byTargetGroup) {
    }
}
