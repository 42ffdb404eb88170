package dk.bindeled.dashboard.query;

import java.time.LocalDate;
import java.util.List;

/**
 * The rooms of every centre, week by week: hours booked against hours open, for charts over a range of weeks read in
 * one go. Facilities and equipment are left out; a room's open hours are its centre's.
 *
 * @param weeks   the weeks, oldest first
 * @param centres every centre, by name, with one figure per week in the order of {@code weeks}
 */
public record RoomUseByWeek(List<Week> weeks, List<CentreUse> centres) {

    /**
     * @param week       the ISO week, e.g. "2026-W48"
     * @param weekNumber its number, e.g. 48
     * @param firstDay   its Monday
     * @param label      the week in Danish, e.g. "uge 48 (23.–29. november 2026)"
     */
    public record Week(String week, int weekNumber, LocalDate firstDay, String label) {
    }

    /**
     * @param centreId   the centre
     * @param centreName its name
     * @param rooms      how many rooms it has now
     * @param weeks      one figure per week
     */
    public record CentreUse(String centreId, String centreName, int rooms, List<WeekUse> weeks) {
    }

    /**
     * @param week               the ISO week
     * @param bookedHours        confirmed hours booked in the centre's rooms, overlaps in one room counted once
     * @param openHours          the centre's open hours that week times its rooms
     * @param utilisationPercent booked against open hours, one decimal; null when the rooms were not open at all
     */
    public record WeekUse(String week, double bookedHours, double openHours, Double utilisationPercent) {
    }
}
