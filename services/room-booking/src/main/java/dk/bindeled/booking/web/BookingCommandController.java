package dk.bindeled.booking.web;

import dk.bindeled.booking.api.Commands.AcceptWaitlistOffer;
import dk.bindeled.booking.api.Commands.ApproveBooking;
import dk.bindeled.booking.api.Commands.ApproveSeries;
import dk.bindeled.booking.api.Commands.CancelBooking;
import dk.bindeled.booking.api.Commands.CancelSeriesFrom;
import dk.bindeled.booking.api.Commands.DeclineWaitlistOffer;
import dk.bindeled.booking.api.Commands.JoinWaitlist;
import dk.bindeled.booking.api.Commands.LeaveWaitlist;
import dk.bindeled.booking.api.Commands.MoveBooking;
import dk.bindeled.booking.api.Commands.RejectBooking;
import dk.bindeled.booking.api.Commands.RejectSeries;
import dk.bindeled.booking.api.Commands.RequestBooking;
import dk.bindeled.booking.api.Commands.RequestSeries;
import dk.bindeled.booking.api.Results.Affected;
import dk.bindeled.booking.api.Results.BookingResult;
import dk.bindeled.booking.api.Results.SeriesResult;
import dk.bindeled.booking.domain.BookingLocator.Kind;
import dk.bindeled.booking.domain.BookingLocator.Location;
import dk.bindeled.booking.domain.BookingPermissions;
import dk.bindeled.booking.domain.InvalidInputException;
import dk.bindeled.booking.domain.Viewer;
import dk.bindeled.booking.web.CommandRequests.BookingRequest;
import dk.bindeled.booking.web.CommandRequests.CancelRequest;
import dk.bindeled.booking.web.CommandRequests.CancelSeriesRequest;
import dk.bindeled.booking.web.CommandRequests.MoveRequest;
import dk.bindeled.booking.web.CommandRequests.RejectRequest;
import dk.bindeled.booking.web.CommandRequests.SeriesRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Booking commands. Each is first held to {@link BookingPermissions} for the partner and centre it concerns: a
 * partner's members book, move and cancel for their own partner, the centre's staff on behalf of its partners, and
 * only the centre's manager approves and rejects. An unknown id is 404 before any rule is asked.
 */
@RestController
@Tag(name = "Bookings: commands", description = "Book, approve, reject, cancel and move bookings and series; wait for a taken slot")
public class BookingCommandController {

    private final CommandSender commands;
    private final Access access;

    public BookingCommandController(CommandSender commands, Access access) {
        this.commands = commands;
        this.access = access;
    }

    /** For a new booking, series or wait: the partner named in the body, at the centre of the resource named in it. */
    private void mayBookFor(String resourceId, String partnerId) {
        String centreId = access.centreOf(resourceId)
                .orElseThrow(() -> new InvalidInputException("resourceId", "names no resource: " + resourceId));
        access.require(BookingPermissions.mayBookFor(access.viewer(), partnerId, centreId), BookingPermissions.BOOK_FOR_PARTNER);
    }

    private String mayChange(String id, Kind kind) {
        Location location = commands.locate(id, kind);
        access.require(BookingPermissions.mayChange(access.viewer(), location.partnerId(), access.centreOf(location)),
                BookingPermissions.CHANGE_BOOKING);
        return location.resourceId();
    }

    private String mayDecide(String id, Kind kind) {
        Location location = commands.locate(id, kind);
        access.require(BookingPermissions.mayDecide(access.viewer(), access.centreOf(location)), BookingPermissions.DECIDE_REQUESTS);
        return location.resourceId();
    }

    private String mayAnswerOffer(String bookingId) {
        Location location = commands.locate(bookingId, Kind.BOOKING);
        Viewer viewer = access.viewer();
        access.require(BookingPermissions.mayAnswerOffer(viewer, location.partnerId()), BookingPermissions.ANSWER_OFFER);
        return location.resourceId();
    }

    @PostMapping("/api/bookings")
    @Operation(summary = "Book a resource for a partner: confirmed at once, or requested when the resource needs approval")
    public ResponseEntity<BookingResult> book(@Valid @RequestBody BookingRequest body) {
        mayBookFor(body.resourceId(), body.partnerId());
        String id = UUID.randomUUID().toString();
        BookingResult result = commands.sendNamed(new RequestBooking(body.resourceId(), id, body.partnerId(), body.start(), body.end(),
                body.details()), "resourceId", body.resourceId());
        return ResponseEntity.created(URI.create("/api/bookings/" + id)).body(result);
    }

    @PostMapping("/api/bookings/{bookingId}/approve")
    @Operation(summary = "Approve a requested booking (the centre's manager)")
    public BookingResult approve(@PathVariable String bookingId) {
        return commands.sendTo(new ApproveBooking(mayDecide(bookingId, Kind.BOOKING), bookingId), "booking", bookingId);
    }

