package dk.bindeled.referrals.api;

import java.time.LocalDate;
import java.util.List;

/**
 * Permission to share named data of a resident with one named recipient for one purpose: the resident's consent, or the
 * provision of law that allows the sharing without it (a public authority often cannot rely on consent).
 *
 * @param consentId   its id
 * @param purpose     what the sharing is for, e.g. "henvisning til babycafé"
 * @param recipient   the receiving partner
 * @param sharedData  the fields that may be shared, at least one
 * @param basis       consent, or a legal provision
 * @param provision   the provision when the basis is one, e.g. "serviceloven § 49 b"
 * @param givenBy     who gave the consent: the resident or a guardian (NONE under a legal provision)
 * @param recordedBy  who recorded it (the token's subject)
 * @param givenOn     when it was given
 * @param expiresOn   the last day it holds; null: until revoked
 */
public record Consent(String consentId, String purpose, String recipient, List<PersonalData.Field> sharedData, LegalBasis basis,
                      String provision, GivenBy givenBy, String recordedBy, LocalDate givenOn, LocalDate expiresOn) {

    public enum LegalBasis { CONSENT, LEGAL_PROVISION }

    public enum GivenBy { RESIDENT, GUARDIAN, NONE }

    @Override
    public String toString() {
        return "Consent[" + consentId + " to " + recipient + " " + sharedData + " " + basis + "]";
    }
}
