package dk.bindeled.dashboard.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a centre's public info screen shows: today's confirmed bookings that are on now or start later
 * today, in the centre's time zone. Visibility is already applied: a booking that is not PUBLIC has the
 * title "Optaget" and no organiser, and its real title never leaves the server.
 *
 * @param centreId       the centre
 * @param centreName     its name, for "I dag i …"
 * @param date           today's date where the centre is
 * @param dateLabel      the date in Danish, e.g. "tirsdag 24. november"
 * @param timeZone       the centre's time zone, e.g. Europe/Copenhagen
 * @param now            the moment the split into now and later was made
 * @param clock          that moment as the centre's clock shows it, e.g. "10.15"
 * @param openingHours   today's opening windows, e.g. ["09.00–21.00"]; empty when closed all day
 * @param current        bookings going on now, by start time
 * @param later          bookings starting later today, by start time
 * @param coming         the next {@value #COMING_DAYS} days, each with its PUBLIC bookings (what residents can come to); a
 *                       day with none is left out
 * @param refreshSeconds when to ask again at the latest: just after the next booking starts or ends, or
 *                       after the screen refresh interval, whichever comes first
 */
public record CentreToday(String centreId,
                          String centreName,
                          LocalDate date,
                          String dateLabel,
                          String timeZone,
                          Instant now,
                          String clock,
                          List<String> openingHours,
                          List<ScreenBooking> current,
                          List<ScreenBooking> later,
                          List<ComingDay> coming,
                          long refreshSeconds) {

    /** How many days after today the screen shows under "De næste dage". */
    public static final int COMING_DAYS = 7;

    /** The public screen's title for a booking that is not PUBLIC. */
    public static final String BUSY_TITLE = "Optaget";

    /**
     * One booking on the screen.
     *
     * @param bookingId the booking
     * @param start     when it starts
     * @param end       when it ends
     * @param time      start and end in Danish style, e.g. "10.00–12.00"
     * @param resource  the room's name; null when the room is not known yet
     * @param title     the title for PUBLIC bookings, otherwise (and for PUBLIC ones without a title) "Optaget"
     * @param organiser the booking partner's name for PUBLIC bookings; null otherwise or when not known yet
     * @param busy      true when the booking is not PUBLIC
     */
    /** A coming day: its date, in Danish ("onsdag 25. november"), and its PUBLIC bookings by start time. */
    public record ComingDay(LocalDate date, String dateLabel, List<ScreenBooking> bookings) {
    }

    public record ScreenBooking(String bookingId, Instant start, Instant end, String time, String resource, String title,
                                String organiser, boolean busy) {
    }
}
