package dk.bindeled.booking.domain;

import java.util.List;

/** The requested time (or some dates of a series) is taken: answered 409, listing every clash. */
public class BookingConflictException extends RuntimeException {

    private final List<Clash> clashes;

    public BookingConflictException(List<Clash> clashes) {
        super(clashes.size() == 1
                ? "The resource is already booked at that time (booking " + clashes.get(0).bookingId() + ")"
                : "The resource is already booked on " + clashes.stream().map(Clash::date).distinct().count() + " of the requested dates");
        this.clashes = List.copyOf(clashes);
    }

    public List<Clash> clashes() {
        return clashes;
    }
}
