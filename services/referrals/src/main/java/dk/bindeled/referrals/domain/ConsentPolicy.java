package dk.bindeled.referrals.domain;

import dk.bindeled.referrals.api.Consent;
import dk.bindeled.referrals.api.Consent.GivenBy;
import dk.bindeled.referrals.api.Consent.LegalBasis;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * When a resident's data may go to a recipient, in one place: a consent (or a legal provision) that names the recipient,
 * the purpose and each field — no blanket consent — given on or before today, not expired, not revoked. The aggregate
 * holds a referral to it before sending, and the queries before every read of the shared data, so a revocation or an
 * expiry cuts the recipient off at its next read.
 */
public final class ConsentPolicy {

    public static final String NO_VALID_CONSENT = "no-valid-consent";

    private ConsentPolicy() {
    }

    /** What a consent must say to be recorded at all; one problem per field. */
    public static List<InvalidInputException> problems(Consent consent) {
        List<InvalidInputException> problems = new ArrayList<>();
        if (consent.purpose() == null || consent.purpose().isBlank()) {
            problems.add(new InvalidInputException("purpose", "is required: a consent is for one purpose"));
        }
        if (consent.recipient() == null || consent.recipient().isBlank()) {
            problems.add(new InvalidInputException("recipient", "is required: a consent names its recipient"));
        }
        if (consent.sharedData() == null || consent.sharedData().isEmpty()) {
            problems.add(new InvalidInputException("sharedData", "must name at least one field: there is no blanket consent"));
        }
        if (consent.basis() == null) {
            problems.add(new InvalidInputException("basis", "is required: CONSENT or LEGAL_PROVISION"));
        } else if (consent.basis() == LegalBasis.LEGAL_PROVISION && (consent.provision() == null || consent.provision().isBlank())) {
            problems.add(new InvalidInputException("provision", "is required when sharing under a legal provision"));
        } else if (consent.basis() == LegalBasis.CONSENT && (consent.givenBy() == null || consent.givenBy() == GivenBy.NONE)) {
            problems.add(new InvalidInputException("givenBy", "must be RESIDENT or GUARDIAN for a consent"));
        }
        if (consent.givenOn() == null) {
            problems.add(new InvalidInputException("givenOn", "is required"));
        } else if (consent.expiresOn() != null && consent.expiresOn().isBefore(consent.givenOn())) {
            problems.add(new InvalidInputException("expiresOn", "is before givenOn"));
        }
        return problems;
    }

    /** Whether the consent lets the data go to this recipient today. */
    public static boolean allows(Consent consent, boolean revoked, String recipient, LocalDate today) {
        return !revoked && consent.recipient().equals(recipient) && !consent.givenOn().isAfter(today)
                && (consent.expiresOn() == null || !consent.expiresOn().isBefore(today));
    }

    /** The consent that holds today for the recipient, the newest first; empty when none does. */
    public static Optional<Consent> valid(Collection<Consent> consents, Collection<String> revoked, String recipient, LocalDate today) {
        return consents.stream()
                .filter(c -> allows(c, revoked.contains(c.consentId()), recipient, today))
                .reduce((a, b) -> b);
    }
}
