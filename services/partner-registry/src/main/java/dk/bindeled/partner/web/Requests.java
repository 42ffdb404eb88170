package dk.bindeled.partner.web;

import dk.bindeled.events.partner.v1.Capacity;
import dk.bindeled.events.partner.v1.MembershipRole;
import dk.bindeled.events.partner.v1.OfferLocation;
import dk.bindeled.events.partner.v1.OfferStatus;
import dk.bindeled.events.partner.v1.PartnerKind;
import dk.bindeled.events.partner.v1.ResourceCategory;
import dk.bindeled.events.partner.v1.Sector;
import dk.bindeled.events.partner.v1.TargetGroup;
import dk.bindeled.events.partner.v1.WeeklySchedule;
import dk.bindeled.partner.api.OfferDetails;
import dk.bindeled.partner.api.PartnerProfile;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import dk.bindeled.events.partner.v1.ReferralTerms;
import java.util.List;

/** Request bodies of the REST API. Shape is checked here; rules that need state live in the aggregate. */
public final class Requests {

    static final String PHONE = "^\\+?[0-9 ()-]{6,40}$";
    static final String CENTRE_ID = "^[a-z0-9][a-z0-9-]{0,63}$";

    private Requests() {
    }

    public record ProfileRequest(
            @NotBlank @Size(max = 200) String name,
            @NotNull Sector sector,
            @NotNull PartnerKind kind,
            @Pattern(regexp = "^\\d{8}$", message = "must be 8 digits") String cvr,
            @Size(max = 4000) String description,
            @Size(max = 500) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) address") String website,
            @Email @Size(max = 254) String email,
            @Pattern(regexp = PHONE, message = "must be a phone number") String phone,
            // Registration only: an id the client chose (the local stack's demo partners have fixed ids). Ignored on updates.
            java.util.UUID id) {

        PartnerProfile toProfile() {
            return new PartnerProfile(name.trim(), sector, kind, blankToNull(cvr), blankToNull(description),
                    blankToNull(website), blankToNull(email), blankToNull(phone));
        }
    }

    public record ContactRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String role,
            @Email @Size(max = 254) String workEmail,
            @Pattern(regexp = PHONE, message = "must be a phone number") String workPhone) {
    }

    public record ScheduleRequest(
            @NotEmpty List<@NotNull DayOfWeek> byDay,
            @NotNull LocalTime opensAt,
            @NotNull LocalTime closesAt,
            LocalDate validFrom,
            LocalDate validTo) {

        WeeklySchedule toSchedule() {
            return new WeeklySchedule(byDay.stream().distinct().sorted().toList(), opensAt, closesAt, validFrom, validTo);
        }
    }

    public record LocationRequest(
            @Pattern(regexp = CENTRE_ID, message = "must be lower-case letters, digits and dashes") String centreId,
            @Size(max = 200) String centreName,
            @Size(max = 300) String address) {
    }

    public record CapacityRequest(@Min(0) Integer maximum, @Min(0) Integer available) {
    }

    public record OfferRequest(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 4000) String description,
            @NotEmpty List<@NotNull TargetGroup> targetGroups,
            @Min(0) @Max(130) Integer minimumAge,
            @Min(0) @Max(130) Integer maximumAge,
            List<@NotBlank @Size(max = 40) String> languages,
            @Size(max = 200) String cost,
            List<@NotNull @Valid ScheduleRequest> schedules,
            @Valid LocationRequest location,
            @Valid CapacityRequest capacity,
            @NotNull OfferStatus status,
            @Valid ReferralTermsRequest referralTerms) {

        OfferDetails toDetails() {
            return new OfferDetails(title.trim(), blankToNull(description), targetGroups.stream().distinct().toList(),
                    minimumAge, maximumAge, languages, blankToNull(cost),
                    schedules == null ? List.of() : schedules.stream().map(ScheduleRequest::toSchedule).toList(),
                    location == null ? null : new OfferLocation(blankToNull(location.centreId()), blankToNull(location.centreName()),
                            blankToNull(location.address())),
                    capacity == null ? null : new Capacity(capacity.maximum(), capacity.available()),
                    status, referralTerms == null || referralTerms.empty() ? null
                            : new ReferralTerms(referralTerms.answerWorkingDays(), referralTerms.contactDays()));
        }
    }

    /** What the partner commits to for referrals to the offer; a value left out is the referrals service's default. */
    public record ReferralTermsRequest(@Min(1) @Max(ReferralTerms.MAX_ANSWER_WORKING_DAYS) Integer answerWorkingDays,
                                       @Min(1) @Max(ReferralTerms.MAX_CONTACT_DAYS) Integer contactDays) {

        boolean empty() {
            return answerWorkingDays == null && contactDays == null;
        }
    }

    public record ResourceRequest(
            @NotBlank @Size(max = 200) String name,
            @NotNull ResourceCategory category,
            @Size(max = 2000) String description,
            @Size(max = 2000) String terms) {
    }

    public record MembershipRequest(@Size(max = 200) String centreName, @NotNull MembershipRole role) {
    }

    public record ReasonRequest(@Size(max = 1000) String reason) {
    }

    public record Created(String id) {
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