    @PostMapping("/api/bookings/{bookingId}/reject")
    @Operation(summary = "Reject a requested booking, with the reason's category (published) and an optional note (kept here)")
    public BookingResult reject(@PathVariable String bookingId, @Valid @RequestBody RejectRequest body) {
        return commands.sendTo(new RejectBooking(mayDecide(bookingId, Kind.BOOKING), bookingId, body.reasonCategory(), body.note()),
                "booking", bookingId);
    }

    @PostMapping("/api/bookings/{bookingId}/cancel")
    @Operation(summary = "Cancel a booking, with the reason's category (published) and an optional note (kept here); "
            + "inside the centre's notice period it counts as a late cancellation")
    public BookingResult cancel(@PathVariable String bookingId, @Valid @RequestBody CancelRequest body) {
        return commands.sendTo(new CancelBooking(mayChange(bookingId, Kind.BOOKING), bookingId, body.reasonCategory(), body.note()),
                "booking", bookingId);
    }

    @PostMapping("/api/bookings/{bookingId}/move")
    @Operation(summary = "Move a booking to a new time on the same resource (same booking, history kept)")
    public BookingResult move(@PathVariable String bookingId, @Valid @RequestBody MoveRequest body) {
        return commands.sendTo(new MoveBooking(mayChange(bookingId, Kind.BOOKING), bookingId, body.start(), body.end()),
                "booking", bookingId);
    }

    @PostMapping("/api/bookings/{bookingId}/accept")
    @Operation(summary = "Accept a waitlist offer")
    public BookingResult accept(@PathVariable String bookingId) {
        return commands.sendTo(new AcceptWaitlistOffer(mayAnswerOffer(bookingId), bookingId), "booking", bookingId);
    }

    @PostMapping("/api/bookings/{bookingId}/decline")
    @Operation(summary = "Decline a waitlist offer; the slot goes to the next in line")
    public BookingResult decline(@PathVariable String bookingId) {
        return commands.sendTo(new DeclineWaitlistOffer(mayAnswerOffer(bookingId), bookingId), "booking", bookingId);
    }

    @PostMapping("/api/series")
    @Operation(summary = "Book a recurring series: every date or none, unless skipClashes (then the skipped dates are listed)")
    public ResponseEntity<SeriesResult> bookSeries(@Valid @RequestBody SeriesRequest body) {
        mayBookFor(body.resourceId(), body.partnerId());
        String id = UUID.randomUUID().toString();
        SeriesResult result = commands.sendNamed(new RequestSeries(body.resourceId(), id, body.partnerId(), body.firstStart(),
                body.firstEnd(), body.recurrence().toRecurrence(), Boolean.TRUE.equals(body.skipClashes()), body.details()), "resourceId", body.resourceId());
        return ResponseEntity.created(URI.create("/api/series/" + id)).body(result);
    }

    @PostMapping("/api/series/{seriesId}/approve")
    @Operation(summary = "Approve every requested occurrence of a series")
    public Affected approveSeries(@PathVariable String seriesId) {
        return commands.sendTo(new ApproveSeries(mayDecide(seriesId, Kind.SERIES), seriesId), "series", seriesId);
    }

    @PostMapping("/api/series/{seriesId}/reject")
    @Operation(summary = "Reject every requested occurrence of a series")
    public Affected rejectSeries(@PathVariable String seriesId, @Valid @RequestBody RejectRequest body) {
        return commands.sendTo(new RejectSeries(mayDecide(seriesId, Kind.SERIES), seriesId, body.reasonCategory(), body.note()),
                "series", seriesId);
    }

    @PostMapping("/api/series/{seriesId}/cancel")
    @Operation(summary = "Cancel the occurrence on fromDate and all later ones (cancel a single occurrence as a booking)")
    public Affected cancelSeries(@PathVariable String seriesId, @Valid @RequestBody CancelSeriesRequest body) {
        return commands.sendTo(new CancelSeriesFrom(mayChange(seriesId, Kind.SERIES), seriesId, body.fromDate(),
                body.reasonCategory(), body.note()), "series", seriesId);
    }

    @PostMapping("/api/waitlist")
    @Operation(summary = "Wait for a taken slot; when it frees, the first in line gets it")
    public ResponseEntity<BookingResult> joinWaitlist(@Valid @RequestBody BookingRequest body) {
        mayBookFor(body.resourceId(), body.partnerId());
        String id = UUID.randomUUID().toString();
        BookingResult result = commands.sendNamed(new JoinWaitlist(body.resourceId(), id, body.partnerId(), body.start(), body.end(),
                body.details()), "resourceId", body.resourceId());
        return ResponseEntity.created(URI.create("/api/waitlist/" + id)).body(result);
    }

    @DeleteMapping("/api/waitlist/{entryId}")
    @Operation(summary = "Stop waiting")
    public ResponseEntity<Void> leaveWaitlist(@PathVariable String entryId) {
        commands.sendTo(new LeaveWaitlist(mayChange(entryId, Kind.WAITLIST), entryId), "waitlist entry", entryId);
        return ResponseEntity.noContent().build();
    }
}
