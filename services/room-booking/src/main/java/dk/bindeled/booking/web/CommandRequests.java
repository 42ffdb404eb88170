package dk.bindeled.booking.web;

import dk.bindeled.booking.api.BookingDetails;
import dk.bindeled.booking.api.BookingRules;
import dk.bindeled.booking.api.Quota;
import dk.bindeled.booking.api.Recurrence;
import dk.bindeled.booking.api.TimeWindow;
import dk.bindeled.events.booking.v1.OpeningHours;
import dk.bindeled.events.booking.v1.ResourceKind;
import dk.bindeled.events.booking.v1.Visibility;
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

    public record ReasonRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    public record MoveRequest(@NotNull LocalDateTime start, @NotNull LocalDateTime end) {
    }

    public record CancelSeriesRequest(@NotNull LocalDate fromDate, @NotBlank @Size(max = 1000) String reason) {
    }

    public record Created(String id) {
    }
}
