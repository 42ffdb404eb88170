package dk.bindeled.referrals.web;

import dk.bindeled.events.partner.v1.TargetGroup;
import dk.bindeled.events.referral.v1.DeclineReason;
import dk.bindeled.events.referral.v1.ReferralOutcome;
import dk.bindeled.referrals.api.Consent;
import dk.bindeled.referrals.api.PersonalData;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** The bodies the referral API takes. What a person types about a resident goes no further than the web layer unsealed. */
public final class Requests {

    static final String PHONE = "^\\+?[0-9 ()-]{6,20}$";

    private Requests() {
    }

    public record ResidentRequest(@NotBlank @Size(max = 200) String name,
                                  @Pattern(regexp = PHONE, message = "must be a phone number") String phone,
                                  @Email @Size(max = 254) String email,
                                  LocalDate dateOfBirth,
                                  @Size(max = 40) String preferredLanguage,
                                  @NotNull PersonalData.ContactPreference contactPreference) {

        PersonalData toData() {
            return new PersonalData(name.strip(), blank(phone), blank(email), dateOfBirth, blank(preferredLanguage), contactPreference);
        }

        /** Spring logs the arguments it read at DEBUG: never the values. */
        @Override
        public String toString() {
            return "ResidentRequest[…]";
        }
    }

    public record ConsentRequest(@NotBlank @Size(max = 500) String purpose,
                                 @NotEmpty List<PersonalData.@NotNull Field> sharedData,
                                 @NotNull Consent.LegalBasis basis,
                                 @Size(max = 500) String provision,
                                 Consent.GivenBy givenBy,
                                 @NotNull LocalDate givenOn,
                                 LocalDate expiresOn) {
    }

    /** A referral with its consent (or legal basis) in one go, as the form takes them; sent at once unless {@code draft}. */
    public record ReferralRequest(@NotBlank @Size(max = 64) String residentId,
                                  @NotBlank @Size(max = 64) String recipient,
                                  @NotBlank @Size(max = 64) String offerId,
                                  TargetGroup targetGroup,
                                  @Size(max = 2000) String note,
                                  @NotNull @Valid ConsentRequest consent,
                                  Boolean draft,
                                  @Size(max = 1000) String capacityOverrideReason) {

        @Override
        public String toString() {
            return "ReferralRequest[" + residentId + " to " + recipient + "/" + offerId + "]";
        }
    }

    /**
     * {@code label}: who the link is for ("Frivillige i lektiecaféen"), personal data when it names someone;
     * {@code expiresInDays}: 1 to 30, 14 when left out; {@code showPersonalData}: whether the link shows what the consent
     * lets the recipient see (no by default).
     */
    public record StatusLinkRequest(@Size(max = 200) String label,
                                    @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(30) Integer expiresInDays,
                                    Boolean showPersonalData) {

        @Override
        public String toString() {
            return "StatusLinkRequest[…]";
        }
    }

    /** The token is in this answer and nowhere else: only its hash is kept. */
    public record StatusLinkIssued(String linkId, String token, java.time.Instant expiresAt) {
    }

    public record NoteRequest(@Size(max = 2000) String note) {

        @Override
        public String toString() {
            return "NoteRequest[…]";
        }
    }

    public record DeclineRequest(@NotNull DeclineReason reason, @Size(max = 2000) String note) {

        @Override
        public String toString() {
            return "DeclineRequest[" + reason + "]";
        }
    }

    public record ForwardRequest(@NotBlank @Size(max = 64) String toOfferId, @Size(max = 2000) String note) {

        @Override
        public String toString() {
            return "ForwardRequest[" + toOfferId + "]";
        }
    }

    public record CompleteRequest(@NotNull ReferralOutcome outcome, @Size(max = 2000) String note) {

        @Override
        public String toString() {
            return "CompleteRequest[" + outcome + "]";
        }
    }

    public record SendRequest(@Size(max = 1000) String capacityOverrideReason) {
    }

    /** {@code decision}: ERASE, or REFUSE with the legal basis for keeping the record. */
    public record ForgetRequest(@NotNull Decision decision, @Size(max = 1000) String legalBasis) {

        public enum Decision { ERASE, REFUSE }
    }

    public record Created(String id) {
    }

    /**
     * {@code warnings}: what the referrer should know and nothing of anyone else's data, e.g.
     * {@code open-referral-same-target-group}: the resident has an open referral for the same target group elsewhere.
     */
    public record ReferralCreated(String id, List<String> warnings) {
    }

    static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
