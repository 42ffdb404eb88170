package dk.bindeled.logbook.web;

import dk.bindeled.events.logbook.v1.CoCreationPhase;
import dk.bindeled.events.logbook.v1.CollaborationForm;
import dk.bindeled.events.logbook.v1.DecisionType;
import dk.bindeled.events.logbook.v1.Majority;
import dk.bindeled.events.logbook.v1.MeetingType;
import dk.bindeled.events.logbook.v1.VoteChoice;
import dk.bindeled.events.partner.v1.TargetGroup;
import dk.bindeled.logbook.api.Commands.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The bodies the logbook's API takes. Organisations by their registry id; people by name and work role only. */
public final class Requests {

    private Requests() {
    }

    public record PersonRequest(@Size(max = 64) String org, @NotBlank @Size(max = 200) String name, @Size(max = 200) String role) {
    }

    public record PartnerRequest(@NotBlank @Size(max = 64) String org, @NotNull Role role) {
    }

    /** The caller's organisation takes part as a lead partner unless listed otherwise; the coordinator is of the caller's unless named. */
    public record CollaborationRequest(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 2000) String purpose,
                                       @NotNull CollaborationForm form, List<@NotNull TargetGroup> targetGroups,
                                       @NotNull @Valid PersonRequest coordinator, List<@NotNull @Valid PartnerRequest> partners,
                                       Boolean coCreationTrack) {
    }

    public record FormRequest(@NotNull CollaborationForm form, @NotBlank @Size(max = 2000) String reason) {
    }

    public record GoalRequest(@NotBlank @Size(max = 1000) String goal, @NotBlank @Size(max = 1000) String successCriterion) {
    }

    public record GoalsRequest(@NotEmpty List<@NotNull @Valid GoalRequest> goals) {
    }

    public record TheoryRequest(@NotEmpty List<@NotBlank @Size(max = 500) String> resources, @NotEmpty List<@NotBlank @Size(max = 500) String> activities,
                                @NotEmpty List<@NotBlank @Size(max = 500) String> results, @NotEmpty List<@NotBlank @Size(max = 500) String> effects) {
    }

    public record PhaseRequest(@NotNull CoCreationPhase phase) {
    }

    /** {@code room}: a room to book through room booking for the meeting, in the name of one of the collaboration's partners. */
    public record MeetingRequest(@NotNull MeetingType type, @NotBlank @Size(max = 200) String title, @NotNull Instant startsAt, Instant endsAt,
                                 @Size(max = 300) String place, List<@NotBlank @Size(max = 64) String> invited, @Valid RoomRequest room) {
    }

    /** {@code partnerId}: in whose name the room is booked; the coordinator's organisation when left out. */
    public record RoomRequest(@NotBlank @Size(max = 64) String resourceId, @Size(max = 64) String partnerId) {
    }

    public record AgendaItemRequest(@NotBlank @Size(max = 500) String title, @Size(max = 200) String carriedOverFrom) {
    }

    public record AttendanceRequest(@NotNull List<@NotBlank @Size(max = 200) String> people) {
    }

    public record ProxyRequest(@NotBlank @Size(max = 64) String fromOrg, @NotBlank @Size(max = 64) String toOrg) {
    }

    public record VoteRequest(@Size(max = 64) String agendaItemId, @NotBlank @Size(max = 2000) String motion, @NotNull Majority majority,
                              @NotNull @DecimalMin("0") @DecimalMax("1") Double quorumShare, @Min(0) @Max(1000) Integer quorumMinimum, Boolean secret) {
    }

    /** {@code forOrg}: the organisation whose vote it is; the caller's own unless it casts a proxy. */
    public record BallotRequest(@Size(max = 64) String forOrg, @NotNull VoteChoice choice) {
    }

    public record TotalsRequest(@NotNull @Min(0) Integer forVotes, @NotNull @Min(0) Integer against, @NotNull @Min(0) Integer abstain) {
    }

    public record DecisionRequest(@NotBlank @Size(max = 64) String agendaItemId, @NotNull DecisionType type, @NotBlank @Size(max = 4000) String text,
                                  @Size(max = 64) String voteId) {
    }

    public record MinutesRequest(@NotBlank @Size(max = 100_000) String text) {
    }

    public record CirculateRequest(@NotNull Instant amendmentsUntil) {
    }

    public record AmendmentRequest(@Size(max = 200) String proposedBy, @NotBlank @Size(max = 4000) String text) {
    }

    public record AmendmentDecisionRequest(@NotNull Boolean accepted, @Size(max = 2000) String reason) {
    }

    public record ApprovalRequest(@Size(max = 64) String atMeetingId) {
    }

    public record ActionItemRequest(@NotBlank @Size(max = 500) String title, @NotBlank @Size(max = 64) String ownerOrg,
                                    @Size(max = 200) String ownerPerson, @NotNull java.time.LocalDate dueDate) {
    }

    public record CancelRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    public record Created(String id, List<String> warnings) {
    }
}
