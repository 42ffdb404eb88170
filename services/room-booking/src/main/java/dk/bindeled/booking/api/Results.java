package dk.bindeled.booking.api;

import java.time.LocalDate;
import java.util.List;

/** What a handled command answers, so the caller learns the outcome without waiting for a projection. */
public final class Results {

    private Results() {
    }

    public enum Status { REQUESTED, CONFIRMED, OFFERED, REJECTED, CANCELLED, WAITING }

    public record BookingResult(String bookingId, Status status) {
    }

    /** What became of a meeting's room request: booked ({@code status}), refused ({@code refusal}), or asked before ({@code repeated}). */
    public record RoomRequestAnswer(String bookingId, Status status, dk.bindeled.events.booking.v1.RefusalReason refusal, boolean repeated) {
    }

    public record SeriesResult(String seriesId, Status status, List<Occurrence> occurrences, List<LocalDate> skippedDates) {
    }

    /** The bookings a command changed (a series cancelled from a date, bookings flagged). */
    public record Affected(List<String> bookingIds) {
    }
}
