package dk.bindeled.booking.web;

import dk.bindeled.booking.api.BookingDetails;
import dk.bindeled.booking.api.BookingRules;
import dk.bindeled.booking.api.Quota;
import dk.bindeled.booking.api.Recurrence;
import dk.bindeled.booking.api.TimeWindow;
import com.fasterxml.jackson.annotation.JsonAlias;
import dk.bindeled.events.booking.v1.CancellationReason;
import dk.bindeled.events.booking.v1.OpeningHours;
import dk.bindeled.events.booking.v1.RejectionReason;
import dk.bindeled.events.booking.v1.ResourceKind;
import dk.bindeled.events.booking.v1.Visibility;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/** Request bodies of the command API. Shape is checked here; rules that need state live in the aggregates. */
public final class CommandRequests {

    static final String SLUG = "^[a-z0-9][a-z0-9-]{1,63}$";

    private CommandRequests() {
    }

    public record OpeningHoursRequest(@NotNull DayOfWeek day, @NotNull LocalTime opens, @NotNull LocalTime closes) {
        OpeningHours toHours() {
            return new OpeningHours(day, opens, closes);
        }
    }

    public record WindowRequest(@NotNull DayOfWeek day, @NotNull LocalTime from, @NotNull LocalTime to) {
        TimeWindow toWindow() {
            return new TimeWindow(day, from, to);
        }
    }

    public record QuotaRequest(@Min(0) @Max(168) Integer hoursPerWeek, @Min(0) @Max(168) Integer peakHoursPerWeek) {
        Quota toQuota() {
            return new Quota(hoursPerWeek, peakHoursPerWeek);
        }
    }

    public record CentreRequest(
            @NotNull @Pattern(regexp = SLUG, message = "must be 2–64 lower-case letters, digits and dashes") String id,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 300) String address,
            @Size(max = 64) String managerPartnerId,
            @NotNull @Size(min = 1, max = 21) List<@Valid @NotNull OpeningHoursRequest> openingHours,
            @NotNull @Min(0) @Max(1440) Integer cancellationNoticeHours,
            List<@Valid @NotNull WindowRequest> peakHours,
            @Valid QuotaRequest defaultQuota) {
    }

    public record RulesRequest(
            @NotNull BookingRules.Access access,
            List<@NotBlank @Size(max = 64) String> listedPartners,
            Boolean approvalRequired,
            @Min(15) @Max(24 * 60) Integer maxLengthMinutes,
            @Min(1) @Max(730) Integer maxDaysAhead) {
        BookingRules toRules() {
            return new BookingRules(access, listedPartners, Boolean.TRUE.equals(approvalRequired), maxLengthMinutes, maxDaysAhead);
        }
    }

    public record ResourceRequest(
            @Pattern(regexp = SLUG, message = "must be 2–64 lower-case letters, digits and dashes") String id,
            @NotBlank @Size(max = 200) String name,
            @NotNull ResourceKind kind,
            @Min(0) @Max(10_000) Integer capacity,
            List<@NotBlank @Size(max = 100) String> features,
            @Min(0) @Max(240) Integer cleaningBufferMinutes,
            @NotNull @Valid RulesRequest rules) {
    }

    public record BookingRequest(
            @NotBlank @Size(max = 64) String resourceId,
            @NotBlank @Size(max = 64) String partnerId,
            @NotNull LocalDateTime start,
            @NotNull LocalDateTime end,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 2000) String purpose,
            @Min(1) @Max(10_000) Integer attendees,
            @Size(max = 200) String targetGroup,
            @NotNull Visibility visibility,
            @Size(max = 64) String offerId,
            @Size(max = 64) String meetingId) {
        BookingDetails details() {
            return new BookingDetails(title, purpose, attendees, targetGroup, visibility, offerId, meetingId);
        }
    }

    public record RecurrenceRequest(@NotNull Recurrence.Frequency frequency, LocalDate until, @Min(1) @Max(260) Integer count,
                                    List<@NotNull LocalDate> exceptions) {
        Recurrence toRecurrence() {
            return new Recurrence(frequency, until, count, exceptions);
        }
    }

    public record SeriesRequest(
            @NotBlank @Size(max = 64) String resourceId,
            @NotBlank @Size(max = 64) String partnerId,
            @NotNull LocalDateTime firstStart,
            @NotNull LocalDateTime firstEnd,
            @NotNull @Valid RecurrenceRequest recurrence,
            Boolean skipClashes,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 2000) String purpose,
            @Min(1) @Max(10_000) Integer attendees,
            @Size(max = 200) String targetGroup,
            @NotNull Visibility visibility,
            @Size(max = 64) String offerId,
            @Size(max = 64) String meetingId) {
        BookingDetails details() {
            return new BookingDetails(title, purpose, attendees, targetGroup, visibility, offerId, meetingId);
        }
    }

    // Bean Validation messages must be constants; BookingApiIT checks that they list every value of the enums.
    static final String REJECTION_REASONS =
            "must be one of [OUTSIDE_PURPOSE, ROOM_NEEDED_ELSEWHERE, ROOM_UNSUITABLE, INCOMPLETE_REQUEST, QUOTA_FAIRNESS, OTHER]";
    static final String CANCELLATION_REASONS = "must be one of [ORGANISER_CANCELLED, ORGANISER_UNAVAILABLE, TOO_FEW_PARTICIPANTS, "
            + "ROOM_UNSUITABLE, ROOM_UNAVAILABLE, DUPLICATE, OTHER]";
    private static final String NOTE = "Free text for the centre, kept in room booking and never sent to other services "
            + "(it may name residents). Also accepted under its former name reason.";

    /**
     * Why a booking is rejected. The category is what other services learn; the note stays here. The note is also
     * read from {@code reason}, the field's name before categories, so a client only has to add the category.
     */
    public record RejectRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull(message = REJECTION_REASONS) RejectionReason reasonCategory,
            @Schema(description = NOTE) @JsonAlias("reason") @Size(max = 1000) String note) {
        public RejectRequest {
            note = blankToNull(note);
        }
    }

    /** Why a booking is cancelled; like {@link RejectRequest}. */
    public record CancelRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull(message = CANCELLATION_REASONS) CancellationReason reasonCategory,
            @Schema(description = NOTE) @JsonAlias("reason") @Size(max = 1000) String note) {
        public CancelRequest {
            note = blankToNull(note);
        }
    }

    public record MoveRequest(@NotNull LocalDateTime start, @NotNull LocalDateTime end) {
    }

    public record CancelSeriesRequest(
            @NotNull LocalDate fromDate,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull(message = CANCELLATION_REASONS) CancellationReason reasonCategory,
            @Schema(description = NOTE) @JsonAlias("reason") @Size(max = 1000) String note) {
        public CancelSeriesRequest {
            note = blankToNull(note);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public record Created(String id) {
    }
}
